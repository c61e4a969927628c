import { batchRequest } from '../lib/bench-router';
import {
  compareAtPeak,
  pick,
  round,
  SATURATING_CONNECTIONS,
  serverScript,
  type Contender,
} from '../lib/measure';
import { PAYLOAD, PAYLOAD_BYTES } from '../lib/payload';
import { createMigratedDatabase } from '../lib/scratch-db';
import type { Benchmark } from '../lib/types';

/** What an overhead costs on top of the request without it, in % of that request's time. */
function costPct(without: number, withIt: number): number {
  return round((without / withIt - 1) * 100, 1);
}

/**
 * P2: the same 1 KB payload as a tRPC query through the product's stack, against the bare Hono
 * route of P1; and what resolving the caller's session adds, and what app.ts's middleware adds.
 */
export const p2Trpc: Benchmark = {
  id: 'p2',
  title: `tRPC: product query stack vs bare Hono (${PAYLOAD_BYTES} B JSON)`,
  async run(ctx) {
    const rounds = ctx.quick ? 1 : 2;
    ctx.log('creating and migrating a scratch database (sessions are looked up there)');
    const scratch = await createMigratedDatabase(ctx.postgresAdminUrl, 'p2');
    try {
      // One query as the product's clients send it: httpBatchLink, POST, a batch of one.
      const query = batchRequest(1);
      const trpcBody = JSON.stringify([{ result: { data: { json: PAYLOAD } } }]);
      // Production's log level: the app writes one line per API request (to /dev/null here).
      const env = { DATABASE_URL: scratch.url, LOG_LEVEL: 'info' };
      const stack = (name: string, mode: string): Contender => ({
        name,
        script: serverScript('trpc-stack'),
        env: { ...env, BENCH_STACK: mode },
        path: query.path,
        request: query,
        expected: trpcBody,
        // The stacks that resolve the caller: an officer's console session.
        signedIn: mode === 'trpc-session' || mode === 'app',
      });
      const results = await compareAtPeak(
        ctx,
        [
          {
            name: 'hono',
            script: serverScript('p1-hono'),
            path: '/payload',
            expected: JSON.stringify(PAYLOAD),
          },
          stack('trpc', 'trpc'),
          stack('trpc+session', 'trpc-session'),
          stack('app', 'app'),
          stack('trpc-pristine', 'trpc-pristine'),
        ],
        rounds,
      );
      const hono = pick(results, 'hono');
      const trpc = pick(results, 'trpc');
      const session = pick(results, 'trpc+session');
      const app = pick(results, 'app');
      const pristine = pick(results, 'trpc-pristine');
      return {
        metrics: {
          'p2.hono_rps': round(hono.rps, 0),
          'p2.trpc_rps': round(trpc.rps, 0),
          'p2.trpc_session_rps': round(session.rps, 0),
          'p2.app_rps': round(app.rps, 0),
          'p2.hono_cpu_us_per_req': round(hono.cpuUsPerRequest, 1),
          'p2.trpc_cpu_us_per_req': round(trpc.cpuUsPerRequest, 1),
          'p2.trpc_session_cpu_us_per_req': round(session.cpuUsPerRequest, 1),
          'p2.app_cpu_us_per_req': round(app.cpuUsPerRequest, 1),
          'p2.trpc_pristine_rps': round(pristine.rps, 0),
          'p2.trpc_pristine_cpu_us_per_req': round(pristine.cpuUsPerRequest, 1),
        },
        ratios: {
          'p2.trpc_vs_hono_rps': round(trpc.rps / hono.rps),
          'p2.session_context_cost_pct': costPct(trpc.rps, session.rps),
          'p2.session_context_cost_cpu_pct': costPct(session.cpuUsPerRequest, trpc.cpuUsPerRequest),
          'p2.app_middleware_cost_pct': costPct(session.rps, app.rps),
          'p2.app_vs_hono_rps': round(app.rps / hono.rps),
          'p2.after_sign_in_cost_pct': costPct(pristine.rps, trpc.rps),
          'p2.trpc_pristine_vs_hono_rps': round(pristine.rps / hono.rps),
        },
        targets: [
          { name: 'p2.trpc_vs_hono_rps', op: '>=', value: 0.3, label: 'stretch 0.40' },
          { name: 'p2.session_context_cost_pct', op: '<=', value: 15 },
        ],
        notes: [
          'tRPC requests are sent like the product clients send them: httpBatchLink, POST, JSON body, x-unionhall-locale.',
          'trpc: @hono/trpc-server mounted with app.ts options, product initTRPC (superjson, error formatter), createContext, publicProcedure with a zod output; caller fixed as anonymous. As on a server in use, an officer has signed in before the load (Better Auth has run).',
          "trpc+session: the same, resolving the caller as app.ts does (resolveActor) for a signed-in officer sending the console's session cookie: Better Auth checks the session, and the actor cache (actor-cache.ts, 5 s) remembers it between requests, as in production.",
          'app: createApp() itself (request id, request log at info to /dev/null, secure headers, compression, CORS, CSRF, body limit, session), for the same signed-in officer.',
          'trpc-pristine: trpc in a process where Better Auth never ran. Better Auth runs every call in AsyncLocalStorage, which on Node 20 turned on async hooks for every promise the process made afterwards (+43% CPU per query) until auth/quiet-context.ts turned its storages off between calls; after_sign_in_cost_pct is what a process that has signed someone in still pays (a larger heap, more code loaded). Not a target.',
          'cost_pct = extra time per request over the one without, in %; *_cpu_* from server CPU time per request.',
          `${SATURATING_CONNECTIONS} connections; best of ${rounds} alternated round(s).`,
        ],
      };
    } finally {
      await scratch.drop();
    }
  },
};

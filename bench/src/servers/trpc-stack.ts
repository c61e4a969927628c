// P2 and P6: the bench router (lib/bench-router.ts) served by the product's tRPC stack.
//   BENCH_STACK=trpc          Hono + app.ts's tRPC handler (@hono/trpc-server) with its options, the
//                             product's createContext, the caller fixed as anonymous.
//   BENCH_STACK=trpc-session  the same, resolving the caller like app.ts (resolveActor: API
//                             token, else the session cookie, else anonymous).
//   BENCH_STACK=app           the whole product: createApp() from apps/server with its
//                             middleware (request id, request log, secure headers, compression,
//                             CORS, CSRF guard, body limit) and session resolution.
//   BENCH_STACK=trpc-pristine as trpc, in a process where Better Auth has never run.
// Except in trpc-pristine, an officer signs in before the server is ready (its cookie is on the
// READY line), as someone always has on a server in use: Better Auth runs each call inside
// AsyncLocalStorage, and on Node 20 that turns on async hooks for every promise made afterwards
// in the process, signed-in caller or not. trpc-pristine shows what that costs.
// DATABASE_URL: a migrated PostgreSQL database. Logs go to /dev/null at LOG_LEVEL (default info,
// as in production) through the product's log destination, so the cost of writing them is
// measured, not the terminal's.
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { ANONYMOUS, createContext, resolveActor } from '@unionhall/api';
import { openDatabase, seedDemoData } from '@unionhall/db';
import { pickLocale } from '@unionhall/domain';
import { createApp, trpcHandler } from '@unionhall/server';
import { readEnv } from '@unionhall/server/env';
import { createLogger, logDestination } from '@unionhall/server/logger';
import { Hono } from 'hono';
import { benchApiDeps } from '../lib/bench-api-deps';
import { signedInBenchOfficer } from '../lib/bench-officer';
import { benchRouter } from '../lib/bench-router';

const stack = process.env.BENCH_STACK ?? 'app';
const env = readEnv(process.env);
if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required');

const db = await openDatabase({ url: env.DATABASE_URL });
const logger = createLogger({
  level: env.LOG_LEVEL,
  pretty: false,
  destination: logDestination('/dev/null'),
});
// Jobs and storage are never touched by the bench procedure: benchApiDeps' runner that is never
// started and files in memory stand in.
const BASE_URL = 'http://localhost';
// Better Auth's sign-in limit would refuse servers started one after another on this database;
// it guards /api/auth/* only, never the /trpc requests measured here.
const deps = benchApiDeps(db, logger, { baseURL: BASE_URL, rateLimit: false });

function trpcOnly(resolveSession: boolean) {
  const app = new Hono();
  // The options app.ts passes, minus its middleware.
  app.use(
    '/trpc/*',
    trpcHandler({
      endpoint: '/trpc',
      router: benchRouter,
      allowMethodOverride: true,
      maxBatchSize: env.TRPC_MAX_BATCH,
      createContext: async (c) =>
        createContext(deps, {
          requestId: randomUUID(),
          locale: pickLocale(c.req.header('accept-language')),
          actor: resolveSession
            ? await resolveActor(deps.auth, db.prisma, c.req.raw.headers)
            : ANONYMOUS,
        }),
    }),
  );
  return app;
}

function product() {
  return createApp({
    ...deps,
    router: benchRouter,
    config: {
      corsOrigins: env.CORS_ORIGINS,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      trpcMaxBatch: env.TRPC_MAX_BATCH,
      hsts: false,
    },
  });
}

const app =
  stack === 'trpc' || stack === 'trpc-pristine'
    ? trpcOnly(false)
    : stack === 'trpc-session'
      ? trpcOnly(true)
      : product();

// An officer signs in through the product's own routes; the stacks that resolve the caller are
// measured with the session cookie the console sends (then remembered per actor-cache.ts, as in
// production). The READY line carries it, base64url-encoded.
let cookie: string | null = null;
if (stack !== 'trpc-pristine') {
  await seedDemoData(db);
  // Through this app's routes where it has them; else a product app on the same auth, which
  // also turns on the actor cache for it as createApp does in production.
  const routes = stack === 'app' ? app : product();
  cookie = (await signedInBenchOfficer(routes, deps.auth, db, { origin: BASE_URL })).cookie;
}

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  const session = cookie === null ? '-' : Buffer.from(cookie).toString('base64url');
  process.stdout.write(`READY ${info.port} ${env.TRPC_MAX_BATCH} ${session}\n`);
});
process.on('SIGTERM', () => {
  void db.close().finally(() => process.exit(0));
});

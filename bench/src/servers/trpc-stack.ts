// P2 and P6: the bench router (lib/bench-router.ts) served by the product's tRPC stack.
//   BENCH_STACK=trpc          Hono + app.ts's tRPC handler (@hono/trpc-server) with its options, the
//                             product's createContext, the caller fixed as anonymous.
//   BENCH_STACK=trpc-session  the same, resolving the caller like app.ts (resolveActor: API
//                             token, else Better Auth's session lookup, else anonymous).
//   BENCH_STACK=app           the whole product: createApp() from apps/server with its
//                             middleware (request id, request log, secure headers, compression,
//                             CORS, CSRF guard, body limit) and session resolution.
// DATABASE_URL: a migrated PostgreSQL database. Logs go to /dev/null at LOG_LEVEL (default info,
// as in production) through the product's log destination, so the cost of writing them is
// measured, not the terminal's.
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { ANONYMOUS, createContext, resolveActor } from '@unionhall/api';
import { openDatabase } from '@unionhall/db';
import { pickLocale } from '@unionhall/domain';
import { createApp, trpcHandler } from '@unionhall/server';
import { readEnv } from '@unionhall/server/env';
import { createLogger, logDestination } from '@unionhall/server/logger';
import { Hono } from 'hono';
import { benchApiDeps } from '../lib/bench-api-deps';
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
const deps = benchApiDeps(db, logger, { baseURL: 'http://localhost' });

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
  stack === 'trpc' ? trpcOnly(false) : stack === 'trpc-session' ? trpcOnly(true) : product();

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`READY ${info.port} ${env.TRPC_MAX_BATCH}\n`);
});
process.on('SIGTERM', () => {
  void db.close().finally(() => process.exit(0));
});

// The product's real HTTP application (apps/server createApp) on a benchmark database, with an
// officer signed in the way the console signs in (password, then TOTP) and an integrator token,
// both over the unit BENCH_OFFICER_UNIT. Prints `READY {"port", "cookie", "token"}`.
//
// Configured like `pnpm start` against PostgreSQL: default pool, request logging at info
// (written to /dev/null, so its cost is paid but nothing piles up), no static apps.
import { serve } from '@hono/node-server';
import { createApiToken } from '@unionhall/api';
import { openDatabase } from '@unionhall/db';
import { ZRole } from '@unionhall/domain';
import { createApp } from '@unionhall/server';
import { createLogger, logDestination } from '@unionhall/server/logger';
import { benchApiDeps } from '../lib/bench-api-deps';
import { signedInBenchOfficer } from '../lib/bench-officer';

const ORIGIN = 'http://localhost';

const url = process.env.BENCH_DB_URL;
const unitCode = process.env.BENCH_OFFICER_UNIT;
if (!url || !unitCode) throw new Error('BENCH_DB_URL and BENCH_OFFICER_UNIT are required');
const role = ZRole.parse(process.env.BENCH_OFFICER_ROLE ?? 'UNION_ADMIN');

const db = await openDatabase({ url });
const deps = benchApiDeps(
  db,
  // The product's logger and destination (lines to /dev/null), as index.ts builds them.
  createLogger({ level: 'info', pretty: false, destination: logDestination('/dev/null') }),
  // The sign-in limit (5 a minute) would refuse back-to-back bench runs; it guards
  // /api/auth/* only, never the /trpc requests measured here.
  { baseURL: ORIGIN, rateLimit: false },
);
const { auth } = deps;
const app = createApp({
  ...deps,
  config: { corsOrigins: [], bodyLimitBytes: 1024 * 1024, trpcMaxBatch: 10, hsts: false },
});

// A fresh officer per run: the database is reused between runs.
const { userId, cookie } = await signedInBenchOfficer(app, auth, db, {
  origin: ORIGIN,
  unitCode,
  role,
});
const unit = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: unitCode } });
const token = await createApiToken(auth, {
  ownerUserId: userId,
  name: 'bench',
  orgUnitId: unit.id,
  scopes: ['member.read'],
});

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`READY ${JSON.stringify({ port: info.port, cookie, token: token.key })}\n`);
});
process.on('SIGTERM', () => {
  server.close(() => {
    void db.close().then(() => process.exit(0));
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
});

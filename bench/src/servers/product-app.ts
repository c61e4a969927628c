// The product's real HTTP application (apps/server createApp) on a benchmark database, with an
// officer signed in the way the console signs in (password, then TOTP) and an integrator token,
// both over the unit BENCH_OFFICER_UNIT. Prints `READY {"port", "cookie", "token"}`.
//
// Configured like `pnpm start` against PostgreSQL: default pool, request logging at info
// (written to /dev/null, so its cost is paid but nothing piles up), no static apps.
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { createApiToken, createOfficer, grantRole } from '@unionhall/api';
import { openDatabase } from '@unionhall/db';
import { ZRole } from '@unionhall/domain';
import { createApp } from '@unionhall/server';
import * as OTPAuth from 'otpauth';
import { createLogger, logDestination } from '@unionhall/server/logger';
import { benchApiDeps } from '../lib/bench-api-deps';

const ORIGIN = 'http://localhost';
const PASSWORD = 'bench horse battery staple';

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

/** Cookies as a browser keeps them between the sign-in steps. */
const cookies = new Map<string, string>();
const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
async function postAuth(path: string, body: unknown): Promise<Response> {
  const response = await app.request(`${ORIGIN}/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: cookieHeader() },
    body: JSON.stringify(body),
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
}

// A fresh officer per run: the database is reused between runs, and a new account avoids
// depending on the TOTP secret of an earlier one.
const email = `bench-${randomUUID()}@example.org`;
const officer = await createOfficer(auth, { email, name: 'Bench officer', password: PASSWORD });
const unit = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: unitCode } });
await grantRole(db.prisma, { userId: officer.id, orgUnitId: unit.id, role });
await postAuth('/sign-in/email', { email, password: PASSWORD });
const enabled = await postAuth('/two-factor/enable', { password: PASSWORD });
const { totpURI } = (await enabled.json()) as { totpURI: string };
const totp = OTPAuth.URI.parse(totpURI);
if (!(totp instanceof OTPAuth.TOTP)) throw new Error('not a TOTP URI');
await postAuth('/two-factor/verify-totp', { code: totp.generate() });
const token = await createApiToken(auth, {
  ownerUserId: officer.id,
  name: 'bench',
  orgUnitId: unit.id,
  scopes: ['member.read'],
});

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(
    `READY ${JSON.stringify({ port: info.port, cookie: cookieHeader(), token: token.key })}\n`,
  );
});
process.on('SIGTERM', () => {
  server.close(() => {
    void db.close().then(() => process.exit(0));
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
});

// The product server as apps/server/src/index.ts composes it (createApp with the same
// middleware, auth, cipher and static apps), on PGlite or PostgreSQL, for the benchmarks.
// Environment:
//   BENCH_DATABASE_URL    PostgreSQL database to use; unset: PGlite in BENCH_DATA_DIR
//   BENCH_DATA_DIR        folder for PGlite (required without BENCH_DATABASE_URL)
//   BENCH_OFFICER=1       create a federation admin, sign it in (password + TOTP) and print
//                         its session cookie, as the console holds it
//   BENCH_SEED_MEMBERS=n  import n members first (through officer.memberImport.commit)
//   BENCH_STATIC=1        serve the built console and PWA (apps/*/dist)
//   BENCH_HEAP_PROBE=ms   every ms, collect garbage and note the heap in use: GET
//                         /__bench/heap answers the highest since the last ?reset
// Prints `READY {"port":…,"cookie":…,"pid":…}` once listening.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { getRequestListener } from '@hono/node-server';
import { appRouter, createCallerFactory, createContext, officerGrants } from '@unionhall/api';
import { migrate, openDatabase, repoRoot, seedDemoData } from '@unionhall/db';
import { createApp } from '@unionhall/server';
import pino from 'pino';
import { benchApiDeps } from '../lib/bench-api-deps';
import { signedInBenchOfficer } from '../lib/bench-officer';
import { memberCsv } from '../lib/member-csv';

const databaseUrl = process.env.BENCH_DATABASE_URL;
const dataDir = process.env.BENCH_DATA_DIR;
if (!databaseUrl && !dataDir) throw new Error('BENCH_DATABASE_URL or BENCH_DATA_DIR is required');
const seedMembers = Number(process.env.BENCH_SEED_MEMBERS ?? 0);

const db = databaseUrl
  ? await openDatabase({ url: databaseUrl })
  : await openDatabase({ dataDir: join(dataDir ?? '', 'pglite') });
await migrate(db);
await seedDemoData(db);

// The live heap, as opposed to RSS, which also counts garbage not yet collected.
const heap = { max: 0 };
const probeMs = Number(process.env.BENCH_HEAP_PROBE ?? 0);
if (probeMs > 0) {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('cannot expose gc');
  setInterval(() => {
    gc();
    heap.max = Math.max(heap.max, process.memoryUsage().heapUsed);
  }, probeMs).unref();
}
function heapProbe(request: Request): Response {
  const answer = Response.json({ maxHeapUsed: heap.max, heapUsed: process.memoryUsage().heapUsed });
  if (new URL(request.url).searchParams.has('reset')) heap.max = 0;
  return answer;
}

// Listen first: Better Auth needs the origin it serves (cookies, origin checks).
const late: { fetch?: (request: Request) => Response | Promise<Response> } = {};
const server = createServer(
  getRequestListener((request) => {
    if (new URL(request.url).pathname === '/__bench/heap') return heapProbe(request);
    return late.fetch ? late.fetch(request) : new Response(null, { status: 503 });
  }),
);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
const { port } = address;
const origin = `http://127.0.0.1:${port}`;

const deps = benchApiDeps(db, pino({ level: 'warn' }), { baseURL: origin, rateLimit: false });
const { auth } = deps;
const serveStatic = process.env.BENCH_STATIC === '1';
const app = createApp({
  ...deps,
  config: {
    corsOrigins: [],
    bodyLimitBytes: 1024 * 1024,
    trpcMaxBatch: 20,
    ...(serveStatic
      ? {
          adminDist: join(repoRoot, 'apps/admin/dist'),
          memberDist: join(repoRoot, 'apps/member/dist'),
        }
      : {}),
    hsts: false,
  },
});
late.fetch = (request) => app.fetch(request);

let cookie: string | null = null;
if (process.env.BENCH_OFFICER === '1' || seedMembers > 0) {
  const officer = await signedInBenchOfficer(app, auth, db, { origin });
  cookie = officer.cookie;
  const user = { id: officer.userId };

  if (seedMembers > 0) {
    // Through the product's own import, in files the tRPC procedure accepts (≤ 10,000 rows).
    const caller = createCallerFactory(appRouter)(
      createContext(deps, {
        requestId: 'bench-seed',
        locale: 'en',
        actor: { type: 'OFFICER', id: user.id, grants: await officerGrants(db.prisma, user.id) },
      }),
    );
    for (let first = 0; first < seedMembers; first += 10_000) {
      const count = Math.min(10_000, seedMembers - first);
      const csv = memberCsv(1_000_000 + first, count);
      const result = await caller.officer.memberImport.commit({
        file: Buffer.from(csv).toString('base64'),
        fileName: 'seed.csv',
        mapping: {
          name: 0,
          idNumber: 1,
          phone: 2,
          email: 3,
          unitCode: 4,
          employer: 5,
          jobTitle: 6,
          joinedAt: 7,
        },
      });
      if (result.imported !== count) {
        throw new Error(
          `seed imported ${result.imported} of ${count}: ${JSON.stringify(result.counts)}`,
        );
      }
    }
  }
}

process.stdout.write(`READY ${JSON.stringify({ port, cookie, pid: process.pid })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => void db.close().then(() => process.exit(0)));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMix, type MixResult } from '../lib/mix-load';
import { startProcess } from '../lib/processes';
import { createScratchDatabase } from '../lib/scratch-db';
import type { BenchContext, BenchResult, Benchmark } from '../lib/types';

const server = fileURLToPath(new URL('../servers/product-server.ts', import.meta.url));

/** Concurrent officers' connections: enough to keep the single core of the server busy. */
const CONNECTIONS = 8;

async function measure(
  ctx: BenchContext,
  label: string,
  env: Record<string, string>,
): Promise<MixResult> {
  const members = ctx.quick ? 2_000 : 20_000;
  ctx.log(`${label}: starting the server and importing ${members.toLocaleString('en')} members`);
  const running = await startProcess(server, {
    ...env,
    BENCH_OFFICER: '1',
    BENCH_SEED_MEMBERS: String(members),
  });
  try {
    const { port, cookie } = JSON.parse(running.ready) as { port: number; cookie: string };
    const options = {
      baseUrl: `http://127.0.0.1:${port}`,
      cookie,
      connections: CONNECTIONS,
      tag: `bench-${label}`,
    };
    // A short warm-up (JIT, PostgreSQL's caches, Prisma's query plans), not counted.
    await runMix({ ...options, durationSeconds: ctx.quick ? 1 : 3, tag: `${options.tag}-warm` });
    const result = await runMix({ ...options, durationSeconds: ctx.durationSeconds });
    ctx.log(
      `${label}: ${Math.round(result.rps)} req/s, p95 ${result.p95Ms.toFixed(1)} ms, ` +
        `writes ${result.writesOk} ok / ${result.writesFailed} failed / ` +
        `${result.writesUnverified} unverified, read failures ${result.readFailures}`,
    );
    ctx.log(
      `${label}: mean ms ` +
        Object.entries(result.perOperation)
          .map(([op, counts]) => `${op} ${counts.meanMs.toFixed(1)}`)
          .join(', '),
    );
    for (const error of result.errors) ctx.log(`${label}: ${error}`);
    return result;
  } finally {
    await running.stop();
  }
}

/**
 * P7: the same product server (createApp) on embedded PGlite and on PostgreSQL, under one
 * officer read/write mix (member list, search and detail, employer list; employers created and
 * updated with their version). Each write is counted and checked in the database afterwards.
 */
export const p7Embedded: Benchmark = {
  id: 'p7',
  title: 'embedded (PGlite) vs PostgreSQL on an officer read/write mix',
  async run(ctx): Promise<BenchResult> {
    const dataDir = mkdtempSync(join(tmpdir(), 'unionhall-bench-p7-'));
    let pglite: MixResult;
    try {
      pglite = await measure(ctx, 'pglite', { BENCH_DATA_DIR: dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const scratch = await createScratchDatabase(ctx.postgresAdminUrl, 'p7');
    let postgres: MixResult;
    try {
      postgres = await measure(ctx, 'postgres', { BENCH_DATABASE_URL: scratch.url });
    } finally {
      await scratch.drop();
    }
    const failedWrites = pglite.writesFailed + postgres.writesFailed;
    const unverified = pglite.writesUnverified + postgres.writesUnverified;
    return {
      metrics: {
        p7_pglite_rps: pglite.rps,
        p7_postgres_rps: postgres.rps,
        p7_pglite_p95_ms: pglite.p95Ms,
        p7_postgres_p95_ms: postgres.p95Ms,
        p7_pglite_writes: pglite.writesOk,
        p7_postgres_writes: postgres.writesOk,
        p7_failed_writes: failedWrites,
        p7_unverified_writes: unverified,
        p7_failed_reads: pglite.readFailures + postgres.readFailures,
      },
      ratios: { p7_pglite_vs_postgres_rps: pglite.rps / postgres.rps },
      targets: [
        { name: 'p7_pglite_vs_postgres_rps', op: '>=', value: 0.33 },
        { name: 'p7_failed_writes', op: '<=', value: 0 },
        { name: 'p7_unverified_writes', op: '<=', value: 0 },
      ],
      notes: [
        `mix per 100 requests: 25 member list, 20 member search, 20 member detail, 10 employer list, ` +
          `12 employer create, 13 employer update; ${CONNECTIONS} connections, officer session cookie`,
      ],
    };
  },
};

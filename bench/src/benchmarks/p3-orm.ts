import { generateMembers } from '../lib/p3-member-data';
import {
  measure,
  round,
  SATURATING_CONNECTIONS,
  serverScript,
  withServer,
  type Measured,
} from '../lib/measure';
import type { LoadOptions } from '../lib/load';
import { createMigratedDatabase } from '../lib/scratch-db';
import type { Benchmark, BenchContext } from '../lib/types';

type Orm = 'pg' | 'prisma';

/** Requests cycle over this many different members, so no single row stays hot. */
const DISTINCT_MEMBERS = 1000;

async function run(
  ctx: BenchContext,
  url: string,
  orm: Orm,
  ids: string[],
  load: Omit<LoadOptions, 'url' | 'durationSeconds' | 'requests'>,
): Promise<Measured> {
  return withServer(
    serverScript('p3-member'),
    { DATABASE_URL: url, BENCH_ORM: orm },
    async (server) => {
      const result = await measure(
        ctx,
        {
          ...load,
          url: `${server.base}/members/${ids[0]}`,
          requests: ids.map((id) => ({ path: `/members/${id}` })),
        },
        server.pid,
      );
      ctx.log(
        `${orm}${load.overallRate ? ` at ${Math.round(load.overallRate)} req/s` : ' peak'}: ${Math.round(result.rps)} req/s, p50 ${result.p50Ms} ms, p95 ≤ ${result.p95Ms} ms, ${round(result.cpuUsPerRequest ?? NaN, 1)} µs CPU/req`,
      );
      return result;
    },
  );
}

/** Both servers must answer the same member identically before their speed is compared. */
async function sameAnswers(url: string, ids: string[]): Promise<void> {
  const answers: Record<Orm, string[]> = { pg: [], prisma: [] };
  for (const orm of ['pg', 'prisma'] as const) {
    await withServer(
      serverScript('p3-member'),
      { DATABASE_URL: url, BENCH_ORM: orm },
      async (server) => {
        for (const id of ids) {
          const response = await fetch(`${server.base}/members/${id}`);
          if (response.status !== 200) throw new Error(`${orm}: member ${id} → ${response.status}`);
          answers[orm].push(await response.text());
        }
      },
    );
  }
  answers.pg.forEach((body, i) => {
    if (body !== answers.prisma[i]) {
      throw new Error(`pg and Prisma answer differently:\n${body}\n${answers.prisma[i]}`);
    }
  });
}

/**
 * P3: member detail (member + employer + status history) through Prisma on PostgreSQL against
 * the same SQL through raw pg: peak req/s, and p95 latency at half of raw pg's peak rate.
 */
export const p3Orm: Benchmark = {
  id: 'p3',
  title: 'ORM: Prisma vs raw pg, member detail with employer and status history',
  async run(ctx) {
    const members = ctx.quick ? 2_000 : 20_000;
    const rounds = ctx.quick ? 1 : 2;
    ctx.log(`creating a scratch database with ${members} members`);
    const scratch = await createMigratedDatabase(ctx.postgresAdminUrl, 'p3');
    try {
      const all = await generateMembers(scratch.url, members);
      const step = Math.max(1, Math.floor(all.length / DISTINCT_MEMBERS));
      const ids = all.filter((_, i) => i % step === 0).slice(0, DISTINCT_MEMBERS);
      await sameAnswers(scratch.url, ids.slice(0, 5));

      const peak: Record<Orm, number> = { pg: 0, prisma: 0 };
      const cpu: Record<Orm, number> = { pg: Infinity, prisma: Infinity };
      for (let i = 0; i < rounds; i++) {
        for (const orm of ['pg', 'prisma'] as const) {
          const result = await run(ctx, scratch.url, orm, ids, {
            connections: SATURATING_CONNECTIONS,
          });
          peak[orm] = Math.max(peak[orm], result.rps);
          cpu[orm] = Math.min(cpu[orm], result.cpuUsPerRequest ?? NaN);
        }
      }
      const rate = peak.pg / 2;
      const atHalf: Partial<Record<Orm, Measured>> = {};
      for (const orm of ['pg', 'prisma'] as const) {
        atHalf[orm] = await run(ctx, scratch.url, orm, ids, {
          connections: SATURATING_CONNECTIONS,
          overallRate: rate,
        });
      }
      const pgHalf = atHalf.pg?.p95Ms ?? NaN;
      const prismaHalf = atHalf.prisma?.p95Ms ?? NaN;
      return {
        metrics: {
          'p3.pg_peak_rps': round(peak.pg, 0),
          'p3.prisma_peak_rps': round(peak.prisma, 0),
          'p3.pg_cpu_us_per_req': round(cpu.pg, 1),
          'p3.prisma_cpu_us_per_req': round(cpu.prisma, 1),
          'p3.half_rate_rps': round(rate, 0),
          'p3.pg_p95_ms_at_half_rate': pgHalf,
          'p3.prisma_p95_ms_at_half_rate': prismaHalf,
        },
        ratios: {
          'p3.prisma_vs_pg_peak_rps': round(peak.prisma / peak.pg),
          'p3.prisma_vs_pg_cpu_efficiency': round(cpu.pg / cpu.prisma),
          'p3.prisma_vs_pg_p95_at_half_rate': round(prismaHalf / Math.max(pgHalf, 1)),
        },
        targets: [
          { name: 'p3.prisma_vs_pg_peak_rps', op: '>=', value: 0.55 },
          { name: 'p3.prisma_vs_pg_p95_at_half_rate', op: '<=', value: 3 },
        ],
        notes: [
          `PostgreSQL ${members} members (scratch database, product migrations); ${ids.length} distinct members per run; pools of 10 on both sides.`,
          'Prisma sends one statement per lookup (relationJoins: the employer and the history joined laterally as JSON); raw pg sends the same one.',
          "p95 is autocannon's p97.5 (an upper bound); latencies are whole milliseconds, so the p95 ratio divides by at least 1 ms.",
          'PostgreSQL itself is not pinned and shares both cores with the server and the load generator.',
        ],
      };
    } finally {
      await scratch.drop();
    }
  },
};

import { batchRequest } from '../lib/bench-router';
import { runLatency } from '../lib/latency';
import { expectBody, measure, round, serverScript, withServer } from '../lib/measure';
import { PAYLOAD } from '../lib/payload';
import { createMigratedDatabase } from '../lib/scratch-db';
import type { Benchmark, BenchContext } from '../lib/types';

const BATCH = 10;
/**
 * Requests through the whole stack take a millisecond or more of server time, so 16
 * connections keep the core busy; more would only queue (and time out on a busy machine).
 */
const CONNECTIONS = 16;

/**
 * The server's time per request (ms) under a saturating load, 1 / peak req/s, and its CPU per
 * request. (One connection sending back to back measured TCP's delayed acknowledgements, about
 * 20 ms a request whatever it carried, not the server.)
 */
async function timePerRequest(
  ctx: BenchContext,
  base: string,
  pid: number | undefined,
  calls: number,
) {
  const request = batchRequest(calls);
  const url = `${base}${request.path}`;
  const one = { result: { data: { json: PAYLOAD } } };
  await expectBody(url, JSON.stringify(Array.from({ length: calls }, () => one)), request);
  const result = await measure(ctx, { url, connections: CONNECTIONS, ...request }, pid);
  const ms = 1000 / result.rps;
  ctx.log(
    `${calls} ${calls === 1 ? 'query' : 'queries'} per request: ${round(ms, 3)} ms each, ${round(result.cpuUsPerRequest ?? NaN, 1)} µs CPU`,
  );
  return { ms, cpuUs: result.cpuUsPerRequest ?? NaN };
}

/**
 * The time one client waits for a request, sending one after another on one connection (the
 * browser's case: a page's queries go out as one batch, and it waits for the answer), p50 and
 * p95 in ms.
 */
async function latency(ctx: BenchContext, base: string, calls: number) {
  const request = batchRequest(calls);
  const result = await runLatency({
    url: `${base}${request.path}`,
    ...request,
    warmup: ctx.quick ? 300 : 1000,
    requests: ctx.quick ? 1000 : 4000,
  });
  ctx.log(
    `${calls} ${calls === 1 ? 'query' : 'queries'} per request, one client: p50 ${round(result.p50Ms, 3)} ms, p95 ${round(result.p95Ms, 3)} ms`,
  );
  return result;
}

/** The server must refuse a batch one call over its cap, with a clear error, and take one at it. */
async function checkCap(ctx: BenchContext, base: string, cap: number) {
  const over = batchRequest(cap + 1);
  const response = await fetch(`${base}${over.path}`, {
    ...over,
    headers: { ...over.headers, 'x-unionhall-locale': 'en' },
  });
  const body: unknown = await response.json();
  const error = typeof body === 'object' && body !== null ? Reflect.get(body, 'error') : undefined;
  const code = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  const refused = response.status === 400 && code === 'BATCH_TOO_LARGE';
  ctx.log(`${cap + 1} calls in one request → ${response.status} ${JSON.stringify(body)}`);
  const at = batchRequest(cap);
  const accepted = await fetch(`${base}${at.path}`, at);
  ctx.log(`${cap} calls in one request → ${accepted.status}`);
  return { refused, acceptedAtCap: accepted.status === 200, body: JSON.stringify(body) };
}

/**
 * P6: ten queries batched in one tRPC request against one query alone, through the whole
 * product stack (createApp), under a saturating load; and the batch cap.
 */
export const p6Batching: Benchmark = {
  id: 'p6',
  title: `batching: ${BATCH} queries in one tRPC request vs one query`,
  async run(ctx) {
    ctx.log('creating and migrating a scratch database (sessions are looked up there)');
    const scratch = await createMigratedDatabase(ctx.postgresAdminUrl, 'p6');
    try {
      const env = { DATABASE_URL: scratch.url, LOG_LEVEL: 'info', BENCH_STACK: 'app' };
      return await withServer(serverScript('trpc-stack'), env, async ({ base, pid, extra }) => {
        const cap = Number(extra[0]);
        if (!Number.isInteger(cap) || cap < BATCH) throw new Error(`batch cap ${extra[0]}?`);
        // Alternated rounds, best of each: other work on the machine only ever slows a run.
        const single = { ms: Infinity, cpuUs: Infinity };
        const batch = { ms: Infinity, cpuUs: Infinity };
        const rounds = ctx.quick ? 1 : 2;
        for (let i = 0; i < rounds; i++) {
          for (const [calls, best] of [
            [1, single],
            [BATCH, batch],
          ] as const) {
            const result = await timePerRequest(ctx, base, pid, calls);
            best.ms = Math.min(best.ms, result.ms);
            best.cpuUs = Math.min(best.cpuUs, result.cpuUs);
          }
        }
        const singleWait = { p50Ms: Infinity, p95Ms: Infinity };
        const batchWait = { p50Ms: Infinity, p95Ms: Infinity };
        for (let i = 0; i < rounds; i++) {
          for (const [calls, best] of [
            [1, singleWait],
            [BATCH, batchWait],
          ] as const) {
            const result = await latency(ctx, base, calls);
            best.p50Ms = Math.min(best.p50Ms, result.p50Ms);
            best.p95Ms = Math.min(best.p95Ms, result.p95Ms);
          }
        }
        const capCheck = await checkCap(ctx, base, cap);
        return {
          metrics: {
            'p6.single_query_ms': round(single.ms, 3),
            'p6.batch10_ms': round(batch.ms, 3),
            'p6.single_query_cpu_us': round(single.cpuUs, 1),
            'p6.batch10_cpu_us': round(batch.cpuUs, 1),
            'p6.single_query_wait_p50_ms': round(singleWait.p50Ms, 3),
            'p6.batch10_wait_p50_ms': round(batchWait.p50Ms, 3),
            'p6.single_query_wait_p95_ms': round(singleWait.p95Ms, 3),
            'p6.batch10_wait_p95_ms': round(batchWait.p95Ms, 3),
            'p6.trpc_max_batch': cap,
            'p6.oversized_batch_refused': capCheck.refused && capCheck.acceptedAtCap ? 1 : 0,
          },
          ratios: {
            'p6.batch10_vs_single_time': round(batchWait.p50Ms / singleWait.p50Ms),
            'p6.batch10_vs_single_time_p95': round(batchWait.p95Ms / singleWait.p95Ms),
            'p6.batch10_vs_single_server_time': round(batch.ms / single.ms),
            'p6.batch10_vs_single_cpu': round(batch.cpuUs / single.cpuUs),
          },
          targets: [
            { name: 'p6.batch10_vs_single_time', op: '<=', value: 1.5, label: 'p50 wait' },
            {
              name: 'p6.oversized_batch_refused',
              op: '>=',
              value: 1,
              label: `${cap + 1} calls refused, ${cap} taken`,
            },
          ],
          notes: [
            'time (the target): what one client waits, p50, sending requests one after another on one kept-alive connection (node:http, Nagle off), the way a page sends its batch and waits.',
            'server_time and cpu: the server alone under a saturating load (1 / peak req/s, and CPU per request); the extra calls cost the server this much more, though a client waits less.',
            `Whole product stack (createApp, anonymous), requests as httpBatchLink sends them (POST); ${CONNECTIONS} connections, server_time = 1 / peak req/s; best of ${ctx.quick ? 1 : 2} alternated round(s).`,
            `Cap: TRPC_MAX_BATCH = ${cap}; answer to ${cap + 1} calls: ${capCheck.body}`,
          ],
        };
      });
    } finally {
      await scratch.drop();
    }
  },
};

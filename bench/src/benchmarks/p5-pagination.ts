// P5: keyset pagination. The officers' member list (no search, the default view) for a union
// of about 300,000 members: the first page against the page 50,000 rows deep, one request at a
// time, end to end through the product and as raw SQL; OFFSET 50,000 beside it for contrast
// (the product never pages by offset).
import pg from 'pg';
import { runLatency, type LatencyResult } from '../lib/latency';
import { round } from '../lib/measure';
import { ensureMemberData } from '../lib/member-data';
import {
  pageIds,
  productListRequest,
  rawListRequest,
  startProductServer,
  startRawServer,
} from '../lib/member-servers';
import { encodeNameCursor, memberPageStatement } from '../lib/member-sql';
import { planSummary } from '../lib/plans';
import type { BenchContext, BenchResult, Benchmark } from '../lib/types';
import { SCOPE_UNIT } from './p4-search';

const PAGE = 25;

async function run(ctx: BenchContext): Promise<BenchResult> {
  const depth = ctx.quick ? 10_000 : 50_000;
  const data = await ensureMemberData(ctx, ctx.quick ? 100_000 : 1_000_000);
  const scope = data.unit(SCOPE_UNIT);

  // The last row before the deep page, in the list's order: what the client's cursor holds
  // after paging through depth / 25 pages.
  const client = new pg.Client({ connectionString: data.url });
  await client.connect();
  let cursor: { name: string; id: string };
  let shownName: string;
  const notes: string[] = [];
  try {
    const before = await client.query<{ name: string; sort_name: string; id: string }>(
      `SELECT name, sort_name, id FROM member WHERE org_unit_path LIKE $1 AND status <> 'MERGED'
        ORDER BY sort_name, id OFFSET $2 LIMIT 1`,
      [`${scope.path}%`, depth - 1],
    );
    const row = before.rows[0];
    if (!row) throw new Error(`the scope has fewer than ${depth} members`);
    // The product's cursor carries the sort key under `name` (keyset.ts encodeNameCursor).
    cursor = { name: row.sort_name, id: row.id };
    shownName = row.name;
    for (const [label, statement] of [
      ['first page', memberPageStatement({ scopePath: scope.path, take: PAGE + 1 })],
      ['keyset deep', memberPageStatement({ scopePath: scope.path, cursor, take: PAGE + 1 })],
      [
        'offset deep',
        memberPageStatement({ scopePath: scope.path, take: PAGE + 1, offset: depth }),
      ],
    ] as const) {
      notes.push(`  ${label}: ${await planSummary(client, statement)}`);
    }
  } finally {
    await client.end();
  }

  const product = await startProductServer(data.url, SCOPE_UNIT);
  const raw = await startRawServer(data.url).catch(async (error: unknown) => {
    await product.process.stop();
    throw error;
  });
  try {
    const requests = {
      first: productListRequest({ cookie: product.cookie }, {}),
      deep: productListRequest({ cookie: product.cookie }, { cursor: encodeNameCursor(cursor) }),
      rawFirst: rawListRequest({ scopePath: scope.path }),
      rawDeep: rawListRequest({ scopePath: scope.path, cursor }),
      rawOffset: rawListRequest({ scopePath: scope.path, offset: depth }),
    };
    // The three ways to the deep page must agree, or the comparison means nothing.
    const [deep, rawDeep, rawOffset] = await Promise.all([
      pageIds(product.base, requests.deep),
      pageIds(raw.base, requests.rawDeep),
      pageIds(raw.base, requests.rawOffset),
    ]);
    if (
      deep.join() !== rawDeep.join() ||
      deep.join() !== rawOffset.join() ||
      deep.length !== PAGE
    ) {
      throw new Error('the deep page differs between keyset, raw keyset and offset');
    }

    // One request at a time: the cost of a page, not throughput. Timed by one client to the
    // microsecond (lib/latency.ts): autocannon's whole milliseconds made a 3 ms page against a
    // 4 ms one read as 1.33.
    const measure = async (
      label: string,
      base: string,
      request: typeof requests.first,
      count: { warmup: number; requests: number },
    ) => {
      const result = await runLatency({ url: `${base}${request.path}`, ...request, ...count });
      ctx.log(
        `${label}: p50 ${round(result.p50Ms, 2)} ms, p95 ${round(result.p95Ms, 2)} ms, ${result.requests} requests`,
      );
      return result;
    };
    const page = ctx.quick ? { warmup: 100, requests: 300 } : { warmup: 300, requests: 1500 };
    const results: Record<string, LatencyResult> = {};
    results.first = await measure('first page, end to end', product.base, requests.first, page);
    results.deep = await measure(
      `keyset ${depth.toLocaleString('en')} deep, end to end`,
      product.base,
      requests.deep,
      page,
    );
    results.rawFirst = await measure('first page, raw SQL', raw.base, requests.rawFirst, page);
    results.rawDeep = await measure('keyset deep, raw SQL', raw.base, requests.rawDeep, page);
    results.rawOffset = await measure(
      `OFFSET ${depth.toLocaleString('en')}, raw SQL`,
      raw.base,
      requests.rawOffset,
      { warmup: 1, requests: ctx.quick ? 3 : 9 },
    );
    const p50 = (key: string) => round(results[key]?.p50Ms ?? Number.NaN, 3);
    const ratio = (a: string, b: string) => p50(a) / p50(b);

    notes.unshift(
      `scope ${SCOPE_UNIT}: ${data.subtreeMembers(SCOPE_UNIT).toLocaleString('en')} members; cursor after row ${depth.toLocaleString('en')} ("${shownName}")`,
      'plans (raw SQL):',
    );
    return {
      metrics: {
        p5_first_p50_ms: p50('first'),
        p5_keyset_deep_p50_ms: p50('deep'),
        p5_raw_first_p50_ms: p50('rawFirst'),
        p5_raw_keyset_deep_p50_ms: p50('rawDeep'),
        p5_raw_offset_deep_p50_ms: p50('rawOffset'),
      },
      ratios: {
        p5_keyset_deep_vs_first: ratio('deep', 'first'),
        p5_raw_keyset_deep_vs_first: ratio('rawDeep', 'rawFirst'),
        p5_raw_offset_deep_vs_first: ratio('rawOffset', 'rawFirst'),
      },
      targets: [
        { name: 'p5_keyset_deep_vs_first', op: '<=', value: 1.25, label: 'end to end, p50' },
      ],
      notes,
    };
  } finally {
    await Promise.all([product.process.stop(), raw.process.stop()]);
  }
}

export const p5Pagination: Benchmark = {
  id: 'p5',
  title: 'keyset pagination: the page 50,000 rows deep against the first (PostgreSQL)',
  run,
};

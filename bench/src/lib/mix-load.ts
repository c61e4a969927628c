// An officer's read/write mix against /trpc, counted per operation. autocannon cannot say which
// requests failed nor carry a version from one answer into the next request, so this generator
// does: every write is counted exactly, and every write that succeeded is checked afterwards.
// Run as a script it reads MixOptions on stdin and prints a MixResult; runMix() starts it in
// its own process on the load generator's core.
import { fileURLToPath } from 'node:url';
import { runOnLoadCore } from './processes';

export interface MixOptions {
  baseUrl: string;
  /** The officer's session cookie, as the console sends it. */
  cookie: string;
  connections: number;
  durationSeconds: number;
  /** Names of what this run writes start with it, so its rows can be found again. */
  tag: string;
}

export const OPERATIONS = [
  'memberList',
  'memberSearch',
  'memberDetail',
  'employerList',
  'employerCreate',
  'employerUpdate',
] as const;
export type Operation = (typeof OPERATIONS)[number];
const WRITES: readonly Operation[] = ['employerCreate', 'employerUpdate'];

/** Out of 100 requests: 75 reads, 25 writes. */
const WEIGHTS: Record<Operation, number> = {
  memberList: 25,
  memberSearch: 20,
  memberDetail: 20,
  employerList: 10,
  employerCreate: 12,
  employerUpdate: 13,
};

export interface MixResult {
  rps: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Per operation: answers, failures and the mean latency in milliseconds. */
  perOperation: Record<Operation, { ok: number; failed: number; meanMs: number }>;
  readFailures: number;
  writesOk: number;
  writesFailed: number;
  /** Writes that answered success but whose row is missing or different afterwards. */
  writesUnverified: number;
  /** The first few failure descriptions, for the log. */
  errors: string[];
}

const worker = fileURLToPath(import.meta.url);

export function runMix(options: MixOptions): Promise<MixResult> {
  return runOnLoadCore<MixResult>(worker, options, 'mix load generator');
}

/** A small deterministic generator, so runs on both databases send the same sequence. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

class Api {
  constructor(private readonly options: MixOptions) {}

  private headers(json: boolean): Record<string, string> {
    return {
      cookie: this.options.cookie,
      'x-unionhall-locale': 'en',
      ...(json ? { 'content-type': 'application/json' } : {}),
    };
  }

  private async read(response: Response): Promise<unknown> {
    const body: unknown = await response.json();
    if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    const data: unknown = Reflect.get(Reflect.get(Object(body), 'result') ?? {}, 'data');
    return Reflect.get(Object(data), 'json');
  }

  async query(path: string, input: unknown): Promise<unknown> {
    const search = encodeURIComponent(JSON.stringify({ json: input }));
    const response = await fetch(`${this.options.baseUrl}/trpc/${path}?input=${search}`, {
      headers: this.headers(false),
    });
    return this.read(response);
  }

  async mutate(path: string, input: unknown): Promise<unknown> {
    const response = await fetch(`${this.options.baseUrl}/trpc/${path}`, {
      method: 'POST',
      headers: this.headers(true),
      body: JSON.stringify({ json: input }),
    });
    return this.read(response);
  }
}

const text = (value: unknown, key: string) => String(Reflect.get(Object(value), key) ?? '');
const items = (value: unknown): unknown[] => {
  const list: unknown = Reflect.get(Object(value), 'items');
  return Array.isArray(list) ? list : [];
};

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const options = JSON.parse(input) as MixOptions;
  const api = new Api(options);

  // Setup (not timed): member ids to open, search terms, and one employer per connection that
  // only that connection updates, so its version is always known and a conflict is a failure.
  const page = await api.query('officer.membership.list', { limit: 100 });
  const memberIds = items(page).map((item) => text(item, 'id'));
  const searchTerms = items(page)
    .slice(0, 40)
    .flatMap((item) => [text(item, 'name').slice(0, 2), text(item, 'name')]);
  if (memberIds.length === 0) throw new Error('no members to read');
  const owned: { id: string; version: number; address: string }[] = [];
  for (let index = 0; index < options.connections; index += 1) {
    const created = await api.mutate('officer.employers.create', {
      name: `${options.tag} updated ${index}`,
      workforceSize: 100,
    });
    owned.push({ id: text(created, 'id'), version: 1, address: '' });
  }

  const perOperation = Object.fromEntries(
    OPERATIONS.map((op) => [op, { ok: 0, failed: 0, meanMs: 0 }]),
  ) as MixResult['perOperation'];
  const created: string[] = [];
  const errors: string[] = [];
  const latencies: number[] = [];
  const total = OPERATIONS.reduce((sum, op) => sum + WEIGHTS[op], 0);
  const deadline = performance.now() + options.durationSeconds * 1000;

  async function connection(index: number) {
    const next = random(index + 1);
    const mine = owned[index];
    let sequence = 0;
    while (performance.now() < deadline) {
      let roll = next() * total;
      const op = OPERATIONS.find((candidate) => (roll -= WEIGHTS[candidate]) < 0) ?? 'memberList';
      const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)];
      sequence += 1;
      const started = performance.now();
      try {
        switch (op) {
          case 'memberList':
            await api.query('officer.membership.list', { limit: 25 });
            break;
          case 'memberSearch':
            await api.query('officer.membership.list', { query: pick(searchTerms), limit: 25 });
            break;
          case 'memberDetail':
            await api.query('officer.membership.get', { id: pick(memberIds) });
            break;
          case 'employerList':
            await api.query('officer.employers.list', { limit: 25 });
            break;
          case 'employerCreate': {
            const name = `${options.tag} new ${index}-${sequence}`;
            await api.mutate('officer.employers.create', { name, workforceSize: sequence });
            created.push(name);
            break;
          }
          case 'employerUpdate': {
            if (!mine) throw new Error('no employer to update');
            const address = `${options.tag} address ${index}-${sequence}`;
            const updated = await api.mutate('officer.employers.update', {
              id: mine.id,
              name: `${options.tag} updated ${index}`,
              workforceSize: 100,
              address,
              expectedVersion: mine.version,
            });
            mine.version = Number(Reflect.get(Object(updated), 'version'));
            mine.address = address;
            break;
          }
        }
        perOperation[op].ok += 1;
      } catch (error) {
        perOperation[op].failed += 1;
        if (errors.length < 5) errors.push(`${op}: ${String(error)}`);
      }
      const elapsed = performance.now() - started;
      latencies.push(elapsed);
      const counts = perOperation[op];
      counts.meanMs += (elapsed - counts.meanMs) / (counts.ok + counts.failed);
    }
  }

  const started = performance.now();
  await Promise.all(owned.map((_, index) => connection(index)));
  const seconds = (performance.now() - started) / 1000;

  // Verification (not timed): every acknowledged write is in the database as written.
  let writesUnverified = 0;
  const found = new Set<string>();
  let cursor: string | null = null;
  do {
    const listed = await api.query('officer.employers.list', {
      query: `${options.tag} new`,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const item of items(listed)) found.add(text(item, 'name'));
    const nextCursor: unknown = Reflect.get(Object(listed), 'nextCursor');
    cursor = typeof nextCursor === 'string' ? nextCursor : null;
  } while (cursor);
  writesUnverified += created.filter((name) => !found.has(name)).length;
  for (const mine of owned) {
    const detail = await api.query('officer.employers.get', { id: mine.id });
    const version = Number(Reflect.get(Object(detail), 'version'));
    if (version !== mine.version || text(detail, 'address') !== mine.address) writesUnverified += 1;
  }

  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  const count = (ops: readonly Operation[], key: 'ok' | 'failed') =>
    ops.reduce((sum, op) => sum + perOperation[op][key], 0);
  const result: MixResult = {
    rps: requests / seconds,
    requests,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    perOperation,
    readFailures: count(
      OPERATIONS.filter((op) => !WRITES.includes(op)),
      'failed',
    ),
    writesOk: count(WRITES, 'ok'),
    writesFailed: count(WRITES, 'failed'),
    writesUnverified,
    errors,
  };
  process.stdout.write(JSON.stringify(result));
}

if (process.argv[1] === worker) await main();

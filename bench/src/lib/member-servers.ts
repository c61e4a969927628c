// Starting the two servers the member benchmarks (P4, P5) compare, and the requests they take.
import { fileURLToPath } from 'node:url';
import type { LoadOptions } from './load';
import { startProcess, type RunningProcess } from './processes';

const productScript = fileURLToPath(new URL('../servers/product-app.ts', import.meta.url));
const rawScript = fileURLToPath(new URL('../servers/raw-member-sql.ts', import.meta.url));

export interface ProductServer {
  process: RunningProcess;
  base: string;
  /** The console's session cookie of an officer with UNION_ADMIN on the scope unit. */
  cookie: string;
  /** An integrator token with member.read over the same unit. */
  token: string;
}

export async function startProductServer(url: string, unitCode: string): Promise<ProductServer> {
  const process = await startProcess(productScript, {
    BENCH_DB_URL: url,
    BENCH_OFFICER_UNIT: unitCode,
  });
  const ready: unknown = JSON.parse(process.ready);
  const port: unknown = typeof ready === 'object' && ready ? Reflect.get(ready, 'port') : null;
  const cookie: unknown = typeof ready === 'object' && ready ? Reflect.get(ready, 'cookie') : null;
  const token: unknown = typeof ready === 'object' && ready ? Reflect.get(ready, 'token') : null;
  if (typeof port !== 'number' || typeof cookie !== 'string' || typeof token !== 'string') {
    await process.stop();
    throw new Error(`unexpected READY line: ${process.ready}`);
  }
  return { process, base: `http://127.0.0.1:${port}`, cookie, token };
}

export async function startRawServer(
  url: string,
): Promise<{ process: RunningProcess; base: string }> {
  const process = await startProcess(rawScript, { BENCH_DB_URL: url });
  return { process, base: `http://127.0.0.1:${process.ready}` };
}

export interface ListInput {
  query?: string;
  cursor?: string;
}

type LoadRequest = NonNullable<LoadOptions['requests']>[number];

/**
 * `officer.membership.list` as the console sends it: tRPC's batch link with POST for queries
 * (methodOverride), superjson's envelope, gzip accepted like a browser.
 */
export function productListRequest(
  auth: { cookie: string } | { token: string },
  input: ListInput,
): LoadRequest {
  return {
    method: 'POST',
    path: '/trpc/officer.membership.list?batch=1',
    headers: {
      'content-type': 'application/json',
      'accept-encoding': 'gzip, deflate',
      'x-unionhall-locale': 'zh-CN',
      ...('cookie' in auth ? { cookie: auth.cookie } : { authorization: `Bearer ${auth.token}` }),
    },
    body: JSON.stringify({ 0: { json: input } }),
  };
}

export function rawListRequest(input: {
  scopePath: string;
  query?: string;
  cursor?: { name: string; id: string };
  offset?: number;
}): LoadRequest {
  return {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...input, limit: 25 }),
  };
}

function field(value: unknown, key: string | number): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** Sends one request and returns the page's member ids (checks both servers agree). */
export async function pageIds(base: string, request: LoadRequest): Promise<string[]> {
  const init: RequestInit = { method: request.method ?? 'GET' };
  if (request.headers) init.headers = request.headers;
  if (request.body !== undefined) init.body = request.body;
  const response = await fetch(`${base}${request.path ?? '/'}`, init);
  if (!response.ok) throw new Error(`${request.path}: ${response.status} ${await response.text()}`);
  const body: unknown = await response.json();
  // tRPC batch: [{ result: { data: { json: page } } }]; raw: the page itself.
  const page = Array.isArray(body) ? field(field(field(body[0], 'result'), 'data'), 'json') : body;
  const items = field(page, 'items');
  if (!Array.isArray(items))
    throw new Error(`${request.path}: no items in ${JSON.stringify(body)}`);
  return items.map((item: unknown) => String(field(item, 'id')));
}

import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { testAuth, testCardSigner, testCipher } from './test-support';

// The API served by @hono/node-server on a socket, as in production: app.request() (the other
// tests) never goes through the Node request and response the tRPC handler, the body limit,
// CORS and compression read and change directly.

const ALLOWED_ORIGIN = 'https://hr.example.org';

/** The `json` of the first answer in a tRPC batch (superjson's envelope). */
function firstAnswer(body: unknown): unknown {
  if (!Array.isArray(body)) throw new Error(`not a batch: ${JSON.stringify(body)}`);
  const first: unknown = body[0];
  const result: unknown = typeof first === 'object' && first ? Reflect.get(first, 'result') : null;
  const data: unknown = typeof result === 'object' && result ? Reflect.get(result, 'data') : null;
  if (typeof data !== 'object' || data === null) throw new Error(JSON.stringify(body));
  return Reflect.get(data, 'json');
}

describe.each(testDatabaseTargets())('API over a Node socket on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: ServerType;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    const app = createApp({
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      db,
      auth: testAuth(db),
      logger: pino({ level: 'silent' }),
      config: {
        corsOrigins: [ALLOWED_ORIGIN],
        bodyLimitBytes: 16 * 1024,
        trpcMaxBatch: 5,
        hsts: false,
      },
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.dispose();
  });

  const treeRequest = (init: RequestInit = {}) =>
    fetch(`${base}/trpc/public.org.tree?batch=1`, {
      method: 'POST',
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
      body: init.body ?? JSON.stringify({ 0: { json: null, meta: { values: ['undefined'] } } }),
    });

  it('answers a batched query sent as POST, and one sent as GET', async () => {
    const posted = await treeRequest();
    expect(posted.status).toBe(200);
    expect(posted.headers.get('x-request-id')).toBeTruthy();
    const units = firstAnswer(await posted.json());
    expect(Array.isArray(units) && units.length).toBeGreaterThan(0);

    const input = encodeURIComponent(JSON.stringify({ 0: { json: null } }));
    const got = await fetch(`${base}/trpc/public.org.tree?batch=1&input=${input}`);
    expect(got.status).toBe(200);
    expect(firstAnswer(await got.json())).toEqual(units);
  });

  it('answers a body that is not JSON with a parse error', async () => {
    const response = await fetch(`${base}/trpc/public.membership.verifyCard?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"0": ',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('BAD_REQUEST');
  });

  it('refuses an oversized body, whether it declares its length or not', async () => {
    const big = JSON.stringify({ 0: { json: { name: 'x'.repeat(32 * 1024) } } });
    const declared = await treeRequest({ body: big });
    expect(declared.status).toBe(413);

    const bytes = new TextEncoder().encode(big);
    const chunked = await fetch(`${base}/trpc/public.org.tree?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
      duplex: 'half',
    });
    expect(chunked.status).toBe(413);
  });

  it('takes a small body sent without a declared length', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ 0: { json: null } }));
    const response = await fetch(`${base}/trpc/public.org.tree?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
      duplex: 'half',
    });
    expect(response.status).toBe(200);
  });

  it('names allowed origins only, and says answers vary by origin and encoding', async () => {
    const allowed = await treeRequest({ headers: { origin: ALLOWED_ORIGIN } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const vary = allowed.headers.get('vary') ?? '';
    expect(vary).toMatch(/origin/i);
    expect(vary).toMatch(/accept-encoding/i);

    const preflight = await fetch(`${base}/trpc/public.org.tree`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');

    const foreign = await fetch(`${base}/trpc/public.org.tree`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('compresses answers for clients that accept gzip', async () => {
    const plain = await treeRequest();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(1024);
    // fetch() would decompress on its own: read the bytes as they came.
    const body = JSON.stringify({ 0: { json: null, meta: { values: ['undefined'] } } });
    const gzipped = await new Promise<{ encoding?: string; bytes: Buffer }>((resolve, reject) => {
      const req = request(
        `${base}/trpc/public.org.tree?batch=1`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(gzipped.encoding).toBe('gzip');
    expect(gunzipSync(gzipped.bytes).toString('utf8')).toBe(text);
  });
});

import { serve, type ServerType } from '@hono/node-server';
import { trpcServer } from '@hono/trpc-server';
import {
  ANONYMOUS,
  createContext,
  createInProcessRunner,
  createMemoryStorage,
  type ApiDeps,
} from '@unionhall/api';
import { memberProcedure, publicProcedure, router } from '@unionhall/api/trpc';
import { createTestDatabase, type TestDatabase } from '@unionhall/db/testing';
import { pickLocale, UnionhallError } from '@unionhall/domain';
import { Hono } from 'hono';
import pino from 'pino';
import superjson from 'superjson';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { testAuth, testCardSigner, testCipher } from './test-support';
import { trpcHandler } from './trpc-handler';
import type * as jsonCalls from './trpc-json-calls';
import { runJsonCalls } from './trpc-json-calls';

// Counts the requests the JSON path answers, so each case also shows which path it took.
vi.mock('./trpc-json-calls', async (importOriginal) => {
  const original = await importOriginal<typeof jsonCalls>();
  return { ...original, runJsonCalls: vi.fn(original.runJsonCalls) };
});

/** Procedures made like the product's, covering what an answer can carry. */
const testRouter = router({
  echo: publicProcedure
    .input(z.object({ n: z.number().int().min(1), when: z.date().optional() }).optional())
    .output(z.object({ n: z.number(), when: z.date().optional(), at: z.date() }))
    .query(({ input }) => ({
      n: input?.n ?? 0,
      ...(input?.when ? { when: input.when } : {}),
      at: new Date('2026-11-24T08:00:00.000Z'),
    })),
  nothing: publicProcedure.query(() => undefined),
  refused: publicProcedure.query(() => {
    throw new UnionhallError('NOT_FOUND');
  }),
  crash: publicProcedure.query(() => {
    throw new Error('secret database detail');
  }),
  badOutput: publicProcedure
    .output(z.object({ ok: z.literal(true) }))
    .query(() => ({ ok: false as never })),
  stream: publicProcedure.query(() => ({ later: Promise.resolve(1) })),
  mine: memberProcedure.query(() => 'only members'),
  add: publicProcedure
    .input(z.object({ a: z.number(), b: z.number() }))
    .mutation(({ input }) => input.a + input.b),
  'with.dot': publicProcedure.query(() => 'dotted'),
  // An async check: zod's synchronous parse refuses it, and the patched tRPC falls back to
  // parseAsync (patches/@trpc__server@11.22.1.patch).
  checked: publicProcedure
    .input(z.object({ word: z.string().refine(async (word) => Promise.resolve(word !== 'no')) }))
    .query(({ input }) => input.word.toUpperCase()),
});

const MAX_BATCH = 4;

type Req = { method?: string; path: string; headers?: Record<string, string>; body?: string };

const NO_INPUT = { json: null, meta: { values: ['undefined'], v: 1 } };
const enc = (value: unknown) => superjson.serialize(value);
const post = (path: string, body: unknown, headers: Record<string, string> = {}): Req => ({
  method: 'POST',
  path,
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const get = (path: string, input?: unknown, headers: Record<string, string> = {}): Req => ({
  path:
    input === undefined
      ? path
      : `${path}${path.includes('?') ? '&' : '?'}input=${encodeURIComponent(JSON.stringify(input))}`,
  headers,
});

/**
 * The requests the two handlers must answer alike: what the product's clients send, and what a
 * careless integrator or an attacker might.
 */
const REQUESTS: Record<string, Req> = {
  'batch of one, POST (as httpBatchLink sends)': post('/trpc/echo?batch=1', {
    0: enc({ n: 3, when: new Date('2026-01-02T03:04:05.000Z') }),
  }),
  'batch of one, GET': get('/trpc/echo?batch=1', { 0: enc({ n: 2 }) }),
  'single call, GET': get('/trpc/echo', enc({ n: 5 })),
  'single call, POST': post('/trpc/echo', enc({ n: 6 })),
  'no input at all, GET': get('/trpc/echo'),
  'no input at all, batch GET': get('/trpc/echo,nothing?batch=1'),
  'undefined input as the clients send it': post('/trpc/echo,nothing?batch=1', {
    0: NO_INPUT,
    1: NO_INPUT,
  }),
  'an answer of undefined': get('/trpc/nothing'),
  'mixed results in one batch (207)': post('/trpc/echo,refused,mine,crash?batch=1', {
    0: enc({ n: 1 }),
  }),
  'invalid input, zh-CN': post('/trpc/echo?batch=1', { 0: enc({ n: 0 }) }),
  'invalid input, en': post(
    '/trpc/echo?batch=1',
    { 0: enc({ n: 1.5 }) },
    { 'accept-language': 'en-GB,en;q=0.8' },
  ),
  'domain error': get('/trpc/refused'),
  'unexpected error': get('/trpc/crash'),
  'output that breaks its schema': get('/trpc/badOutput'),
  'promise inside the data': get('/trpc/stream'),
  'members only, anonymous': get('/trpc/mine?batch=1'),
  mutation: post('/trpc/add?batch=1', { 0: enc({ a: 2, b: 40 }) }),
  'mutation by GET': get('/trpc/add', enc({ a: 1, b: 1 })),
  'query by POST, single': post('/trpc/nothing', ''),
  'query and mutation in one batch': post('/trpc/echo,add?batch=1', {
    1: enc({ a: 1, b: 2 }),
  }),
  'unknown procedure': get('/trpc/nope?batch=1'),
  'unknown among known': get('/trpc/echo,nope?batch=1'),
  'a name from the prototype': get('/trpc/constructor'),
  'async check, passing': get('/trpc/checked,checked?batch=1', {
    0: enc({ word: 'yes' }),
    1: enc({ word: 'no' }),
  }),
  'percent-encoded path': get('/trpc/with%2Edot,echo?batch=1'),
  'broken percent-encoding': get('/trpc/ec%E0%A4%A?batch=1'),
  'malformed JSON body': post('/trpc/echo?batch=1', '{"0": '),
  'empty body': post('/trpc/echo?batch=1', ''),
  'batch input that is not an object': post('/trpc/echo?batch=1', [enc({ n: 1 })]),
  'malformed input in the query': { path: '/trpc/echo?input=%7Bnope' },
  'superjson meta that lies': post('/trpc/echo?batch=1', {
    0: { json: { n: 1 }, meta: { values: { n: ['Date'] }, v: 1 } },
  }),
  'over the batch size': get('/trpc/nothing,nothing,nothing,nothing,nothing?batch=1'),
  'at the batch size': get('/trpc/nothing,nothing,nothing,nothing?batch=1'),
  'form data': {
    method: 'POST',
    path: '/trpc/add',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'a=1&b=2',
  },
  'JSON with a charset': post(
    '/trpc/add?batch=1',
    { 0: enc({ a: 1, b: 1 }) },
    { 'content-type': 'application/json; charset=utf-8' },
  ),
  'streaming accept header': post(
    '/trpc/echo?batch=1',
    { 0: enc({ n: 1 }) },
    { 'trpc-accept': 'application/jsonl' },
  ),
  HEAD: { method: 'HEAD', path: '/trpc/echo' },
};

/** The cases that must take the JSON path; every other one goes to the library. */
const ON_JSON_PATH = new Set([
  'batch of one, POST (as httpBatchLink sends)',
  'batch of one, GET',
  'single call, GET',
  'single call, POST',
  'no input at all, GET',
  'no input at all, batch GET',
  'undefined input as the clients send it',
  'an answer of undefined',
  'mixed results in one batch (207)',
  'invalid input, zh-CN',
  'invalid input, en',
  'domain error',
  'unexpected error',
  'output that breaks its schema',
  'promise inside the data',
  'members only, anonymous',
  'mutation',
  'percent-encoded path',
  'at the batch size',
  'JSON with a charset',
  'superjson meta that lies',
  'async check, passing',
]);

describe('tRPC JSON path answers as @hono/trpc-server does', () => {
  let db: TestDatabase;
  let deps: ApiDeps;
  let ours: Hono;
  let library: Hono;
  /** Both again, served by Node as in production: the JSON path then reads the socket. */
  let servers: ServerType[] = [];
  let ourUrl: string;
  let libraryUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    const logger = pino({ level: 'silent' });
    deps = {
      db,
      logger,
      auth: testAuth(db),
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      jobs: createInProcessRunner({ db, logger, catalog: { handlers: [], schedules: [] } }),
      storage: createMemoryStorage(),
    };
    const contextFor = (headers: Headers) =>
      createContext(deps, {
        requestId: 'req-1',
        locale: pickLocale(headers.get('accept-language') ?? undefined),
        actor: ANONYMOUS,
      });
    const options = {
      endpoint: '/trpc',
      router: testRouter,
      allowMethodOverride: true,
      maxBatchSize: MAX_BATCH,
    };
    ours = new Hono().use(
      '/trpc/*',
      trpcHandler({
        ...options,
        createContext: (c) => Promise.resolve(contextFor(c.req.raw.headers)),
      }),
    );
    library = new Hono().use(
      '/trpc/*',
      trpcServer({ ...options, createContext: (opts) => contextFor(opts.req.headers) }),
    );
    const listen = (app: Hono) =>
      new Promise<string>((resolve) => {
        const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
          resolve(`http://127.0.0.1:${info.port}`),
        );
        servers.push(server);
      });
    [ourUrl, libraryUrl] = await Promise.all([listen(ours), listen(library)]);
  });

  afterAll(async () => {
    await Promise.all(
      servers.map((server) => new Promise((resolve) => server.close(() => resolve(undefined)))),
    );
    servers = [];
    await db.close();
  });

  /** What the comparison looks at: status, the two headers tRPC sets, and the body. */
  async function seen(response: Response) {
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      vary: response.headers.get('vary'),
      body: await response.text(),
    };
  }

  const init = (req: Req) => ({
    method: req.method ?? 'GET',
    headers: req.headers,
    body: req.body,
  });
  const answer = async (app: Hono, req: Req) => seen(await app.request(req.path, init(req)));
  const answerOverNode = async (base: string, req: Req) =>
    seen(await fetch(`${base}${req.path}`, init(req)));

  beforeEach(() => {
    vi.mocked(runJsonCalls).mockClear();
  });

  it.each(Object.entries(REQUESTS))('%s', async (name, req) => {
    const expected = await answer(library, req);
    const actual = await answer(ours, req);
    expect(actual).toStrictEqual(expected);
    expect(vi.mocked(runJsonCalls).mock.calls.length).toBe(ON_JSON_PATH.has(name) ? 1 : 0);
  });

  // Served by Node, a POST body is read from the socket; one the JSON path refuses after reading
  // it (bad JSON, a mixed batch) must still reach the library whole.
  it.each(Object.entries(REQUESTS))('%s, served by Node', async (name, req) => {
    const expected = await answerOverNode(libraryUrl, req);
    const actual = await answerOverNode(ourUrl, req);
    expect(actual).toStrictEqual(expected);
    expect(vi.mocked(runJsonCalls).mock.calls.length).toBe(ON_JSON_PATH.has(name) ? 1 : 0);
  });

  it('covers answers the clients rely on', async () => {
    // The cases above must include real successes, errors and a mixed batch, or the
    // comparison proves little.
    const mixed = await answer(ours, REQUESTS['mixed results in one batch (207)'] as Req);
    expect(mixed.status).toBe(207);
    const items = JSON.parse(mixed.body) as {
      result?: unknown;
      error?: { json: { data: { appCode?: string } } };
    }[];
    expect(
      items.map((item) => ('result' in item ? 'ok' : item.error?.json.data.appCode)),
    ).toStrictEqual(['ok', 'NOT_FOUND', 'UNAUTHENTICATED', 'INTERNAL']);
    expect(mixed.body).not.toContain('secret database detail');
    const echoed = await answer(
      ours,
      REQUESTS['batch of one, POST (as httpBatchLink sends)'] as Req,
    );
    const [first] = JSON.parse(echoed.body) as { result: { data: unknown } }[];
    expect(superjson.deserialize(first?.result.data as never)).toStrictEqual({
      n: 3,
      when: new Date('2026-01-02T03:04:05.000Z'),
      at: new Date('2026-11-24T08:00:00.000Z'),
    });
    const checked = await answer(ours, REQUESTS['async check, passing'] as Req);
    expect(checked.status).toBe(207);
    expect(checked.body).toContain('"YES"');
    const zh = await answer(ours, REQUESTS['invalid input, zh-CN'] as Req);
    const en = await answer(ours, REQUESTS['invalid input, en'] as Req);
    expect(zh.status).toBe(400);
    expect(zh.body).not.toBe(en.body);
  });
});

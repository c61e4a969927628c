import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, seedDemoData, type Database } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_RATE_LIMITS, DevOutbox, hashKey } from '@unionhall/api';
import { createApp, type AppConfig } from './app';
import {
  signedInOfficer,
  testAuth as authFor,
  type CookieJar,
  testCipher,
  testCardSigner,
} from './test-support';

const logger = pino({ level: 'silent' });

async function fakeDist(title: string) {
  const dir = await mkdtemp(join(tmpdir(), 'uh-dist-'));
  await writeFile(join(dir, 'index.html'), `<!doctype html><title>${title}</title>`);
  return dir;
}

function configFor(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    corsOrigins: ['https://hr.example.org'],
    bodyLimitBytes: 64 * 1024,
    trpcMaxBatch: 5,
    hsts: true,
    ...overrides,
  };
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe.each(testDatabaseTargets())('HTTP app on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: ReturnType<typeof createApp>;
  let officer: CookieJar;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    const auth = authFor(db);
    app = createApp({
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      db,
      auth,
      logger,
      config: configFor({
        adminDist: await fakeDist('admin'),
        memberDist: await fakeDist('member'),
      }),
    });
    officer = (
      await signedInOfficer(app, auth, db, {
        email: 'admin@example.org',
        role: 'FEDERATION_ADMIN',
        unitCode: 'BJ-FTU',
      })
    ).jar;
  });
  afterAll(async () => {
    await db.dispose();
  });

  /** Another app on the same database, with one dependency of its own. */
  const appWith = (extra: Partial<Parameters<typeof createApp>[0]>) =>
    createApp({
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      db,
      auth: authFor(db),
      logger,
      config: configFor(),
      ...extra,
    });

  it('answers health and readiness', async () => {
    expect((await app.request('/healthz')).status).toBe(200);
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', database: target });
  });

  it('answers an address over its limit with 429 and a message in its language', async () => {
    const address = '198.51.100.200';
    const limited = appWith({ clientIp: () => address });
    const lookUp = (language: string) =>
      limited.request(
        '/trpc/public.membership.employerChoices',
        json({ json: { query: '机械' } }, { 'accept-language': language }),
      );
    expect((await lookUp('zh-CN')).status).toBe(200);
    // As if the address had looked up employers all this minute.
    await db.prisma.authRateLimit.update({
      where: { key: `address:lookup:${hashKey(address)}` },
      data: { count: ADDRESS_RATE_LIMITS.lookup.max },
    });
    for (const [language, message] of [
      ['zh-CN', '请求过于频繁，请稍后再试。'],
      ['en', 'Too many attempts. Please wait and try again.'],
    ] as const) {
      const response = await lookUp(language);
      expect(response.status).toBe(429);
      const body = (await response.json()) as {
        error: { json: { message: string; data: { appCode: string } } };
      };
      expect(body.error.json.message).toBe(message);
      expect(body.error.json.data.appCode).toBe('RATE_LIMITED');
    }
    // The same app answers other addresses as usual.
    expect(
      (
        await app.request(
          '/trpc/public.membership.employerChoices',
          json({ json: { query: '机械' } }),
        )
      ).status,
    ).toBe(200);
  });

  it('serves a query over POST so personal data stays out of URLs', async () => {
    const response = await app.request('/trpc/public.org.tree', json({}));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { json: { code: string }[] } } };
    expect(body.result.data.json.map((unit) => unit.code)).toContain('BJ-FTU');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers invalid input with a structured 400 in the caller’s language, never a stack', async () => {
    const response = await app.request(
      '/trpc/officer.org.create',
      json(
        { json: { parentId: 'nope', kind: 'UNION', name: 'x', code: '!!' } },
        { 'accept-language': 'zh-CN,zh;q=0.9', cookie: officer.header() },
      ),
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/stack|at .*\.ts|SELECT|prisma/i);
    const body = JSON.parse(text) as {
      error: {
        json: {
          message: string;
          data: { appCode: string; issues: { path: string[]; message: string }[] };
        };
      };
    };
    expect(body.error.json.data.appCode).toBe('VALIDATION_FAILED');
    expect(body.error.json.message).toBe('输入有误，请检查标出的字段。');
    const fields = body.error.json.data.issues.map((issue) => issue.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['parentId', 'name', 'code']));
    const codeIssue = body.error.json.data.issues.find((issue) => issue.path[0] === 'code');
    expect(codeIssue?.message).toBe('只能使用字母、数字和连字符，2 到 32 个字符');
  });

  it('prefers the explicit UI language header over Accept-Language', async () => {
    const response = await app.request(
      '/trpc/officer.org.create',
      json(
        { json: {} },
        { 'accept-language': 'zh-CN', 'x-unionhall-locale': 'en', cookie: officer.header() },
      ),
    );
    const body = (await response.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toBe('Some fields are not valid. Please check them.');
  });

  it('answers a signed-out caller of an officer procedure with 401, before reading input', async () => {
    const response = await app.request(
      '/trpc/officer.org.create',
      json({ json: {} }, { 'x-unionhall-locale': 'en' }),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { json: { message: 'Please sign in.', data: { appCode: 'UNAUTHENTICATED' } } },
    });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await app.request('/trpc/officer.org.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: officer.header() },
      body: '{"json": {',
    });
    expect(response.status).toBe(400);
  });

  it('answers unknown procedures and routes with 404', async () => {
    expect((await app.request('/trpc/officer.nothing.here', json({}))).status).toBe(404);
    const unknown = await app.request('/api/nothing', { headers: { accept: 'application/json' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });

  it('exposes the dev outbox only when the composition root passes one', async () => {
    expect((await app.request('/api/dev/outbox')).status).toBe(404);
    const outbox = new DevOutbox();
    await outbox.send({
      channel: 'email',
      to: 'member@example.org',
      purpose: 'sign-in',
      code: '123456',
      sentAt: new Date(),
    });
    const withOutbox = appWith({ devOutbox: outbox });
    const response = await withOutbox.request('/api/dev/outbox');
    expect(await response.json()).toMatchObject({
      messages: [{ to: 'member@example.org', code: '123456' }],
    });
  });

  it('refuses oversized bodies with 413', async () => {
    const response = await app.request(
      '/trpc/officer.org.create',
      json({ json: { name: 'x'.repeat(100 * 1024) } }),
    );
    expect(response.status).toBe(413);
  });

  it('caps the batch size', async () => {
    const calls = Array.from({ length: 6 }, () => 'public.org.tree').join(',');
    const body = Object.fromEntries(Array.from({ length: 6 }, (_, index) => [String(index), {}]));
    const response = await app.request(
      `/trpc/${calls}?batch=1`,
      json(body, { 'accept-language': 'en' }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'BATCH_TOO_LARGE',
        message: 'Too many calls in one request. Send them in smaller batches.',
        maxBatch: 5,
      },
    });
    const atTheCap = Array.from({ length: 5 }, () => 'public.org.tree').join(',');
    const accepted = await app.request(`/trpc/${atTheCap}?batch=1`, json(body));
    expect(accepted.status).toBe(200);
  });

  it('serves the PWA at / and the console at /admin with security headers', async () => {
    const member = await app.request('/', { headers: { accept: 'text/html' } });
    expect(member.status).toBe(200);
    expect(await member.text()).toContain('<title>member</title>');
    const csp = member.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(member.headers.get('x-content-type-options')).toBe('nosniff');
    expect(member.headers.get('strict-transport-security')).toContain('max-age=');
    expect(member.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');

    const admin = await app.request('/admin/org', { headers: { accept: 'text/html' } });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('<title>admin</title>');
    expect((await app.request('/admin')).status).toBe(301);
  });

  it('allows cross-origin calls only from the allowlist', async () => {
    const allowed = await app.request('/trpc/public.org.tree', {
      method: 'OPTIONS',
      headers: { origin: 'https://hr.example.org', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://hr.example.org');
    const refused = await app.request('/trpc/public.org.tree', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe.each(testDatabaseTargets())('CSRF protection on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: ReturnType<typeof createApp>;
  let parentId: string;
  let officer: CookieJar;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    const auth = authFor(db);
    app = createApp({
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      db,
      auth,
      logger,
      config: configFor(),
    });
    // The victim of a forgery is signed in: the browser attaches their cookie.
    officer = (
      await signedInOfficer(app, auth, db, {
        email: 'victim@example.org',
        role: 'FEDERATION_ADMIN',
        unitCode: 'BJ-FTU',
      })
    ).jar;
    parentId = (await db.prisma.orgUnit.findFirstOrThrow({ where: { code: 'BJ-EDU' } })).id;
  });
  afterAll(async () => {
    await db.dispose();
  });

  const input = () => ({
    json: { parentId, kind: 'GRASSROOTS', name: '伪造工会', code: 'FORGED' },
  });
  const units = () => db.prisma.orgUnit.count();

  it.each([
    ['application/x-www-form-urlencoded', 'json=%7B%7D'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="json"\r\n\r\n{}\r\n--x--',
    ],
    ['text/plain', JSON.stringify({ json: {} })],
  ])('refuses a cross-site form post sent as %s and changes nothing', async (contentType, body) => {
    const before = await units();
    const response = await app.request('/trpc/officer.org.create', {
      method: 'POST',
      headers: {
        'content-type': contentType,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        cookie: officer.header(),
      },
      body: contentType === 'text/plain' ? JSON.stringify(input()) : body,
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await units()).toBe(before);
  });

  it('refuses a body without a content type', async () => {
    const response = await app.request('/trpc/officer.org.create', {
      method: 'POST',
      body: JSON.stringify(input()),
    });
    expect(response.status).toBe(403);
  });

  it('refuses JSON from a foreign or opaque origin', async () => {
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const response = await app.request(
        '/trpc/officer.org.create',
        json(input(), { ...headers, cookie: officer.header() }),
      );
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await db.prisma.orgUnit.count({ where: { code: 'FORGED' } })).toBe(0);
  });

  it('lets the same officer create the unit from the console’s own origin', async () => {
    const response = await app.request(
      'http://localhost/trpc/officer.org.create',
      json(input(), {
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
        cookie: officer.header(),
      }),
    );
    expect(response.status).toBe(200);
    expect(await db.prisma.orgUnit.count({ where: { code: 'FORGED' } })).toBe(1);
  });

  it('accepts the same origin, an allowlisted origin, and clients that are not browsers', async () => {
    const same = await app.request(
      'http://localhost/trpc/public.org.tree',
      json({}, { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }),
    );
    expect(same.status).toBe(200);
    const partner = await app.request(
      '/trpc/public.org.tree',
      json({}, { origin: 'https://hr.example.org', 'sec-fetch-site': 'cross-site' }),
    );
    expect(partner.status).toBe(200);
    const script = await app.request('/trpc/public.org.tree', json({}));
    expect(script.status).toBe(200);
  });
});

describe('HTTP app with the database down', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    // Nothing listens on port 1: every connection attempt is refused at once.
    db = await openDatabase({
      url: 'postgresql://root@127.0.0.1:1/unionhall',
      connectTimeoutMs: 1000,
    });
    app = createApp({
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      db,
      auth: authFor(db),
      logger,
      config: configFor(),
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('reports not ready with 503', async () => {
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('fails API calls fast with a clear 503', async () => {
    const started = Date.now();
    const response = await app.request(
      '/trpc/public.org.tree',
      json({}, { 'x-unionhall-locale': 'en' }),
    );
    expect(response.status).toBe(503);
    const body = (await response.json()) as {
      error: { json: { message: string; data: { appCode: string } } };
    };
    expect(body.error.json.data.appCode).toBe('SERVICE_UNAVAILABLE');
    expect(body.error.json.message).toContain('temporarily unavailable');
    // Not a timing assertion on performance: a hung request would never come back at all.
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

// 6. Better Auth's built-in rate limiter with storage: 'database' on PGlite: 429, the row it
// keeps, per-IP buckets, an audit row for the refused attempt, and what happens when the
// storage fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficer } from '../src/seed';
import { Browser, createTestDb, setup } from './helpers';
import type { TestDb } from './helpers';

let db: TestDb;
let env: ReturnType<typeof setup>;
beforeAll(async () => {
  db = await createTestDb('pglite');
  env = setup(db);
  await createOfficer(env.auth, { email: 'olga@unionhall.test', name: 'Olga', password: 'correct horse battery staple' });
});
afterAll(async () => {
  await db?.dispose();
});

describe('rate limiting (storage: database)', () => {
  it('the 6th sign-in attempt from one IP within a minute gets 429 and an audit row', async () => {
    const b = new Browser(env.app, '198.51.100.1');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await b.post('/api/auth/sign-in/email', { email: 'olga@unionhall.test', password: 'wrong password!!' });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const res = await b.post('/api/auth/sign-in/email', { email: 'olga@unionhall.test', password: 'correct horse battery staple' });
    expect(res.status).toBe(429); // even the right password: the bucket is per IP+path
    expect(Number(res.headers.get('x-retry-after'))).toBeGreaterThan(0);

    const rows = await db.prisma.authRateLimit.findMany();
    expect(rows).toEqual([
      expect.objectContaining({ key: '198.51.100.1|/sign-in/email', count: 5 }),
    ]);
    const audits = await db.prisma.auditEvent.findMany({ where: { action: 'auth.rate-limited' } });
    expect(audits.length).toBe(2);
    expect(audits[0]).toMatchObject({ outcome: 'DENIED' });
  });

  it('another IP has its own bucket; a client cannot pick its IP with the header', async () => {
    const other = new Browser(env.app, '198.51.100.2');
    const ok = await other.post('/api/auth/sign-in/email', { email: 'olga@unionhall.test', password: 'correct horse battery staple' });
    expect(ok.status).toBe(200);
    // forged x-unionhall-client-ip from the client is overwritten by the app
    const forged = await env.app.request('https://unionhall.test/api/auth/sign-in/email', {
      method: 'POST',
      headers: {
        origin: 'https://unionhall.test',
        'content-type': 'application/json',
        'x-test-ip': '198.51.100.1',
        'x-unionhall-client-ip': '192.0.2.99',
      },
      body: JSON.stringify({ email: 'olga@unionhall.test', password: 'x' }),
    });
    expect(forged.status).toBe(429);
  });

  it('email code requests: 3 per minute per IP', async () => {
    const b = new Browser(env.app, '198.51.100.3');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await b.post('/api/auth/email-otp/send-verification-otp', { email: 'olga@unionhall.test', type: 'sign-in' })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('fails closed: if the rate-limit table cannot be read, the request is refused (500), no session', async () => {
    await db.prisma.$executeRawUnsafe('ALTER TABLE auth_rate_limit RENAME TO auth_rate_limit_gone');
    try {
      const b = new Browser(env.app, '198.51.100.4');
      const r = await b.post('/api/auth/sign-in/email', { email: 'olga@unionhall.test', password: 'correct horse battery staple' });
      expect(r.status).toBe(500);
      expect(b.cookies.size).toBe(0);
    } finally {
      await db.prisma.$executeRawUnsafe('ALTER TABLE auth_rate_limit_gone RENAME TO auth_rate_limit');
    }
  });
});

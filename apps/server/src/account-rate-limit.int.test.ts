import { createAuth, createMember, createOfficer, DevOutbox } from '@unionhall/api';
import { seedDemoData, verifyAuditChain } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import {
  CookieJar,
  postAuth,
  signedInOfficer,
  TEST_ORIGIN,
  TEST_PASSWORD,
  testCardSigner,
  testCipher,
} from './test-support';

/**
 * Limits per account hold however many addresses an attacker uses: each request here comes
 * from a new address, so Better Auth's per-address limiter never trips.
 */
describe.each(testDatabaseTargets())('per-account rate limits on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: ReturnType<typeof createApp>;
  const outbox = new DevOutbox();
  let address = 0;
  let auth: ReturnType<typeof createAuth>;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    auth = createAuth({
      prisma: db.prisma,
      secret: 'unionhall-test-secret-0123456789abcdef',
      baseURL: TEST_ORIGIN,
      sender: outbox,
      accountRateLimits: {
        signIn: { max: 3, window: 600 },
        secondFactor: { max: 3, window: 600 },
        codeRequest: { max: 2, window: 600 },
        passwordReset: { max: 2, window: 600 },
      },
    });
    app = createApp({
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      db,
      auth,
      logger: pino({ level: 'silent' }),
      config: { corsOrigins: [], bodyLimitBytes: 65536, trpcMaxBatch: 10, hsts: false },
      clientIp: () => {
        address += 1;
        return `198.51.${Math.floor(address / 250)}.${address % 250}`;
      },
    });
    for (const email of ['target@example.org', 'bystander@example.org', 'crowd@example.org']) {
      await createOfficer(auth, { email, name: email, password: TEST_PASSWORD });
    }
    await createMember(auth, { email: 'member@example.org', name: '王芳' });
  });
  afterAll(async () => {
    await db.dispose();
  });

  const rateLimitedRows = () =>
    db.prisma.auditEvent.count({ where: { action: 'auth.rate-limited', outcome: 'DENIED' } });

  it('refuses password guesses on one account from many addresses, with an audit row each', async () => {
    const before = await rateLimitedRows();
    const statuses: number[] = [];
    // The account is named in different spellings: they are one account.
    for (const email of ['target@example.org', 'Target@Example.org', ' TARGET@example.org ']) {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const response = await postAuth(app, '/sign-in/email', {
          email,
          password: 'a wrong guess',
        });
        statuses.push(response.status);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    // The right password is refused too while the limit holds.
    const right = await postAuth(app, '/sign-in/email', {
      email: 'target@example.org',
      password: TEST_PASSWORD,
    });
    expect(right.status).toBe(429);
    expect(await rateLimitedRows()).toBe(before + 4);
    // Another account is not affected.
    const other = await postAuth(app, '/sign-in/email', {
      email: 'bystander@example.org',
      password: TEST_PASSWORD,
    });
    expect(other.status).toBe(200);
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });

  it('counts concurrent attempts exactly (one statement per attempt)', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        postAuth(app, '/sign-in/email', { email: 'crowd@example.org', password: 'a wrong guess' }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status !== 429)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it('limits code requests per account: no more codes go out past the limit', async () => {
    const sent = () => outbox.list().filter((message) => message.to === 'member@example.org');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await postAuth(app, '/email-otp/send-verification-otp', {
        email: 'member@example.org',
        type: 'sign-in',
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(sent()).toHaveLength(2);
  });

  it('limits second-factor guesses per sign-in, whatever the address', async () => {
    const { totp } = await signedInOfficer(app, auth, db, {
      email: 'totp@example.org',
      role: 'UNIT_CHAIR',
      unitCode: 'BJ-EDU',
    });
    const challenge = async () => {
      const jar = new CookieJar();
      const response = jar.take(
        await postAuth(app, '/sign-in/email', {
          email: 'totp@example.org',
          password: TEST_PASSWORD,
        }),
      );
      expect(await response.json()).toMatchObject({ twoFactorRedirect: true });
      return jar;
    };
    const wrong = String((Number(totp.generate()) + 1) % 1_000_000).padStart(6, '0');
    const jar = await challenge();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      statuses.push((await postAuth(app, '/two-factor/verify-totp', { code: wrong }, jar)).status);
    }
    expect(statuses.slice(0, 3).every((status) => status !== 429 && status !== 200)).toBe(true);
    expect(statuses[3]).toBe(429);
    // The right code no longer helps on this challenge ...
    const late = await postAuth(app, '/two-factor/verify-totp', { code: totp.generate() }, jar);
    expect(late.status).toBe(429);
    // ... but a new sign-in (itself limited per account) starts a new challenge.
    const fresh = await challenge();
    const ok = await postAuth(app, '/two-factor/verify-totp', { code: totp.generate() }, fresh);
    expect(ok.status).toBe(200);
  });

  it('stores the account buckets hashed, not the addresses people use', async () => {
    const rows = await db.prisma.authRateLimit.findMany({
      where: { key: { startsWith: 'account:' } },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.key.includes('@'))).toBe(false);
  });
});

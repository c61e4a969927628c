import {
  ANONYMOUS,
  createAuth,
  createMember,
  createOfficer,
  disableUser,
  DevOutbox,
  grantRole,
  resolveActor,
  type Auth,
} from '@unionhall/api';
import { seedDemoData, verifyAuditChain } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import * as OTPAuth from 'otpauth';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { CookieJar, testCipher, testCardSigner } from './test-support';

const ORIGIN = 'http://localhost';
const PASSWORD = 'correct horse battery staple';

describe.each(testDatabaseTargets())('sign-in on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: ReturnType<typeof createApp>;
  let limitedApp: ReturnType<typeof createApp>;
  let auth: Auth;
  const outbox = new DevOutbox();
  let officerId: string;
  let totp: OTPAuth.TOTP;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    const config = { corsOrigins: [], bodyLimitBytes: 65536, trpcMaxBatch: 10, hsts: false };
    const logger = pino({ level: 'silent' });
    auth = createAuth({
      prisma: db.prisma,
      secret: 'unionhall-test-secret-0123456789abcdef',
      baseURL: ORIGIN,
      sender: outbox,
      rateLimit: false,
    });
    app = createApp({
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      db,
      auth,
      logger,
      config,
      clientIp: () => '198.51.100.7',
    });
    const limitedAuth = createAuth({
      prisma: db.prisma,
      secret: 'unionhall-test-secret-0123456789abcdef',
      baseURL: ORIGIN,
      sender: outbox,
    });
    limitedApp = createApp({
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      db,
      auth: limitedAuth,
      logger,
      config,
      clientIp: () => '203.0.113.9',
    });

    const officer = await createOfficer(auth, {
      email: 'Chair@Example.org',
      name: '李华',
      password: PASSWORD,
    });
    officerId = officer.id;
    const unit = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-EDU' } });
    await grantRole(db.prisma, { userId: officer.id, orgUnitId: unit.id, role: 'UNION_ADMIN' });
    await createMember(auth, { email: 'member@example.org', name: '张伟' });
  });
  afterAll(async () => {
    await db.dispose();
  });

  const post = (path: string, body: unknown, jar?: CookieJar, target = app) =>
    target.request(`${ORIGIN}/api/auth${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: ORIGIN,
        ...(jar ? { cookie: jar.header() } : {}),
      },
      body: JSON.stringify(body),
    });
  const session = async (jar: CookieJar) => {
    const response = await app.request(`${ORIGIN}/api/auth/get-session`, {
      headers: { cookie: jar.header() },
    });
    return (await response.json()) as { user: { id: string; email: string } } | null;
  };
  const auditActions = async () =>
    (
      await db.prisma.auditEvent.findMany({
        orderBy: { seq: 'asc' },
        where: { action: { startsWith: 'auth.' } },
      })
    ).map((event) => `${event.action}:${event.outcome}`);

  it('writes Better Auth’s messages to the server’s log: a foreign origin is a warning', async () => {
    const lines: { level: string; fields: object; message?: string }[] = [];
    const capture = (level: string) => (fields: object, message?: string) => {
      lines.push({ level, fields, message });
    };
    const logged = createAuth({
      prisma: db.prisma,
      secret: 'unionhall-test-secret-0123456789abcdef',
      baseURL: ORIGIN,
      sender: outbox,
      rateLimit: false,
      logger: { info: capture('info'), warn: capture('warn'), error: capture('error') },
    });
    const response = await logged.handler(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://evil.example',
          cookie: 'uh.session_token=whatever',
        },
        body: JSON.stringify({ email: 'chair@example.org', password: PASSWORD }),
      }),
    );
    expect(response.status).toBe(403);
    expect(lines).toContainEqual({
      level: 'warn',
      fields: { source: 'better-auth' },
      message: 'Invalid origin: https://evil.example',
    });
    expect(lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('signs an officer in with a password into an HttpOnly, Secure, SameSite cookie', async () => {
    const jar = new CookieJar();
    const response = jar.take(
      await post('/sign-in/email', { email: 'chair@example.org', password: PASSWORD }),
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((line) => line.includes('session_token'));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await session(jar))?.user.id).toBe(officerId);

    // Enrol TOTP: the URI is what the console shows as a QR code.
    const enable = await post('/two-factor/enable', { password: PASSWORD }, jar);
    const { totpURI, backupCodes } = (await enable.json()) as {
      totpURI: string;
      backupCodes: string[];
    };
    expect(backupCodes).toHaveLength(10);
    const parsed = OTPAuth.URI.parse(totpURI);
    if (!(parsed instanceof OTPAuth.TOTP)) throw new Error('not a TOTP URI');
    totp = parsed;
    const verify = jar.take(await post('/two-factor/verify-totp', { code: totp.generate() }, jar));
    expect(verify.status).toBe(200);

    jar.take(await post('/sign-out', {}, jar));
    expect(await session(jar)).toBeNull();
  });

  it('takes the caller from the session cookie alone; without one the caller is anonymous', async () => {
    const user = await createOfficer(auth, {
      email: 'cookie@example.org',
      name: '王芳',
      password: PASSWORD,
    });
    const jar = new CookieJar();
    jar.take(await post('/sign-in/email', { email: 'cookie@example.org', password: PASSWORD }));
    const actorFor = (cookie?: string) =>
      resolveActor(auth, db.prisma, new Headers(cookie === undefined ? {} : { cookie }));
    expect(await actorFor(jar.header())).toMatchObject({ type: 'OFFICER', id: user.id });
    expect(await actorFor()).toEqual(ANONYMOUS);
    expect(await actorFor('theme=dark; uh.locale=en')).toEqual(ANONYMOUS);
    // A cookie that looks like a session is still checked against the database.
    expect(await actorFor('__Secure-uh.session_token=forged.value')).toEqual(ANONYMOUS);
  });

  it('asks an enrolled officer for the second factor before any session exists', async () => {
    const jar = new CookieJar();
    const first = jar.take(
      await post('/sign-in/email', { email: 'chair@example.org', password: PASSWORD }),
    );
    expect(await first.json()).toMatchObject({ twoFactorRedirect: true });
    expect(await session(jar)).toBeNull();

    const wrong = await post('/two-factor/verify-totp', { code: '000000' }, jar);
    expect(wrong.status).toBe(401);
    jar.take(await post('/two-factor/verify-totp', { code: totp.generate() }, jar));
    expect((await session(jar))?.user.id).toBe(officerId);

    // The signed-in officer is the actor of what they change, in the audit log.
    const unit = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-NO1-HS' } });
    const rename = await app.request(`${ORIGIN}/trpc/officer.org.rename`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: jar.header() },
      body: JSON.stringify({
        json: { id: unit.id, name: '滨江一中工会', expectedVersion: unit.version },
      }),
    });
    expect(rename.status).toBe(200);
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'org.unit.rename', targetId: unit.id },
    });
    expect(event).toMatchObject({ actorType: 'OFFICER', actorId: officerId });
  });

  it('gives an officer without a second factor no powers until enrolment', async () => {
    const auth = createAuth({
      prisma: db.prisma,
      secret: 'unionhall-test-secret-0123456789abcdef',
      baseURL: ORIGIN,
      sender: outbox,
      rateLimit: false,
    });
    const user = await createOfficer(auth, {
      email: 'new.officer@example.org',
      name: '新干部',
      password: PASSWORD,
    });
    const unit = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-FTU' } });
    await grantRole(db.prisma, { userId: user.id, orgUnitId: unit.id, role: 'FEDERATION_ADMIN' });
    const jar = new CookieJar();
    jar.take(
      await post('/sign-in/email', { email: 'new.officer@example.org', password: PASSWORD }),
    );
    const trpc = (path: string) =>
      app.request(`${ORIGIN}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: jar.header() },
        body: '{}',
      });
    const me = (await (await trpc('public.session.me')).json()) as {
      result: {
        data: { json: { kind: string; twoFactorEnabled: boolean; roles: { role: string }[] } };
      };
    };
    expect(me.result.data.json).toMatchObject({
      kind: 'OFFICER',
      twoFactorEnabled: false,
      roles: [{ role: 'FEDERATION_ADMIN' }],
    });
    expect((await trpc('officer.org.list')).status).toBe(403);

    const enable = await post('/two-factor/enable', { password: PASSWORD }, jar);
    const parsed = OTPAuth.URI.parse(((await enable.json()) as { totpURI: string }).totpURI);
    if (!(parsed instanceof OTPAuth.TOTP)) throw new Error('not a TOTP URI');
    jar.take(await post('/two-factor/verify-totp', { code: parsed.generate() }, jar));
    expect((await trpc('officer.org.list')).status).toBe(200);
  });

  it('refuses a wrong password and records the attempt', async () => {
    const response = await post('/sign-in/email', {
      email: 'chair@example.org',
      password: 'not the password at all',
    });
    expect(response.status).toBe(401);
    expect(await auditActions()).toContain('auth.sign-in:FAILED');
  });

  it('signs a member in with a one-time code sent through the port', async () => {
    const jar = new CookieJar();
    expect(
      (
        await post('/email-otp/send-verification-otp', {
          email: 'member@example.org',
          type: 'sign-in',
        })
      ).status,
    ).toBe(200);
    const code = outbox.lastCodeFor('member@example.org');
    expect(code).toMatch(/^\d{6}$/);
    const wrongCode = code === '000000' ? '111111' : '000000';
    expect(
      (await post('/sign-in/email-otp', { email: 'member@example.org', otp: wrongCode })).status,
    ).toBeGreaterThanOrEqual(400);
    jar.take(await post('/sign-in/email-otp', { email: 'member@example.org', otp: code }));
    expect((await session(jar))?.user.email).toBe('member@example.org');
    // A code works once.
    expect(
      (await post('/sign-in/email-otp', { email: 'member@example.org', otp: code })).status,
    ).toBeGreaterThanOrEqual(400);
  });

  it('never shows a session token to page scripts (get-session, list-sessions)', async () => {
    const auth = createAuth({
      prisma: db.prisma,
      secret: 'unionhall-test-secret-0123456789abcdef',
      baseURL: ORIGIN,
      sender: outbox,
      rateLimit: false,
    });
    await createOfficer(auth, { email: 'reader@example.org', name: '读者', password: PASSWORD });
    const jar = new CookieJar();
    jar.take(await post('/sign-in/email', { email: 'reader@example.org', password: PASSWORD }));
    const cookieValue = decodeURIComponent(
      /session_token=([^;]+)/.exec(jar.header())?.[1] ?? 'missing',
    ).split('.')[0];
    for (const path of ['/get-session', '/list-sessions']) {
      const response = await app.request(`${ORIGIN}/api/auth${path}`, {
        headers: { cookie: jar.header() },
      });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain('"userId"');
      expect(text).not.toContain('"token"');
      expect(text).not.toContain(cookieValue);
    }
  });

  it('ends every session of a disabled account and refuses new ones', async () => {
    const auth = createAuth({
      prisma: db.prisma,
      secret: 'unionhall-test-secret-0123456789abcdef',
      baseURL: ORIGIN,
      sender: outbox,
      rateLimit: false,
    });
    const user = await createOfficer(auth, {
      email: 'leaver@example.org',
      name: '离职',
      password: PASSWORD,
    });
    const jar = new CookieJar();
    jar.take(await post('/sign-in/email', { email: 'leaver@example.org', password: PASSWORD }));
    expect((await session(jar))?.user.id).toBe(user.id);
    await disableUser(auth, user.id);
    expect(await session(jar)).toBeNull();
    expect(
      (await post('/sign-in/email', { email: 'leaver@example.org', password: PASSWORD })).status,
    ).toBe(403);
  });

  it('answers 429 past the sign-in limit, with an audit row, stored in the database', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const response = await post(
        '/sign-in/email',
        { email: 'chair@example.org', password: 'wrong password guess' },
        undefined,
        limitedApp,
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Even the right password is refused while the limit holds.
    expect(
      (
        await post(
          '/sign-in/email',
          { email: 'chair@example.org', password: PASSWORD },
          undefined,
          limitedApp,
        )
      ).status,
    ).toBe(429);
    expect(await auditActions()).toContain('auth.rate-limited:DENIED');
    expect(await db.prisma.authRateLimit.count()).toBeGreaterThan(0);
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });
});

import { createMember, DevOutbox, disableUser } from '@unionhall/api';
import { seedDemoData, verifyAuditChain } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import {
  CookieJar,
  postAuth,
  signedInOfficer,
  testAuth,
  TEST_ORIGIN,
  TEST_PASSWORD,
  testCardSigner,
  testCipher,
} from './test-support';

const NEW_PASSWORD = 'a brand new passphrase 2026';
const logger = pino({ level: 'silent' });
const config = { corsOrigins: [], bodyLimitBytes: 65536, trpcMaxBatch: 10, hsts: false };

type App = ReturnType<typeof createApp>;

describe.each(testDatabaseTargets())('password reset and change on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: App;
  let limitedApp: App;
  let auth: ReturnType<typeof testAuth>;
  const outbox = new DevOutbox();

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    auth = testAuth(db, { sender: outbox });
    app = createApp({
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      db,
      auth,
      logger,
      config,
      devOutbox: outbox,
    });
    limitedApp = createApp({
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      db,
      auth: testAuth(db, { sender: outbox, rateLimit: true }),
      logger,
      config,
      clientIp: () => '203.0.113.40',
    });
    await createMember(auth, { email: 'member@example.org', name: '张伟' });
  });
  afterAll(async () => {
    await db.dispose();
  });

  /** An officer procedure over HTTP with the jar's cookie: 200 while the session lives. */
  const orgList = (cookie: string) =>
    app.request(`${TEST_ORIGIN}/trpc/officer.org.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, cookie },
      body: '{}',
    });
  const outboxMessages = async () => {
    const response = await app.request(`${TEST_ORIGIN}/api/dev/outbox`);
    return (
      (await response.json()) as { messages: { to: string; purpose: string; link?: string }[] }
    ).messages;
  };
  const auditRows = (action: string) =>
    db.prisma.auditEvent.findMany({ where: { action }, orderBy: { seq: 'asc' } });
  /** Password, then the authenticator code: the jar of a full sign-in, or the failed status. */
  const signIn = async (email: string, password: string, code: () => string) => {
    const jar = new CookieJar();
    const first = jar.take(await postAuth(app, '/sign-in/email', { email, password }));
    if (first.status !== 200) return { status: first.status, jar };
    const second = jar.take(await postAuth(app, '/two-factor/verify-totp', { code: code() }, jar));
    return { status: second.status, jar };
  };

  it('resets a forgotten password by the emailed link and ends every old session', async () => {
    const email = 'forgetful@example.org';
    const { user, jar, totp } = await signedInOfficer(app, auth, db, {
      email,
      role: 'UNION_ADMIN',
      unitCode: 'BJ-EDU',
    });
    const other = await signIn(email, TEST_PASSWORD, () => totp.generate());
    expect(other.status).toBe(200);
    expect((await orgList(jar.header())).status).toBe(200);
    expect((await orgList(other.jar.header())).status).toBe(200);

    const request = await postAuth(app, '/request-password-reset', { email });
    expect(request.status).toBe(200);
    const [message] = await outboxMessages();
    expect(message).toMatchObject({ to: email, purpose: 'reset-password' });
    const link = new URL(message?.link ?? '');
    expect(`${link.origin}${link.pathname}`).toBe(`${TEST_ORIGIN}/admin/reset-password`);
    const token = link.searchParams.get('token') ?? '';
    expect(token).not.toBe('');

    // The configured minimum length holds for a reset too, and a refusal spends no token.
    expect(
      (await postAuth(app, '/reset-password', { token, newPassword: 'too short' })).status,
    ).toBe(400);
    const reset = await postAuth(app, '/reset-password', { token, newPassword: NEW_PASSWORD });
    expect(reset.status).toBe(200);

    // Both sessions that existed before the reset are dead on the API.
    expect((await orgList(jar.header())).status).toBe(401);
    expect((await orgList(other.jar.header())).status).toBe(401);
    // The old password no longer signs in; the new one does (and still asks for the code).
    expect((await signIn(email, TEST_PASSWORD, () => totp.generate())).status).toBe(401);
    const fresh = await signIn(email, NEW_PASSWORD, () => totp.generate());
    expect(fresh.status).toBe(200);
    expect((await orgList(fresh.jar.header())).status).toBe(200);

    // A link works once.
    const again = await postAuth(app, '/reset-password', { token, newPassword: TEST_PASSWORD });
    expect(again.status).toBe(400);
    expect((await signIn(email, TEST_PASSWORD, () => totp.generate())).status).toBe(401);

    const requested = await auditRows('auth.password.reset-request');
    expect(requested.at(-1)).toMatchObject({ outcome: 'SUCCESS', targetId: email });
    const completed = await auditRows('auth.password.reset');
    expect(completed.map((row) => row.outcome)).toEqual(['FAILED', 'SUCCESS', 'FAILED']);
    expect(completed[1]).toMatchObject({ actorType: 'OFFICER', actorId: user.id });
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });

  it('sends nothing for a member, an unknown or a disabled address, and answers alike', async () => {
    const officer = await signedInOfficer(app, auth, db, {
      email: 'leaver@example.org',
      role: 'UNION_ADMIN',
      unitCode: 'BJ-EDU',
    });
    const answer = async (email: string) => {
      const response = await postAuth(app, '/request-password-reset', { email });
      return { status: response.status, body: await response.text() };
    };
    const before = (await outboxMessages()).length;
    const forOfficer = await answer('leaver@example.org');
    expect(await outboxMessages()).toHaveLength(before + 1);

    await disableUser(auth, officer.user.id);
    for (const email of ['member@example.org', 'nobody@example.org', 'leaver@example.org']) {
      expect(await answer(email)).toEqual(forOfficer);
    }
    expect(await outboxMessages()).toHaveLength(before + 1);
    // A member has no password, and a reset must not give them one.
    const member = await db.prisma.authUser.findUniqueOrThrow({
      where: { email: 'member@example.org' },
      select: { accounts: { select: { providerId: true } } },
    });
    expect(member.accounts).toEqual([]);
  });

  it('changes the password: the other sessions end, this one continues on a new cookie', async () => {
    const email = 'changer@example.org';
    const { user, jar, totp } = await signedInOfficer(app, auth, db, {
      email,
      role: 'UNION_ADMIN',
      unitCode: 'BJ-EDU',
    });
    const other = await signIn(email, TEST_PASSWORD, () => totp.generate());
    const before = jar.header();

    const wrong = await postAuth(
      app,
      '/change-password',
      { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD },
      jar,
    );
    expect(wrong.status).toBe(400);
    expect((await orgList(other.jar.header())).status).toBe(200);

    const change = jar.take(
      await postAuth(
        app,
        '/change-password',
        { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, revokeOtherSessions: true },
        jar,
      ),
    );
    expect(change.status).toBe(200);
    expect(jar.header()).not.toBe(before);
    expect((await orgList(jar.header())).status).toBe(200);
    expect((await orgList(before)).status).toBe(401);
    expect((await orgList(other.jar.header())).status).toBe(401);
    expect((await signIn(email, TEST_PASSWORD, () => totp.generate())).status).toBe(401);
    expect((await signIn(email, NEW_PASSWORD, () => totp.generate())).status).toBe(200);

    const rows = await auditRows('auth.password.change');
    expect(rows.map((row) => [row.outcome, row.actorId])).toEqual([
      ['FAILED', user.id],
      ['SUCCESS', user.id],
    ]);
  });

  it('signs the other sessions out on request and keeps this one', async () => {
    const email = 'careful@example.org';
    const { user, jar, totp } = await signedInOfficer(app, auth, db, {
      email,
      role: 'UNION_ADMIN',
      unitCode: 'BJ-EDU',
    });
    const other = await signIn(email, TEST_PASSWORD, () => totp.generate());
    expect((await postAuth(app, '/revoke-other-sessions', {}, jar)).status).toBe(200);
    expect((await orgList(jar.header())).status).toBe(200);
    expect((await orgList(other.jar.header())).status).toBe(401);
    expect((await auditRows('auth.sessions.revoke-others')).at(-1)).toMatchObject({
      outcome: 'SUCCESS',
      actorId: user.id,
    });
  });

  it('regenerates recovery codes: the old ones stop working, a new one signs in once', async () => {
    const email = 'recovering@example.org';
    const { user, jar } = await signedInOfficer(app, auth, db, {
      email,
      role: 'UNION_ADMIN',
      unitCode: 'BJ-EDU',
    });
    const codesFrom = async (response: Response) =>
      ((await response.json()) as { backupCodes: string[] }).backupCodes;
    expect(
      (await postAuth(app, '/two-factor/generate-backup-codes', { password: 'wrong' }, jar)).status,
    ).toBe(400);
    const first = await codesFrom(
      await postAuth(app, '/two-factor/generate-backup-codes', { password: TEST_PASSWORD }, jar),
    );
    const second = await codesFrom(
      await postAuth(app, '/two-factor/generate-backup-codes', { password: TEST_PASSWORD }, jar),
    );
    expect(second).toHaveLength(10);
    expect(second).not.toEqual(first);

    const withRecovery = async (code: string) => {
      const attempt = new CookieJar();
      attempt.take(await postAuth(app, '/sign-in/email', { email, password: TEST_PASSWORD }));
      const response = attempt.take(
        await postAuth(app, '/two-factor/verify-backup-code', { code }, attempt),
      );
      return { status: response.status, jar: attempt };
    };
    expect((await withRecovery(first[0] ?? '')).status).toBe(401);
    const recovered = await withRecovery(second[0] ?? '');
    expect(recovered.status).toBe(200);
    expect((await orgList(recovered.jar.header())).status).toBe(200);
    expect((await withRecovery(second[0] ?? '')).status).toBe(401);

    const rows = await auditRows('auth.recovery-codes.regenerate');
    expect(rows.map((row) => [row.outcome, row.actorId])).toEqual([
      ['FAILED', user.id],
      ['SUCCESS', user.id],
      ['SUCCESS', user.id],
    ]);
  });

  it('answers 429 past the reset-request limit, with an audit row', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await limitedApp.request(`${TEST_ORIGIN}/api/auth/request-password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
        body: JSON.stringify({ email: 'nobody@example.org' }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
    expect(
      await db.prisma.auditEvent.count({
        where: {
          action: 'auth.rate-limited',
          targetId: '/api/auth/request-password-reset',
          outcome: 'DENIED',
        },
      }),
    ).toBeGreaterThan(0);
  });
});

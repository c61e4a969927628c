import { createMember, createOfficer, DevOutbox } from '@unionhall/api';
import { seedDemoData, verifyAuditChain } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { strangerKey, SoftAuthenticator } from './test-authenticator';
import {
  CookieJar,
  postAuth,
  TEST_ORIGIN,
  TEST_PASSWORD,
  testAuth,
  testCardSigner,
  testCipher,
} from './test-support';

const MEMBER_PHONE = '+8613800138000';
const UNKNOWN_PHONE = '+8613900139000';
const OFFICER_PHONE = '+8615800158000';

describe.each(testDatabaseTargets())('member sign-in by SMS code and passkey on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: ReturnType<typeof createApp>;
  const outbox = new DevOutbox();
  let memberId: string;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    const auth = testAuth(db, { sender: outbox });
    app = createApp({
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      db,
      auth,
      logger: pino({ level: 'silent' }),
      config: { corsOrigins: [], bodyLimitBytes: 65536, trpcMaxBatch: 10, hsts: false },
      clientIp: () => '198.51.100.8',
    });
    // The union records the number in the notation it was given; it is stored in E.164.
    const member = await createMember(auth, {
      email: 'member@example.org',
      name: '张伟',
      phoneNumber: '138 0013 8000',
    });
    memberId = member.id;
    const officer = await createOfficer(auth, {
      email: 'officer@example.org',
      name: '王敏',
      password: TEST_PASSWORD,
    });
    await db.prisma.authUser.update({
      where: { id: officer.id },
      data: { phoneNumber: OFFICER_PHONE, phoneNumberVerified: true },
    });
  });
  afterAll(async () => {
    await db.dispose();
  });

  const get = (path: string, jar: CookieJar) =>
    app.request(`${TEST_ORIGIN}/api/auth${path}`, { headers: { cookie: jar.header() } });
  const sessionUser = async (jar: CookieJar) => {
    const response = await get('/get-session', jar);
    const body = (await response.json()) as { user: { id: string } } | null;
    return body?.user.id ?? null;
  };
  const lastSignInRow = (path: string) =>
    db.prisma.auditEvent.findFirstOrThrow({
      where: {
        action: { startsWith: 'auth.sign-in' },
        changes: { path: ['path', 'after'], equals: path },
      },
      orderBy: { seq: 'desc' },
    });
  const smsTo = (to: string) =>
    outbox.list().filter((message) => message.channel === 'sms' && message.to === to);

  /** A member signed in by SMS code, as the PWA does it. */
  async function signInBySms(): Promise<CookieJar> {
    const jar = new CookieJar();
    await postAuth(app, '/phone-number/send-otp', { phoneNumber: MEMBER_PHONE });
    const code = outbox.lastCodeFor(MEMBER_PHONE);
    jar.take(await postAuth(app, '/phone-number/verify', { phoneNumber: MEMBER_PHONE, code }));
    return jar;
  }

  it('signs a member in with a code sent by SMS through the port, and audits it', async () => {
    expect(await db.prisma.authUser.findUnique({ where: { id: memberId } })).toMatchObject({
      phoneNumber: MEMBER_PHONE,
      phoneNumberVerified: true,
    });
    const sent = await postAuth(app, '/phone-number/send-otp', { phoneNumber: MEMBER_PHONE });
    expect(sent.status).toBe(200);
    const [message] = smsTo(MEMBER_PHONE);
    expect(message).toMatchObject({ channel: 'sms', purpose: 'sign-in' });
    expect(message?.code).toMatch(/^\d{6}$/);
    const code = message?.code ?? '';
    // Stored as a keyed digest (sms-codes-at-rest.ts): the table never holds the code itself.
    const stored = await db.prisma.authVerification.findFirstOrThrow({
      where: { identifier: `phone-number-otp-${MEMBER_PHONE}` },
    });
    expect(stored.value).toMatch(/^[\w-]{43}:0$/);
    expect(stored.value).not.toContain(code);

    const jar = new CookieJar();
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = jar.take(
      await postAuth(app, '/phone-number/verify', { phoneNumber: MEMBER_PHONE, code: wrongCode }),
    );
    expect(wrong.status).toBe(400);
    expect(await sessionUser(jar)).toBeNull();
    expect(await lastSignInRow('/phone-number/verify')).toMatchObject({
      action: 'auth.sign-in',
      outcome: 'FAILED',
      actorType: 'ANONYMOUS',
    });

    const right = jar.take(
      await postAuth(app, '/phone-number/verify', { phoneNumber: MEMBER_PHONE, code }),
    );
    expect(right.status).toBe(200);
    expect(await sessionUser(jar)).toBe(memberId);
    expect(await lastSignInRow('/phone-number/verify')).toMatchObject({
      action: 'auth.sign-in',
      outcome: 'SUCCESS',
      actorType: 'MEMBER',
      actorId: memberId,
    });

    // A code works once.
    const again = await postAuth(app, '/phone-number/verify', { phoneNumber: MEMBER_PHONE, code });
    expect(again.status).toBe(400);
  });

  it('counts wrong codes against the stored digest and refuses the right one after five', async () => {
    await postAuth(app, '/phone-number/send-otp', { phoneNumber: MEMBER_PHONE });
    const code = outbox.lastCodeFor(MEMBER_PHONE) ?? '';
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await postAuth(app, '/phone-number/verify', {
        phoneNumber: MEMBER_PHONE,
        code: wrongCode,
      });
      expect(wrong.status).toBe(400);
      const row = await db.prisma.authVerification.findFirstOrThrow({
        where: { identifier: `phone-number-otp-${MEMBER_PHONE}` },
      });
      expect(row.value).toMatch(new RegExp(`^[\\w-]{43}:${attempt}$`));
    }
    const jar = new CookieJar();
    const late = jar.take(
      await postAuth(app, '/phone-number/verify', { phoneNumber: MEMBER_PHONE, code }),
    );
    expect(late.status).toBe(403);
    expect(await sessionUser(jar)).toBeNull();
  });

  it('answers an unknown number exactly like a member’s, sends nothing and creates no one', async () => {
    const users = await db.prisma.authUser.count();
    const forMember = await postAuth(app, '/phone-number/send-otp', { phoneNumber: MEMBER_PHONE });
    const forUnknown = await postAuth(app, '/phone-number/send-otp', {
      phoneNumber: UNKNOWN_PHONE,
    });
    expect(forUnknown.status).toBe(forMember.status);
    expect(await forUnknown.json()).toEqual(await forMember.json());
    expect(smsTo(UNKNOWN_PHONE)).toEqual([]);

    // Guessing a code: the same refusal as a wrong code for a member, and still no account.
    const guessUnknown = await postAuth(app, '/phone-number/verify', {
      phoneNumber: UNKNOWN_PHONE,
      code: '123456',
    });
    const code = outbox.lastCodeFor(MEMBER_PHONE);
    const guessMember = await postAuth(app, '/phone-number/verify', {
      phoneNumber: MEMBER_PHONE,
      code: code === '123456' ? '654321' : '123456',
    });
    expect(guessUnknown.status).toBe(400);
    expect(guessUnknown.status).toBe(guessMember.status);
    expect(await guessUnknown.json()).toEqual(await guessMember.json());
    expect(await db.prisma.authUser.count()).toBe(users);
    expect(await db.prisma.authUser.findUnique({ where: { phoneNumber: UNKNOWN_PHONE } })).toBe(
      null,
    );
  });

  it('refuses numbers that are not mainland mobiles before anything is stored', async () => {
    const response = await postAuth(app, '/phone-number/send-otp', { phoneNumber: '13800138000' });
    expect(response.status).toBe(400);
    const foreign = await postAuth(app, '/phone-number/send-otp', { phoneNumber: '+14155550100' });
    expect(foreign.status).toBe(400);
  });

  it('never sends an officer a code: officers sign in with a password and TOTP', async () => {
    const response = await postAuth(app, '/phone-number/send-otp', { phoneNumber: OFFICER_PHONE });
    expect(response.status).toBe(200);
    expect(smsTo(OFFICER_PHONE)).toEqual([]);
  });

  it('refuses an officer an email code as if it were wrong: no way around the TOTP', async () => {
    await postAuth(app, '/email-otp/send-verification-otp', {
      email: 'officer@example.org',
      type: 'sign-in',
    });
    const code = outbox.lastCodeFor('officer@example.org') ?? '';
    const jar = new CookieJar();
    const officer = jar.take(
      await postAuth(app, '/sign-in/email-otp', { email: 'Officer@example.org', otp: code }),
    );
    expect(officer.status).toBe(400);
    expect(await sessionUser(jar)).toBeNull();

    await postAuth(app, '/email-otp/send-verification-otp', {
      email: 'member@example.org',
      type: 'sign-in',
    });
    const memberCode = outbox.lastCodeFor('member@example.org');
    const wrong = await postAuth(app, '/sign-in/email-otp', {
      email: 'member@example.org',
      otp: memberCode === '000000' ? '111111' : '000000',
    });
    expect(await officer.clone().json()).toEqual(await wrong.json());
  });

  it('closes the phone endpoints members do not use', async () => {
    const jar = await signInBySms();
    const attach = await postAuth(
      app,
      '/phone-number/verify',
      { phoneNumber: UNKNOWN_PHONE, code: '123456', updatePhoneNumber: true },
      jar,
    );
    expect(attach.status).toBe(403);
    expect(
      (
        await postAuth(app, '/sign-in/phone-number', {
          phoneNumber: MEMBER_PHONE,
          password: TEST_PASSWORD,
        })
      ).status,
    ).toBe(404);
    expect(
      (await postAuth(app, '/phone-number/request-password-reset', { phoneNumber: MEMBER_PHONE }))
        .status,
    ).toBe(404);
  });

  it('lets a signed-in member add a passkey and sign in with it alone, audited', async () => {
    const authenticator = new SoftAuthenticator('localhost', TEST_ORIGIN);
    const jar = await signInBySms();

    const options = jar.take(await get('/passkey/generate-register-options', jar));
    expect(options.status).toBe(200);
    const creation = (await options.json()) as { challenge: string; rp: { id: string } };
    // The relying party is the configured public origin's host.
    expect(creation.rp.id).toBe('localhost');
    const registered = await postAuth(
      app,
      '/passkey/verify-registration',
      { response: authenticator.register(creation), name: 'Test phone' },
      jar,
    );
    expect(registered.status).toBe(200);
    const listed = (await (await get('/passkey/list-user-passkeys', jar)).json()) as {
      id: string;
      name: string;
    }[];
    expect(listed).toMatchObject([{ name: 'Test phone' }]);

    // A fresh browser: no session, no hint of who is signing in.
    const fresh = new CookieJar();
    const request = fresh.take(await get('/passkey/generate-authenticate-options', fresh));
    const challenge = (await request.json()) as { challenge: string };
    const signedIn = fresh.take(
      await postAuth(
        app,
        '/passkey/verify-authentication',
        { response: authenticator.assert(challenge) },
        fresh,
      ),
    );
    expect(signedIn.status).toBe(200);
    expect(await sessionUser(fresh)).toBe(memberId);
    expect(await lastSignInRow('/passkey/verify-authentication')).toMatchObject({
      action: 'auth.sign-in',
      outcome: 'SUCCESS',
      actorType: 'MEMBER',
      actorId: memberId,
    });

    // An assertion signed by another key is refused, and the attempt recorded.
    const forger = new CookieJar();
    const forgedChallenge = (await forger
      .take(await get('/passkey/generate-authenticate-options', forger))
      .json()) as { challenge: string };
    const forged = await postAuth(
      app,
      '/passkey/verify-authentication',
      { response: authenticator.assert(forgedChallenge, strangerKey()) },
      forger,
    );
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(await sessionUser(forger)).toBeNull();
    expect(await lastSignInRow('/passkey/verify-authentication')).toMatchObject({
      outcome: 'FAILED',
    });

    // Removed, the passkey opens nothing.
    const [stored] = listed;
    expect(
      (await postAuth(app, '/passkey/delete-passkey', { id: stored?.id ?? '' }, jar)).status,
    ).toBe(200);
    expect(await (await get('/passkey/list-user-passkeys', jar)).json()).toEqual([]);
    const after = new CookieJar();
    const afterChallenge = (await after
      .take(await get('/passkey/generate-authenticate-options', after))
      .json()) as { challenge: string };
    const refused = await postAuth(
      app,
      '/passkey/verify-authentication',
      { response: authenticator.assert(afterChallenge) },
      after,
    );
    expect(refused.status).toBe(401);
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });

  it('does not let an officer register a passkey, which would skip the second factor', async () => {
    const jar = new CookieJar();
    jar.take(
      await postAuth(app, '/sign-in/email', {
        email: 'officer@example.org',
        password: TEST_PASSWORD,
      }),
    );
    expect(await sessionUser(jar)).not.toBeNull();
    expect((await get('/passkey/generate-register-options', jar)).status).toBe(403);
    expect((await get('/passkey/generate-register-options', new CookieJar())).status).toBe(401);
  });
});

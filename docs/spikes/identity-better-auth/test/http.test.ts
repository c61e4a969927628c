// 4 + 5 (+ 7): Better Auth mounted in Hono, driven over HTTP on PGlite: cookies, sessions,
// officer password + TOTP, backup codes, member email/SMS codes, revocation, API keys, audit.
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFromHeaders } from '../src/app';
import { verifyAuditChain } from '../src/db';
import { createMember, createOfficer, disableUser } from '../src/seed';
import { Browser, createTestDb, setup } from './helpers';
import type { TestDb } from './helpers';

const SESSION = '__Secure-uh.session_token';
const TWO_FACTOR = '__Secure-uh.two_factor';

let db: TestDb;
let env: ReturnType<typeof setup>;
beforeAll(async () => {
  db = await createTestDb('pglite');
  // rate limiting is covered in ratelimit.test.ts; here many sign-ins come from one IP
  env = setup(db, { rateLimit: { enabled: false } });
});
afterAll(async () => {
  await db?.dispose();
});

function totpFrom(uri: string) {
  return OTPAuth.URI.parse(uri) as OTPAuth.TOTP;
}

describe('officer: password + TOTP', () => {
  const email = 'olga@unionhall.test';
  const password = 'correct horse battery staple';
  let totp: OTPAuth.TOTP;
  let backupCodes: string[];

  beforeAll(async () => {
    await createOfficer(env.auth, { email, name: 'Olga Officer', password });
  });

  it('password sign-in sets an HttpOnly, Secure, SameSite=Lax __Secure- cookie', async () => {
    const b = new Browser(env.app);
    const res = await b.post('/api/auth/sign-in/email', { email, password });
    expect(res.status).toBe(200);
    const cookie = b.lastSetCookies.find((c) => c.startsWith(`${SESSION}=`))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).toMatch(/; Max-Age=43200/i);
    expect((await b.get('/api/me')).status).toBe(200);
  });

  it('enrols TOTP: enable -> totpURI + backup codes, verify a code -> twoFactorEnabled', async () => {
    const b = new Browser(env.app);
    await b.post('/api/auth/sign-in/email', { email, password });
    const enable = await b.post('/api/auth/two-factor/enable', { password });
    expect(enable.status).toBe(200);
    expect(enable.json.totpURI).toMatch(/^otpauth:\/\/totp\/Unionhall:/);
    expect(enable.json.backupCodes).toHaveLength(10);
    totp = totpFrom(enable.json.totpURI);
    backupCodes = enable.json.backupCodes;
    // not enabled until a code is verified (skipVerificationOnEnable: false)
    expect((await db.prisma.authUser.findUniqueOrThrow({ where: { email } })).twoFactorEnabled).toBe(false);
    const verify = await b.post('/api/auth/two-factor/verify-totp', { code: totp.generate() });
    expect(verify.status).toBe(200);
    expect((await db.prisma.authUser.findUniqueOrThrow({ where: { email } })).twoFactorEnabled).toBe(true);
    // secret and backup codes are stored encrypted, not in clear
    const row = await db.prisma.authTwoFactor.findFirstOrThrow();
    expect(row.secret).not.toContain(totp.secret.base32);
    expect(row.backupCodes).not.toContain(backupCodes[0]);
  });

  it('sign-in -> 2FA challenge (no session) -> verify TOTP -> rotated session cookie', async () => {
    const b = new Browser(env.app);
    const first = await b.post('/api/auth/sign-in/email', { email, password });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ twoFactorRedirect: true, twoFactorMethods: ['totp'] });
    expect(b.cookies.has(SESSION)).toBe(false);
    expect(b.cookies.has(TWO_FACTOR)).toBe(true);
    expect((await b.get('/api/me')).status).toBe(401);

    // wrong code first
    const wrong = await b.post('/api/auth/two-factor/verify-totp', { code: '000000' });
    expect(wrong.status).toBe(401);

    const ok = await b.post('/api/auth/two-factor/verify-totp', { code: totp.generate() });
    expect(ok.status).toBe(200);
    expect(b.cookies.has(SESSION)).toBe(true);
    const me = await b.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.json.email).toBe(email);
  });

  it('a backup code works once instead of TOTP', async () => {
    const b = new Browser(env.app);
    await b.post('/api/auth/sign-in/email', { email, password });
    const ok = await b.post('/api/auth/two-factor/verify-backup-code', { code: backupCodes[0] });
    expect(ok.status).toBe(200);
    expect((await b.get('/api/me')).status).toBe(200);

    const b2 = new Browser(env.app);
    await b2.post('/api/auth/sign-in/email', { email, password });
    const again = await b2.post('/api/auth/two-factor/verify-backup-code', { code: backupCodes[0] });
    expect(again.status).toBe(401);
  });

  it('sign-out invalidates the session: the old cookie gets 401', async () => {
    const b = new Browser(env.app);
    await b.post('/api/auth/sign-in/email', { email, password });
    await b.post('/api/auth/two-factor/verify-backup-code', { code: backupCodes[1] });
    const stolen = b.cookieHeader();
    expect((await b.post('/api/auth/sign-out')).status).toBe(200);
    expect(b.cookies.has(SESSION)).toBe(false); // cleared with Max-Age=0
    const replay = await env.app.request('https://unionhall.test/api/me', { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
  });

  it('password change with revokeOtherSessions kills the other sessions', async () => {
    const a = new Browser(env.app);
    const other = new Browser(env.app);
    for (const [br, code] of [[a, backupCodes[2]], [other, backupCodes[3]]] as const) {
      await br.post('/api/auth/sign-in/email', { email, password });
      expect((await br.post('/api/auth/two-factor/verify-backup-code', { code })).status).toBe(200);
    }
    const before = a.cookies.get(SESSION);
    const res = await a.post('/api/auth/change-password', {
      currentPassword: password,
      newPassword: 'an even longer new password',
      revokeOtherSessions: true,
    });
    expect(res.status).toBe(200);
    expect(a.cookies.get(SESSION)).not.toBe(before); // this browser gets a fresh session
    expect((await a.get('/api/me')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(401);
    // change back for later tests
    await a.post('/api/auth/change-password', {
      currentPassword: 'an even longer new password',
      newPassword: password,
      revokeOtherSessions: true,
    });
  });

  it('session from request headers (what the tRPC context does)', async () => {
    const b = new Browser(env.app);
    await b.post('/api/auth/sign-in/email', { email, password });
    await b.post('/api/auth/two-factor/verify-backup-code', { code: backupCodes[4] });
    const session = await sessionFromHeaders(env.auth, new Headers({ cookie: b.cookieHeader() }));
    expect(session?.user.email).toBe(email);
    expect(await sessionFromHeaders(env.auth, new Headers())).toBeNull();
  });
});

describe('member: one-time codes', () => {
  const email = 'mia@unionhall.test';
  const phone = '+8613800138000';
  beforeAll(async () => {
    await createMember(env.auth, { email, name: 'Mia Member', phoneNumber: phone });
  });

  it('email code: request -> outbox -> sign in', async () => {
    const b = new Browser(env.app);
    const send = await b.post('/api/auth/email-otp/send-verification-otp', { email, type: 'sign-in' });
    expect(send.status).toBe(200);
    const msg = env.outbox.filter((m) => m.to === email).at(-1)!;
    expect(msg).toMatchObject({ channel: 'email', purpose: 'sign-in' });
    expect(msg.code).toMatch(/^\d{6}$/);
    // stored hashed (storeOTP: 'hashed')
    const stored = await db.prisma.authVerification.findMany();
    expect(stored.some((v) => v.value.includes(msg.code))).toBe(false);

    const wrong = await b.post('/api/auth/sign-in/email-otp', { email, otp: '000000' });
    expect(wrong.status).toBe(400);
    const ok = await b.post('/api/auth/sign-in/email-otp', { email, otp: msg.code });
    expect(ok.status).toBe(200);
    expect((await b.get('/api/me')).json.email).toBe(email);
    // single use
    const reuse = await new Browser(env.app).post('/api/auth/sign-in/email-otp', { email, otp: msg.code });
    expect(reuse.status).toBeGreaterThanOrEqual(400);
  });

  it('unknown email: 200 but nothing sent, and no account created (disableSignUp)', async () => {
    const before = env.outbox.length;
    const res = await new Browser(env.app).post('/api/auth/email-otp/send-verification-otp', {
      email: 'nobody@unionhall.test',
      type: 'sign-in',
    });
    expect(res.status).toBe(200);
    expect(env.outbox.length).toBe(before);
    expect(await db.prisma.authUser.count({ where: { email: 'nobody@unionhall.test' } })).toBe(0);
  });

  it('SMS code (phoneNumber plugin): send-otp -> verify signs in', async () => {
    const b = new Browser(env.app);
    expect((await b.post('/api/auth/phone-number/send-otp', { phoneNumber: phone })).status).toBe(200);
    const msg = env.outbox.filter((m) => m.channel === 'sms').at(-1)!;
    const res = await b.post('/api/auth/phone-number/verify', { phoneNumber: phone, code: msg.code });
    expect(res.status).toBe(200);
    expect((await b.get('/api/me')).json.email).toBe(email);
  });

  it('passkey: a signed-in member gets WebAuthn registration options', async () => {
    const b = new Browser(env.app);
    await b.post('/api/auth/email-otp/send-verification-otp', { email, type: 'sign-in' });
    await b.post('/api/auth/sign-in/email-otp', { email, otp: env.outbox.at(-1)!.code });
    const res = await b.get('/api/auth/passkey/generate-register-options');
    expect(res.status).toBe(200);
    expect(res.json.rp).toEqual({ name: 'Unionhall', id: 'unionhall.test' });
    expect(res.json.challenge).toBeTypeOf('string');
  });

  it('account disable: sessions deleted, old cookie 401, new sign-in refused', async () => {
    const b = new Browser(env.app);
    await b.post('/api/auth/email-otp/send-verification-otp', { email, type: 'sign-in' });
    await b.post('/api/auth/sign-in/email-otp', { email, otp: env.outbox.at(-1)!.code });
    expect((await b.get('/api/me')).status).toBe(200);
    const user = await db.prisma.authUser.findUniqueOrThrow({ where: { email } });
    await disableUser(env.auth, user.id);
    expect((await b.get('/api/me')).status).toBe(401);
    const c = new Browser(env.app);
    await c.post('/api/auth/email-otp/send-verification-otp', { email, type: 'sign-in' });
    const res = await c.post('/api/auth/sign-in/email-otp', { email, otp: env.outbox.at(-1)!.code });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('ACCOUNT_DISABLED');
    expect(c.cookies.has(SESSION)).toBe(false);
  });
});

describe('integrator API keys', () => {
  it('created by an admin with scopes, shown once, stored hashed, verified, lastRequest, revoked', async () => {
    const owner = await createOfficer(env.auth, {
      email: 'integrations@unionhall.test',
      name: 'Integration owner',
      password: 'another long password',
    });
    const created = await env.auth.api.createApiKey({
      body: { userId: owner.id, name: 'payroll sync', permissions: { members: ['read'] } },
    });
    expect(created.key).toMatch(/^uh_/);
    const row = await db.prisma.authApiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.key).not.toBe(created.key); // hashed
    expect(row.start).toBe(created.key.slice(0, 6));
    expect(row.lastRequest).toBeNull();

    const ok = await env.auth.api.verifyApiKey({ body: { key: created.key, permissions: { members: ['read'] } } });
    expect(ok.valid).toBe(true);
    expect(ok.key?.referenceId).toBe(owner.id);
    const denied = await env.auth.api.verifyApiKey({ body: { key: created.key, permissions: { members: ['write'] } } });
    expect(denied.valid).toBe(false); // insufficient scope is reported as KEY_NOT_FOUND (by design)
    expect((await db.prisma.authApiKey.findUniqueOrThrow({ where: { id: created.id } })).lastRequest).not.toBeNull();

    await env.auth.api.updateApiKey({ body: { keyId: created.id, userId: owner.id, enabled: false } });
    expect((await env.auth.api.verifyApiKey({ body: { key: created.key } })).valid).toBe(false);
  });
});

describe('audit rows (hooks)', () => {
  it('sign-in success, 2FA pending, failure and sign-out each wrote a row', async () => {
    const rows = await db.prisma.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    const kinds = new Set(rows.map((r) => `${r.action}:${r.outcome}`));
    expect(kinds).toContain('auth.sign-in:SUCCESS');
    expect(kinds).toContain('auth.sign-in.second-factor-required:SUCCESS');
    expect(kinds).toContain('auth.sign-in:FAILED');
    expect(kinds).toContain('auth.sign-out:SUCCESS');
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true });
  });
});

/**
 * The officer's side of sign-in: password, then the authenticator code (Better Auth at
 * /api/auth). Plain fetch keeps the console's first download small; the session is an
 * HttpOnly cookie the browser keeps.
 */
import { AuthRequestError, postAuth as post } from '@unionhall/ui';

export { AuthRequestError };

/** Resolves to 'second-factor' when the code is needed next, 'signed-in' otherwise. */
export async function signInWithPassword(email: string, password: string) {
  const answer = await post('/sign-in/email', { email, password });
  const needsCode =
    typeof answer === 'object' &&
    answer !== null &&
    Reflect.get(answer, 'twoFactorRedirect') === true;
  return needsCode ? 'second-factor' : 'signed-in';
}

export function verifyCode(code: string) {
  return post('/two-factor/verify-totp', { code });
}

export function verifyRecoveryCode(code: string) {
  return post('/two-factor/verify-backup-code', { code });
}

/** Starts enrolment: the authenticator URI and the one-time recovery codes. */
export async function startEnrolment(
  password: string,
): Promise<{ totpURI: string; backupCodes: string[] }> {
  const answer = await post('/two-factor/enable', { password });
  const totpURI =
    typeof answer === 'object' && answer !== null ? Reflect.get(answer, 'totpURI') : null;
  const codes =
    typeof answer === 'object' && answer !== null ? Reflect.get(answer, 'backupCodes') : null;
  if (typeof totpURI !== 'string' || !Array.isArray(codes)) throw new AuthRequestError('unknown');
  return { totpURI, backupCodes: codes.filter((code): code is string => typeof code === 'string') };
}

export function signOut() {
  return post('/sign-out', {});
}

/** The base32 secret inside an otpauth:// URI, for typing into an authenticator by hand. */
export function secretOf(totpURI: string): string {
  return new URL(totpURI).searchParams.get('secret') ?? '';
}

/** Asks for a reset link by email. The answer is the same whether or not the address exists. */
export async function requestPasswordReset(email: string) {
  await post('/request-password-reset', { email });
}

/** Sets a new password with the token from the emailed link; every session ends. */
export async function resetPassword(token: string, newPassword: string) {
  await post('/reset-password', { token, newPassword });
}

/**
 * Changes the signed-in officer's password. Every other session ends; this one continues on
 * a fresh cookie that the answer sets.
 */
export async function changePassword(currentPassword: string, newPassword: string) {
  await post('/change-password', { currentPassword, newPassword, revokeOtherSessions: true });
}

/** A fresh set of recovery codes; the earlier ones stop working. */
export async function regenerateRecoveryCodes(password: string): Promise<string[]> {
  const answer = await post('/two-factor/generate-backup-codes', { password });
  const codes =
    typeof answer === 'object' && answer !== null ? Reflect.get(answer, 'backupCodes') : null;
  if (!Array.isArray(codes)) throw new AuthRequestError('unknown');
  return codes.filter((code): code is string => typeof code === 'string');
}

export function signOutOtherSessions() {
  return post('/revoke-other-sessions', {});
}

/** One of the officer's active sessions, as the account page shows it. */
export interface SessionSummary {
  id: string;
  current: boolean;
  createdAt: Date;
  lastActiveAt: Date;
  userAgent: string | null;
  ipAddress: string | null;
}

async function getAuth(path: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/auth${path}`, { credentials: 'same-origin' });
  } catch {
    throw new AuthRequestError('network');
  }
  if (response.status === 401) throw new AuthRequestError('invalid');
  if (!response.ok) throw new AuthRequestError('unknown');
  return response.json().catch(() => null);
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The officer's active sessions, this one first. Only what the page shows is kept: Better
 * Auth's answer also carries each session's token, which must not linger in the page.
 */
export async function listMySessions(): Promise<SessionSummary[]> {
  const [sessions, current] = await Promise.all([
    getAuth('/list-sessions'),
    getAuth('/get-session'),
  ]);
  const currentId = field(field(current, 'session'), 'id');
  if (!Array.isArray(sessions)) throw new AuthRequestError('unknown');
  return sessions
    .map((session: unknown) => ({
      id: String(field(session, 'id')),
      current: field(session, 'id') === currentId,
      createdAt: new Date(String(field(session, 'createdAt'))),
      lastActiveAt: new Date(String(field(session, 'updatedAt'))),
      userAgent: text(field(session, 'userAgent')),
      ipAddress: text(field(session, 'ipAddress')),
    }))
    .sort(
      (a, b) =>
        Number(b.current) - Number(a.current) ||
        b.lastActiveAt.getTime() - a.lastActiveAt.getTime(),
    );
}

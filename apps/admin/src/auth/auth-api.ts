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

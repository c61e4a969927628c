/**
 * The member's side of sign-in: a one-time code by email or SMS (Better Auth at /api/auth).
 * Plain fetch keeps the PWA's first download small; the session itself is an HttpOnly cookie.
 * Passkeys are in passkey-api.ts, loaded only when used.
 */
import { AuthRequestError, postAuth } from '@unionhall/ui';

export { AuthRequestError };

const post = async (path: string, body: unknown): Promise<void> => {
  await postAuth(path, body);
};

/** Sends a code to the address. The answer is the same whether or not it belongs to a member. */
export function requestCode(email: string) {
  return post('/email-otp/send-verification-otp', { email, type: 'sign-in' });
}

export function signInWithCode(email: string, otp: string) {
  return post('/sign-in/email-otp', { email, otp });
}

/** Sends a code by SMS to a number in E.164. Same answer whether or not it is a member's. */
export function requestSmsCode(phoneNumber: string) {
  return post('/phone-number/send-otp', { phoneNumber });
}

export function signInWithSmsCode(phoneNumber: string, code: string) {
  return post('/phone-number/verify', { phoneNumber, code });
}

export function signOut() {
  return post('/sign-out', {});
}

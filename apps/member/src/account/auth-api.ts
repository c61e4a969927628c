/**
 * The member's side of sign-in: a one-time code by email (Better Auth at /api/auth). Plain
 * fetch keeps the PWA's first download small; the session itself is an HttpOnly cookie.
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

export function signOut() {
  return post('/sign-out', {});
}

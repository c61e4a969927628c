/**
 * The member's side of sign-in: a one-time code by email (Better Auth at /api/auth). Plain
 * fetch keeps the PWA's first download small; the session itself is an HttpOnly cookie.
 */
export type AuthFailure = 'invalidCode' | 'tooMany' | 'disabled' | 'network' | 'unknown';

export class AuthRequestError extends Error {
  constructor(readonly reason: AuthFailure) {
    super(reason);
  }
}

async function post(path: string, body: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/auth${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new AuthRequestError('network');
  }
  if (response.ok) return;
  if (response.status === 429) throw new AuthRequestError('tooMany');
  if (response.status === 403) throw new AuthRequestError('disabled');
  if (response.status === 400 || response.status === 401) throw new AuthRequestError('invalidCode');
  throw new AuthRequestError('unknown');
}

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

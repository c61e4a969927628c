/**
 * Calls Better Auth's endpoints (/api/auth/*) from the console and the PWA with plain fetch,
 * which keeps both first downloads small; the session itself is an HttpOnly cookie. Failures
 * become one of a few reasons each app translates.
 */
export type AuthFailure = 'invalid' | 'tooMany' | 'disabled' | 'origin' | 'network' | 'unknown';

export class AuthRequestError extends Error {
  constructor(readonly reason: AuthFailure) {
    super(reason);
  }
}

/**
 * Why a 403 was refused, from the code Better Auth sends: a disabled account (the server's
 * ACCOUNT_DISABLED), or a page opened at an address the server does not trust (INVALID_ORIGIN,
 * e.g. 127.0.0.1 for a server set up as localhost). Anything else is not the account's fault.
 */
async function refusal(response: Response): Promise<AuthFailure> {
  const body: unknown = await response.json().catch(() => null);
  const code = typeof body === 'object' && body !== null ? Reflect.get(body, 'code') : undefined;
  if (code === 'ACCOUNT_DISABLED') return 'disabled';
  if (code === 'INVALID_ORIGIN') return 'origin';
  return 'unknown';
}

/** POSTs JSON to `/api/auth${path}` and returns the parsed answer (null when it has none). */
export async function postAuth(path: string, body: unknown): Promise<unknown> {
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
  if (response.status === 429) throw new AuthRequestError('tooMany');
  if (response.status === 403) throw new AuthRequestError(await refusal(response));
  if (response.status === 400 || response.status === 401) throw new AuthRequestError('invalid');
  if (!response.ok) throw new AuthRequestError('unknown');
  return response.json().catch(() => null);
}

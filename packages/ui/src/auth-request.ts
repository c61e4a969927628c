/**
 * Calls Better Auth's endpoints (/api/auth/*) from the console and the PWA with plain fetch,
 * which keeps both first downloads small; the session itself is an HttpOnly cookie. Failures
 * become one of a few reasons each app translates.
 */
export type AuthFailure = 'invalid' | 'tooMany' | 'disabled' | 'network' | 'unknown';

export class AuthRequestError extends Error {
  constructor(readonly reason: AuthFailure) {
    super(reason);
  }
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
  if (response.status === 403) throw new AuthRequestError('disabled');
  if (response.status === 400 || response.status === 401) throw new AuthRequestError('invalid');
  if (!response.ok) throw new AuthRequestError('unknown');
  return response.json().catch(() => null);
}

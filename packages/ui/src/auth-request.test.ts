import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthRequestError, postAuth, type AuthFailure } from './auth-request';

/** Better Auth's answer, as the server sends it. */
function answering(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
      ),
    ),
  );
}

async function reasonOf(call: Promise<unknown>): Promise<AuthFailure | 'none'> {
  try {
    await call;
    return 'none';
  } catch (error) {
    if (error instanceof AuthRequestError) return error.reason;
    throw error;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('postAuth', () => {
  it('tells a disabled account from a page opened at an untrusted address', async () => {
    answering(403, { message: 'Account disabled', code: 'ACCOUNT_DISABLED' });
    expect(await reasonOf(postAuth('/sign-in/email', {}))).toBe('disabled');
    answering(403, { message: 'Invalid origin', code: 'INVALID_ORIGIN' });
    expect(await reasonOf(postAuth('/sign-in/email', {}))).toBe('origin');
    // Any other refusal is not blamed on the account.
    answering(403, { message: 'Forbidden' });
    expect(await reasonOf(postAuth('/sign-in/email', {}))).toBe('unknown');
  });

  it('maps the other failures, and returns the answer on success', async () => {
    answering(401, { code: 'INVALID_EMAIL_OR_PASSWORD' });
    expect(await reasonOf(postAuth('/sign-in/email', {}))).toBe('invalid');
    answering(429, {});
    expect(await reasonOf(postAuth('/sign-in/email', {}))).toBe('tooMany');
    answering(500, {});
    expect(await reasonOf(postAuth('/sign-in/email', {}))).toBe('unknown');
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await reasonOf(postAuth('/sign-in/email', {}))).toBe('network');
    answering(200, { redirect: false });
    await expect(postAuth('/sign-in/email', {})).resolves.toStrictEqual({ redirect: false });
  });
});

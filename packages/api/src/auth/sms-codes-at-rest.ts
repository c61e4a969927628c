import { createHmac, hkdfSync } from 'node:crypto';
import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';

/**
 * Better Auth's phone-number plugin keeps each SMS code in the verification table as
 * `code:attempts`, in plain text: anyone who could read that table (a backup, a replica, a
 * support query) could sign in as any member holding a live code. Unlike email OTP, the plugin
 * has no option to hash its codes, so this plugin does it around it:
 *
 * - when a code is stored (a `verification` database hook), its code part is replaced by an
 *   HMAC-SHA256 keyed with a key derived from the server's auth secret, over the phone number and the code: a
 *   six-digit code cannot be recovered from it by trying the million candidates without the
 *   secret, and equal codes for two numbers do not look alike;
 * - before `/phone-number/verify` runs, the code the member typed is replaced by its HMAC for
 *   the same number, so the plugin compares digests and keeps its own expiry, single use and
 *   attempt counting (its `code:attempts` rows keep that shape, with the digest as the code).
 *
 * The plugin's other ways to check a code are closed (member-sign-in.ts) or server-only and
 * unused; given a plain code they would only ever refuse it.
 */

/** The identifiers under which the plugin stores a code: sign-in and password reset. */
const CODE_IDENTIFIER = /^phone-number-(?:otp|reset)-(.+)$/;
/** A value as the plugin writes a new code: digits, then optionally `:attempts`. */
const PLAIN_CODE = /^(\d{4,12})(:\d+)?$/;

const keys = new Map<string, Buffer>();

/**
 * A key of its own, derived from the auth secret once (as unsubscribe.ts does): a digest says
 * nothing about the secret's other uses.
 */
function codeKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (key === undefined) {
    key = Buffer.from(hkdfSync('sha256', secret, 'unionhall', 'sms-code/v1', 32));
    keys.set(secret, key);
  }
  return key;
}

/** The digest stored for `code` sent to `phoneNumber`. */
export function smsCodeDigest(secret: string, phoneNumber: string, code: string): string {
  return createHmac('sha256', codeKey(secret))
    .update(`${phoneNumber}\n${code}`)
    .digest('base64url');
}

/**
 * A verification row as it should be stored: a phone code's plain code replaced by its digest;
 * anything else (other identifiers, a row the plugin writes back with its digest and a new
 * attempt count) unchanged.
 */
export function withCodeDigest<T extends { identifier: string; value: string }>(
  secret: string,
  row: T,
): T {
  const phoneNumber = CODE_IDENTIFIER.exec(row.identifier)?.[1];
  const plain = phoneNumber === undefined ? null : PLAIN_CODE.exec(row.value);
  if (phoneNumber === undefined || !plain) return row;
  const [, code = '', attempts = ''] = plain;
  return { ...row, value: `${smsCodeDigest(secret, phoneNumber, code)}${attempts}` };
}

export function smsCodesAtRest(secret: string): BetterAuthPlugin {
  return {
    id: 'unionhall-sms-codes-at-rest',
    init: () => ({
      options: {
        databaseHooks: {
          verification: {
            create: {
              before: async (verification) => ({ data: withCodeDigest(secret, verification) }),
            },
          },
        },
      },
    }),
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === '/phone-number/verify',
          handler: createAuthMiddleware(async (ctx) => {
            const body: unknown = ctx.body;
            if (typeof body !== 'object' || body === null) return;
            const phoneNumber: unknown = Reflect.get(body, 'phoneNumber');
            const code: unknown = Reflect.get(body, 'code');
            // Anything else is refused by the endpoint's own body check.
            if (typeof phoneNumber !== 'string' || typeof code !== 'string') return;
            return {
              context: { body: { ...body, code: smsCodeDigest(secret, phoneNumber, code) } },
            };
          }),
        },
      ],
    },
  };
}

import type { PrismaClient } from '@unionhall/db';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { countInWindow, hashKey } from '../rate-limit';

/**
 * Limits per account, on top of Better Auth's limits per address. An attacker with many
 * addresses can still only try a few passwords or request a few codes for one account.
 */
export interface AccountLimit {
  /** Attempts allowed per window, per account. */
  max: number;
  /** Window length in seconds. */
  window: number;
}

export interface AccountRateLimits {
  signIn: AccountLimit;
  /** Second-factor codes per password sign-in (the challenge cookie names it). */
  secondFactor: AccountLimit;
  codeRequest: AccountLimit;
  passwordReset: AccountLimit;
}

export const DEFAULT_ACCOUNT_RATE_LIMITS: AccountRateLimits = {
  signIn: { max: 10, window: 15 * 60 },
  // With at most 10 password sign-ins per account per window, an attacker who knows the
  // password gets at most 50 guesses at a 6-digit code per window, however many addresses.
  secondFactor: { max: 5, window: 15 * 60 },
  codeRequest: { max: 5, window: 15 * 60 },
  passwordReset: { max: 3, window: 60 * 60 },
};

/** Which limit each endpoint counts against. Paths Better Auth does not serve are harmless. */
const LIMITED_PATHS: Record<string, keyof AccountRateLimits> = {
  '/sign-in/email': 'signIn',
  '/sign-in/email-otp': 'signIn',
  '/sign-in/phone-number': 'signIn',
  '/phone-number/verify': 'signIn',
  '/email-otp/send-verification-otp': 'codeRequest',
  '/phone-number/send-otp': 'codeRequest',
  '/request-password-reset': 'passwordReset',
  '/two-factor/verify-totp': 'secondFactor',
  '/two-factor/verify-backup-code': 'secondFactor',
  '/forget-password': 'passwordReset',
};

/** The second-factor challenge cookie (`uh.two_factor`, `__Secure-` in production). */
const CHALLENGE_COOKIE = /(?:^|;\s*)(?:__Secure-)?uh\.two_factor=([^;]+)/;

/** The password sign-in a second-factor attempt answers (one challenge per sign-in). */
export function challengeOf(cookieHeader: string | null): string | null {
  const challenge = cookieHeader ? CHALLENGE_COOKIE.exec(cookieHeader)?.[1] : undefined;
  return challenge ? `challenge:${challenge}` : null;
}

/** The account an attempt is about, as the client named it (normalised), if it named one. */
export function accountOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const email: unknown = Reflect.get(body, 'email');
  if (typeof email === 'string' && email.trim() !== '')
    return `email:${email.trim().toLowerCase()}`;
  const phone: unknown = Reflect.get(body, 'phoneNumber');
  if (typeof phone === 'string' && phone.trim() !== '') {
    const digits = phone.replace(/\D/g, '');
    if (digits !== '') return `phone:${digits}`;
  }
  return null;
}

/** Counts one attempt against an account's bucket (see rate-limit.ts countInWindow). */
function countAttempt(
  prisma: PrismaClient,
  bucket: string,
  windowSeconds: number,
  now: number,
): Promise<number> {
  return countInWindow(prisma, `account:${hashKey(bucket)}`, windowSeconds, now);
}

/**
 * Refuses with 429 once an account has used up its attempts (the server writes the audit row
 * of every 429). Fails closed: if the counter cannot be written, the attempt is refused too.
 */
export function accountRateLimit(
  prisma: PrismaClient,
  limits: AccountRateLimits = DEFAULT_ACCOUNT_RATE_LIMITS,
): BetterAuthPlugin {
  return {
    id: 'unionhall-account-rate-limit',
    hooks: {
      before: [
        {
          matcher: (ctx) => (ctx.path ?? '') in LIMITED_PATHS,
          handler: createAuthMiddleware(async (ctx) => {
            const kind = LIMITED_PATHS[ctx.path ?? ''];
            const account =
              kind === 'secondFactor'
                ? challengeOf(ctx.headers?.get('cookie') ?? null)
                : accountOf(ctx.body);
            if (!kind || !account) return;
            const limit = limits[kind];
            let count: number;
            try {
              count = await countAttempt(prisma, `${kind}|${account}`, limit.window, Date.now());
            } catch {
              throw new APIError('SERVICE_UNAVAILABLE', {
                message: 'Try again later',
                code: 'RATE_LIMIT_UNAVAILABLE',
              });
            }
            if (count > limit.max) {
              throw new APIError(
                'TOO_MANY_REQUESTS',
                { message: 'Too many attempts for this account', code: 'ACCOUNT_RATE_LIMITED' },
                { 'X-Retry-After': String(limit.window) },
              );
            }
          }),
        },
      ],
    },
  };
}

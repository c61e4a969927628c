import { hash } from 'node:crypto';
import type { PrismaClient } from '@unionhall/db';
import { UnionhallError } from '@unionhall/domain';
import { auditRefusal } from './access';
import type { Context } from './context';

/** At most `max` calls per `window` seconds. */
export interface RateLimit {
  max: number;
  window: number;
}

/**
 * What anyone may do without signing in, per client address. Generous enough for a union's
 * recruitment day, when a whole workshop applies from the factory's Wi-Fi (one address), and
 * tight enough that a script cannot fill the officers' queue or copy the employer list.
 */
export const ADDRESS_RATE_LIMITS = {
  /** Applications to join: each one is a record, an account and a message to officers. */
  apply: { max: 30, window: 60 },
  /** Looking things up while applying or checking a card (employers, card verification). */
  lookup: { max: 300, window: 60 },
} satisfies Record<string, RateLimit>;

export type AddressLimitName = keyof typeof ADDRESS_RATE_LIMITS;

/**
 * A key that does not show what it stands for (an address, an account, a session token): its
 * SHA-256, base64url. The one-shot crypto.hash costs a third of a Hash object's.
 */
export function hashKey(value: string): string {
  return hash('sha256', value, 'base64url');
}

/**
 * Counts one attempt and returns the count within the current fixed window. One statement,
 * so concurrent attempts on several replicas cannot both read a stale count. The rows share
 * Better Auth's rate-limit table (our keys start with `account:` or `address:`, Better Auth's
 * with an address); `last_request` holds the window's start here.
 */
export async function countInWindow(
  prisma: PrismaClient,
  key: string,
  windowSeconds: number,
  now: number,
): Promise<number> {
  const windowMs = windowSeconds * 1000;
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO auth_rate_limit (key, count, last_request)
    VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN auth_rate_limit.last_request <= ${now - windowMs} THEN 1
                   ELSE auth_rate_limit.count + 1 END,
      last_request = CASE WHEN auth_rate_limit.last_request <= ${now - windowMs} THEN ${now}
                          ELSE auth_rate_limit.last_request END
    RETURNING count`;
  return Number(rows[0]?.count ?? Number.POSITIVE_INFINITY);
}

/**
 * Refuses a call with RATE_LIMITED (HTTP 429, a message in the caller's language) once the
 * caller's address has used up `limit`. The first refusal of a window is audited; the rest
 * are not, so that a flood cannot make the audit log write for it. Callers without an
 * address (in-process: tests, background jobs) are not counted.
 */
export async function checkAddressLimit(
  ctx: Pick<Context, 'db' | 'clientIp' | 'actor' | 'requestId' | 'logger'>,
  path: string,
  name: AddressLimitName,
  limits: Record<AddressLimitName, RateLimit> = ADDRESS_RATE_LIMITS,
): Promise<void> {
  if (!ctx.clientIp) return;
  const limit = limits[name];
  const count = await countInWindow(
    ctx.db.prisma,
    `address:${name}:${hashKey(ctx.clientIp)}`,
    limit.window,
    Date.now(),
  );
  if (count <= limit.max) return;
  if (count === limit.max + 1) {
    await auditRefusal(ctx, path, `rate limited: ${name}, ${limit.max} per ${limit.window} s`);
  }
  throw new UnionhallError('RATE_LIMITED', `${name}: more than ${limit.max} in ${limit.window} s`);
}

import type { PrismaClient } from '@unionhall/db';
import { SECURE_COOKIE_PREFIX } from 'better-auth/cookies';
import { isTokenScope, roleGrant, type TAccessGrant, type TTokenScope } from '@unionhall/domain';
import { ANONYMOUS, type Actor } from '../context';
import { hashKey } from '../rate-limit';
import { createActorCache, type ActorCache, type CachedActor } from './actor-cache';
import { AUTH_COOKIE_PREFIX, type Auth } from './auth';

/** The session cookie Better Auth reads (secure cookies are on everywhere, see auth.ts). */
const SESSION_COOKIE = `${SECURE_COOKIE_PREFIX}${AUTH_COOKIE_PREFIX}.session_token`;

/**
 * One cookie's value in a Cookie header (`name=value` pairs separated by ";", RFC 6265 5.4),
 * as sent, or undefined; the last one where a name repeats, as Better Auth's parseCookies
 * reads it. Used as the cache key only (Better Auth reads and checks the cookie itself), so it
 * skips parsing every cookie and decoding values: a third of what resolving a known session
 * cost (bench P2).
 */
export function cookieValue(header: string, name: string): string | undefined {
  const prefix = `${name}=`;
  let at = header.lastIndexOf(prefix);
  while (at !== -1) {
    // A name starts the header or follows a ";" (and the spaces browsers put after it).
    let before = at - 1;
    while (before >= 0 && header.charCodeAt(before) === 32) before -= 1;
    if (before < 0 || header.charCodeAt(before) === 59) {
      const start = at + prefix.length;
      const end = header.indexOf(';', start);
      const value = header.slice(start, end === -1 ? undefined : end).trim();
      return value === '' ? undefined : value;
    }
    at = at === 0 ? -1 : header.lastIndexOf(prefix, at - 1);
  }
  return undefined;
}

/** Per Better Auth instance: the callers it has resolved lately, where caching is on. */
const actorCaches = new WeakMap<Auth, ActorCache>();

/**
 * Remembers who holds a session cookie for `ttlMs` (0: not at all) when resolveActor is given
 * `auth`; see actor-cache.ts for what empties it. The composition root (createApp) turns it on.
 */
export function cacheActors(auth: Auth, ttlMs: number): void {
  if (ttlMs > 0) actorCaches.set(auth, createActorCache({ ttlMs }));
  else actorCaches.delete(auth);
}

/** Forgets every caller resolved through `auth`: something that decides who they are changed. */
export function forgetActors(auth: Auth): void {
  actorCaches.get(auth)?.clear();
}

/** The namespace of Unionhall's scopes in an API key's `permissions`. */
export const TOKEN_SCOPE_NAMESPACE = 'unionhall';

/** An officer's role grants, each with the path of the unit it is held on. */
export async function officerGrants(prisma: PrismaClient, userId: string): Promise<TAccessGrant[]> {
  const grants = await prisma.roleGrant.findMany({
    where: { userId },
    select: { role: true, orgUnit: { select: { path: true } } },
  });
  return grants.map((grant) => roleGrant(grant.role, grant.orgUnit.path));
}

/** Tokens that never expire are remembered like any other for the cache's time alone. */
const NEVER = new Date(8.64e15);

/** An API token's scopes over the unit it was issued for. */
async function tokenActor(
  auth: Auth,
  prisma: PrismaClient,
  key: string,
): Promise<CachedActor | null> {
  const result = await auth.api.verifyApiKey({ body: { key } });
  if (!result.valid || !result.key) return null;
  const metadata: unknown = result.key.metadata;
  const orgUnitId =
    typeof metadata === 'object' && metadata !== null
      ? Reflect.get(metadata, 'orgUnitId')
      : undefined;
  if (typeof orgUnitId !== 'string') return null;
  const unit = await prisma.orgUnit.findUnique({
    where: { id: orgUnitId },
    select: { path: true },
  });
  if (!unit) return null;
  const scopes = result.key.permissions?.[TOKEN_SCOPE_NAMESPACE] ?? [];
  return {
    actor: {
      type: 'INTEGRATOR',
      id: result.key.id,
      // Only the scopes a token may carry count, whatever else a row says: a token never
      // administers tokens or access.
      grants: [{ permissions: scopes.filter(isTokenScope), orgUnitPath: unit.path }],
    },
    sessionExpiresAt: result.key.expiresAt ?? NEVER,
  };
}

/** Keys of the cache: a digest, so no token or cookie value is kept in memory past its request. */
function cacheKey(kind: 'token' | 'session', secret: string): string {
  return `${kind}:${hashKey(secret)}`;
}

/**
 * `load`'s caller, through the cache where `auth` has one: synchronously when the cache knows
 * it (most requests), else once loaded.
 */
function remembered(
  auth: Auth,
  key: () => string,
  load: () => Promise<CachedActor | null>,
): Actor | Promise<Actor> {
  const cache = actorCaches.get(auth);
  if (!cache) return load().then((found) => found?.actor ?? ANONYMOUS);
  const cacheKey = key();
  const known = cache.peek(cacheKey);
  if (known !== undefined) return known;
  return cache.resolve(cacheKey, load).then((actor) => actor ?? ANONYMOUS);
}

/**
 * Who is calling: an integrator by `Authorization: Bearer <token>`, else the owner of the
 * session cookie, else anonymous. A token that does not verify makes the caller anonymous,
 * which every non-public procedure refuses with 401. Await it: a caller the cache knows comes
 * back at once, anyone else as a promise.
 */
export function resolveActor(
  auth: Auth,
  prisma: PrismaClient,
  headers: Headers,
): Actor | Promise<Actor> {
  const authorization = headers.get('authorization');
  if (authorization?.toLowerCase().startsWith('bearer ')) {
    const key = authorization.slice(7).trim();
    return remembered(
      auth,
      () => cacheKey('token', key),
      () => tokenActor(auth, prisma, key),
    );
  }
  // Without a session cookie Better Auth can only answer "no session", and asking costs a whole
  // endpoint call (its request context, hooks, async context tracking) on every anonymous
  // request. A cookie that is present is checked against the database (or was, moments ago:
  // only a cookie Better Auth accepted is ever in the cache).
  const cookie = headers.get('cookie');
  const token = cookie ? cookieValue(cookie, SESSION_COOKIE) : undefined;
  if (!token) return ANONYMOUS;
  return remembered(
    auth,
    () => cacheKey('session', token),
    () => sessionActor(auth, prisma, headers),
  );
}

/** The owner of the request's session, asked of Better Auth; null without a usable session. */
async function sessionActor(
  auth: Auth,
  prisma: PrismaClient,
  headers: Headers,
): Promise<CachedActor | null> {
  const session = await auth.api.getSession({ headers });
  if (!session || session.user.disabledAt) return null;
  const sessionExpiresAt = session.session.expiresAt;
  if (session.user.kind === 'OFFICER') {
    // An officer acts with their roles only after enrolling the second factor; until then the
    // session is good for enrolment alone.
    const grants = session.user.twoFactorEnabled
      ? await officerGrants(prisma, session.user.id)
      : [];
    return { actor: { type: 'OFFICER', id: session.user.id, grants }, sessionExpiresAt };
  }
  return { actor: { type: 'MEMBER', id: session.user.id, grants: [] }, sessionExpiresAt };
}

/** Issues an API token for an integrator: returned once, stored hashed. */
export async function createApiToken(
  auth: Auth,
  input: {
    ownerUserId: string;
    name: string;
    orgUnitId: string;
    scopes: readonly TTokenScope[];
    /** Days until it stops working; omitted or null: until revoked. */
    expiresInDays?: number | null;
  },
): Promise<{ id: string; key: string }> {
  const created = await auth.api.createApiKey({
    body: {
      userId: input.ownerUserId,
      name: input.name,
      metadata: { orgUnitId: input.orgUnitId },
      permissions: { [TOKEN_SCOPE_NAMESPACE]: [...input.scopes] },
      ...(input.expiresInDays ? { expiresIn: input.expiresInDays * 24 * 60 * 60 } : {}),
    },
  });
  return { id: created.id, key: created.key };
}

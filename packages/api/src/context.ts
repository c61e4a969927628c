import type { Database } from '@unionhall/db';
import type { TAccessGrant, TLocale } from '@unionhall/domain';
import type { Auth } from './auth/auth';
import type { CardSigner } from './crypto/card-signer';
import type { FieldCipher } from './crypto/field-cipher';
import type { JobRunner } from './jobs/runner';
import type { BlobStorage } from './storage/storage';

/** The slice of pino the API uses; tests can pass any object with these methods. */
export interface ApiLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Long-lived dependencies, built once by the composition root (apps/server). */
export type ApiDeps = {
  db: Database;
  logger: ApiLogger;
  /** Better Auth: accounts, sessions and API keys live behind it. */
  auth: Auth;
  /** Encrypts sensitive fields; its keys live outside the database. */
  cipher: FieldCipher;
  /** Signs member cards; its private key lives outside the database too. */
  cardSigner: CardSigner;
  /** Background work: lists and retries failed jobs for the console. */
  jobs: JobRunner;
  /** The server's VAPID public key (web push); unset where push is not set up (some tests). */
  vapidPublicKey?: string;
  /** Uploaded files (announcement images and attachments, later case files). */
  storage: BlobStorage;
};

/** Who is making the request, resolved from the session cookie or an API token. */
export type Actor = {
  type: 'ANONYMOUS' | 'MEMBER' | 'OFFICER' | 'INTEGRATOR' | 'SYSTEM';
  /** The user (officer, member) or the API key (integrator). */
  id: string | null;
  /** Where the actor may do what: officers' role grants, an integrator token's scopes. */
  grants: readonly TAccessGrant[];
};
export const ANONYMOUS: Actor = { type: 'ANONYMOUS', id: null, grants: [] };

/** Everything a procedure may use for one request. Built directly in tests. */
export type Context = ApiDeps & {
  requestId: string;
  locale: TLocale;
  actor: Actor;
  /**
   * The caller's address as the server sees it (the socket's, or a trusted proxy's header),
   * for limits per address; unset for in-process callers (tests, background jobs).
   */
  clientIp: string | undefined;
};

/**
 * One request's context. Written out field by field, not spread: on Node 20's V8,
 * `{ ...deps, actor, ...request }` gives every object it makes a hidden class of its own. That
 * cost 3-4 µs per request to build (bench P2), and made every later read of `ctx.db` or
 * `ctx.actor` a lookup that cannot be cached (context.test.ts keeps the shape shared).
 */
export function createContext(
  deps: ApiDeps,
  request: { requestId: string; locale: TLocale; actor?: Actor; clientIp?: string | undefined },
): Context {
  return {
    db: deps.db,
    logger: deps.logger,
    auth: deps.auth,
    cipher: deps.cipher,
    cardSigner: deps.cardSigner,
    jobs: deps.jobs,
    vapidPublicKey: deps.vapidPublicKey,
    storage: deps.storage,
    requestId: request.requestId,
    locale: request.locale,
    actor: request.actor ?? ANONYMOUS,
    clientIp: request.clientIp,
  };
}

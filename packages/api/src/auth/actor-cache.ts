import type { Actor } from '../context';

/** A caller as resolved from their session (or API token), and until when that holds. */
export interface CachedActor {
  actor: Actor;
  sessionExpiresAt: Date;
}

/**
 * Who holds a session cookie (or an API token), remembered for a few seconds. Resolving a
 * console session costs a Better Auth endpoint call (cookie signature, session and user rows)
 * and the officer's role grants: three queries before the procedure's own, on every request,
 * which made most of the server's work for a member search (bench P4); a token costs its
 * verification and its unit. The console sends requests in bursts (a page asks several queries
 * at once), so a few seconds keep most of them from asking again.
 *
 * What can change who a session is (sign-out, a revoked session, a changed password or second
 * factor, a disabled account, a role granted or revoked, a unit moved) empties the cache in
 * this process: every /api/auth call that is not a read, every tRPC mutation, and
 * disableUser. A change made elsewhere (another replica, a script) shows within `ttlMs`.
 */
export interface ActorCache {
  /**
   * The caller holding the cookie or token `key` stands for, from the cache or else from
   * `load` (which verifies it and reads the session). Only a session found is remembered;
   * concurrent requests with the same key share one load.
   */
  resolve(key: string, load: () => Promise<CachedActor | null>): Promise<Actor | null>;
  /**
   * The caller `key` stands for when it is remembered, loaded and still good; else undefined
   * (then `resolve`). Synchronous: most API requests come from a session seen moments ago, and
   * need not wait a turn of the event loop to learn whose it is.
   */
  peek(key: string): Actor | undefined;
  /** Forgets everyone, also what loads still under way would remember. */
  clear(): void;
}

interface Entry {
  value: Promise<CachedActor | null>;
  /** The caller, once loaded and kept. */
  settled?: CachedActor;
  /** When the entry stops being used (ms since the epoch). */
  until: number;
}

export function createActorCache(options: {
  ttlMs: number;
  /** Bounds memory: the oldest entry goes first. */
  maxEntries?: number;
  now?: () => number;
}): ActorCache {
  const { ttlMs, maxEntries = 10_000, now = Date.now } = options;
  const entries = new Map<string, Entry>();
  let generation = 0;

  return {
    async resolve(key, load) {
      const at = now();
      const cached = entries.get(key);
      if (cached && cached.until > at) {
        const found = await cached.value;
        // A session that ended meanwhile is not used, and asked again next time.
        if (found && found.sessionExpiresAt.getTime() > now()) return found.actor;
        if (entries.get(key) === cached) entries.delete(key);
        return null;
      }
      return resolveAfresh();

      async function resolveAfresh(): Promise<Actor | null> {
        const started = generation;
        const value = load();
        const entry: Entry = { value, until: at + ttlMs };
        entries.delete(key);
        entries.set(key, entry);
        if (entries.size > maxEntries) {
          const oldest = entries.keys().next();
          if (!oldest.done) entries.delete(oldest.value);
        }
        let found: CachedActor | null;
        try {
          found = await value;
        } catch (error) {
          if (entries.get(key) === entry) entries.delete(key);
          throw error;
        }
        // Nothing found is not remembered (a forged cookie must not fill the cache), nor what
        // was read before a change that cleared the cache.
        if (!found || generation !== started) {
          if (entries.get(key) === entry) entries.delete(key);
        } else {
          entry.until = Math.min(at + ttlMs, found.sessionExpiresAt.getTime());
          entry.settled = found;
        }
        return found?.actor ?? null;
      }
    },
    peek(key) {
      const entry = entries.get(key);
      if (!entry?.settled) return undefined;
      const at = now();
      if (entry.until <= at || entry.settled.sessionExpiresAt.getTime() <= at) return undefined;
      return entry.settled.actor;
    },
    clear() {
      generation += 1;
      entries.clear();
    },
  };
}

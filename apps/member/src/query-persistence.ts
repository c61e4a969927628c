import {
  dehydrate,
  hydrate,
  type DehydratedState,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';
import superjson from 'superjson';

/**
 * Keeps successful queries in localStorage so the app shows the last loaded data offline.
 * The tRPC calls are POSTs, which the service worker cannot cache; this is the cache
 * instead. superjson keeps dates as dates across the round trip.
 */
export const STORAGE_KEY = 'unionhall.member.queries';
/** Bump when the shape of cached data changes, so older copies are dropped, not misread. */
export const BUSTER = '1';
/** Older copies are thrown away rather than shown as if current. */
export const PERSIST_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** The part of the Web Storage API the cache uses; tests pass an in-memory one. */
export type QueryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Where the page-hide event comes from; tests pass a plain EventTarget. */
export type PageEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/**
 * The browser's localStorage, or nothing when it is unavailable: merely reading the global
 * throws in some browsers when site data is blocked, and the app must still start.
 */
function browserStorage(): QueryStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The outer shape dehydrate() writes; hydrate() checks each query it restores itself. */
function isDehydratedState(value: unknown): value is DehydratedState {
  return isRecord(value) && Array.isArray(value.queries) && Array.isArray(value.mutations);
}

function forget(storage: QueryStorage): void {
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Storage that cannot be written to cannot hold a stale copy either.
  }
}

export interface RestoreOptions {
  storage?: QueryStorage | undefined;
  now?: number;
}

/** Puts the saved queries back into the client; call before the first render. */
export function restoreQueries(
  client: QueryClient,
  { storage = browserStorage(), now = Date.now() }: RestoreOptions = {},
): void {
  if (!storage) return;
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return;
    const saved: unknown = superjson.parse(raw);
    if (
      isRecord(saved) &&
      saved.buster === BUSTER &&
      typeof saved.savedAt === 'number' &&
      now - saved.savedAt < PERSIST_MAX_AGE_MS &&
      isDehydratedState(saved.state)
    ) {
      hydrate(client, saved.state);
    } else {
      forget(storage);
    }
  } catch {
    // A corrupt copy is only a cache: drop it and load afresh.
    forget(storage);
  }
}

export interface PersistOptions {
  storage?: QueryStorage | undefined;
  delayMs?: number;
  pageEvents?: PageEvents;
}

function procedurePath(query: Pick<Query, 'queryKey'>): readonly unknown[] {
  const [path] = query.queryKey;
  return Array.isArray(path) ? path : [];
}

function isSessionQuery(query: Pick<Query, 'queryKey'>): boolean {
  const path = procedurePath(query);
  return path[0] === 'public' && path[1] === 'session';
}

/** The signed-in member's own records: the `member.*` procedures (membership and history). */
export function isPersonal(query: Pick<Query, 'queryKey'>): boolean {
  return procedurePath(query)[0] === 'member';
}

/**
 * Who is signed in is never written to the device: after sign-out (or on a shared phone) an
 * old identity must not come back from storage. The member's own records (`member.*`) are
 * written, so a member can read their membership offline, under the same rule: they are
 * forgotten with everything else at sign-out (forgetPersistedQueries), and as soon as the
 * server answers that nobody is signed in (persistQueries drops them then), so they never
 * outlive the session they were loaded in. The member card (`member.membership.card`) is one
 * of them on purpose: it exists to be shown where the network is poor (a factory floor, a
 * basement hall), holds only what the card face shows and a signed code that expires on its
 * own. Everything else the app shows is public.
 */
export function isShareable(query: Query): boolean {
  return query.state.status === 'success' && !isSessionQuery(query);
}

/**
 * The service worker's copies of announcement images and files (vite.config.ts): the member's
 * own like the `member.*` queries, so they go at sign-out too.
 */
export const FILE_CACHE = 'announcement-files';

export async function forgetCachedFiles(
  cacheStorage: Pick<CacheStorage, 'delete'> | undefined = globalThis.caches,
): Promise<void> {
  try {
    await cacheStorage?.delete(FILE_CACHE);
  } catch {
    // No Cache Storage (an insecure origin, a blocked site): nothing was kept.
  }
}

/** Forgets every saved query, e.g. at sign-out. */
export function forgetPersistedQueries(storage: QueryStorage | undefined = browserStorage()): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing saved, or storage unavailable: nothing to forget.
  }
}

/** Saves the successful queries shortly after each one succeeds. Returns the unsubscribe. */
export function persistQueries(
  client: QueryClient,
  { storage = browserStorage(), delayMs = 500, pageEvents = window }: PersistOptions = {},
): () => void {
  if (!storage) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    try {
      const copy = {
        buster: BUSTER,
        savedAt: Date.now(),
        state: dehydrate(client, { shouldDehydrateQuery: isShareable }),
      };
      storage.setItem(STORAGE_KEY, superjson.stringify(copy));
    } catch {
      // Storage full or unavailable (private mode): the app still works online.
    }
  };
  // A member may close the app or reload within the delay: save what is pending first.
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    save();
  };
  pageEvents.addEventListener('pagehide', flush);
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type === 'removed') {
      // A removed query must leave the saved copy too (the personal ones below, above all).
      timer ??= setTimeout(save, delayMs);
      return;
    }
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    if (isSessionQuery(event.query) && event.query.state.data === null) {
      // Signed out elsewhere, or the session expired: the member's records go with it.
      client.removeQueries({ predicate: isPersonal });
      void forgetCachedFiles();
    }
    timer ??= setTimeout(save, delayMs);
  });
  return () => {
    pageEvents.removeEventListener('pagehide', flush);
    unsubscribe();
  };
}

import { dehydrate, hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import superjson from 'superjson';

/**
 * Keeps successful queries in localStorage so the app shows the last loaded data offline.
 * The tRPC calls are POSTs, which the service worker cannot cache; this is the cache
 * instead. superjson keeps dates as dates across the round trip.
 */
const STORAGE_KEY = 'unionhall.member.queries';
/** Bump when the shape of cached data changes, so older copies are dropped, not misread. */
const BUSTER = '1';
/** Older copies are thrown away rather than shown as if current. */
const PERSIST_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The outer shape dehydrate() writes; hydrate() checks each query it restores itself. */
function isDehydratedState(value: unknown): value is DehydratedState {
  return isRecord(value) && Array.isArray(value.queries) && Array.isArray(value.mutations);
}

/** Puts the saved queries back into the client; call before the first render. */
export function restoreQueries(client: QueryClient, now = Date.now()): void {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
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
      localStorage.removeItem(STORAGE_KEY);
    }
  } catch {
    // A corrupt copy is only a cache: drop it and load afresh.
    localStorage.removeItem(STORAGE_KEY);
  }
}

/** Saves the successful queries shortly after each one succeeds. Returns the unsubscribe. */
export function persistQueries(client: QueryClient, delayMs = 500): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    try {
      const copy = { buster: BUSTER, savedAt: Date.now(), state: dehydrate(client) };
      localStorage.setItem(STORAGE_KEY, superjson.stringify(copy));
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
  window.addEventListener('pagehide', flush);
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    timer ??= setTimeout(save, delayMs);
  });
  return () => {
    window.removeEventListener('pagehide', flush);
    unsubscribe();
  };
}

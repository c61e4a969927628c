import { QueryClient } from '@tanstack/react-query';
import superjson from 'superjson';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BUSTER,
  PERSIST_MAX_AGE_MS,
  STORAGE_KEY,
  persistQueries,
  restoreQueries,
  type QueryStorage,
  isPersonal,
  isShareable,
} from './query-persistence';

/** An in-memory Storage, so the tests run in node without a DOM. */
class MemoryStorage implements QueryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const KEY = ['public', 'orgTree'];
const createdAt = new Date('2024-03-01T08:30:00.000Z');
const tree = [{ id: 'root', name: '滨江市总工会', createdAt }];

function newClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { gcTime: Infinity, retry: false } } });
}

describe('persistQueries then restoreQueries', () => {
  let storage: MemoryStorage;
  let pageEvents: EventTarget;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2024-06-01T00:00:00.000Z') });
    storage = new MemoryStorage();
    pageEvents = new EventTarget();
  });

  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('saves a successful query after the delay and restores it, dates included', () => {
    const source = newClient();
    stop = persistQueries(source, { storage, pageEvents, delayMs: 500 });
    source.setQueryData(KEY, tree);

    vi.advanceTimersByTime(499);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    vi.advanceTimersByTime(1);
    expect(storage.getItem(STORAGE_KEY)).not.toBeNull();

    const target = newClient();
    restoreQueries(target, { storage, now: Date.now() });
    const restored = target.getQueryData<typeof tree>(KEY);
    expect(restored).toEqual(tree);
    expect(restored?.[0]?.createdAt).toBeInstanceOf(Date);
    expect(restored?.[0]?.createdAt.getTime()).toBe(createdAt.getTime());
  });

  it('records the buster and the time of saving', () => {
    const source = newClient();
    stop = persistQueries(source, { storage, pageEvents, delayMs: 10 });
    source.setQueryData(KEY, tree);
    vi.advanceTimersByTime(10);

    const saved = superjson.parse<Record<string, unknown>>(storage.getItem(STORAGE_KEY) ?? '');
    expect(saved.buster).toBe(BUSTER);
    expect(saved.savedAt).toBe(Date.now());
  });

  it('saves a pending change at once when the page is hidden', () => {
    const source = newClient();
    stop = persistQueries(source, { storage, pageEvents, delayMs: 60_000 });
    source.setQueryData(KEY, tree);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();

    pageEvents.dispatchEvent(new Event('pagehide'));
    expect(storage.getItem(STORAGE_KEY)).not.toBeNull();
  });

  it('writes once for several successes within the delay', () => {
    const setItem = vi.spyOn(storage, 'setItem');
    const source = newClient();
    stop = persistQueries(source, { storage, pageEvents, delayMs: 100 });
    source.setQueryData(KEY, tree);
    source.setQueryData(['public', 'other'], 1);
    vi.advanceTimersByTime(100);
    expect(setItem).toHaveBeenCalledTimes(1);
    const restored = newClient();
    restoreQueries(restored, { storage });
    expect(restored.getQueryData(['public', 'other'])).toBe(1);
  });

  it('stops listening when unsubscribed', () => {
    const source = newClient();
    stop = persistQueries(source, { storage, pageEvents, delayMs: 10 });
    stop();
    source.setQueryData(KEY, tree);
    pageEvents.dispatchEvent(new Event('pagehide'));
    vi.advanceTimersByTime(10);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('keeps the app running when storage refuses the write', () => {
    const full: QueryStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    const source = newClient();
    stop = persistQueries(source, { storage: full, pageEvents, delayMs: 10 });
    source.setQueryData(KEY, tree);
    expect(() => vi.advanceTimersByTime(10)).not.toThrow();
  });
});

describe('restoreQueries', () => {
  const now = Date.parse('2024-06-01T00:00:00.000Z');

  /** A genuine saved copy made by persistQueries, with the outer fields then overridden. */
  function savedCopy(overrides: Record<string, unknown> = {}): MemoryStorage {
    vi.useFakeTimers({ now });
    try {
      const storage = new MemoryStorage();
      const source = newClient();
      const stop = persistQueries(source, { storage, pageEvents: new EventTarget(), delayMs: 0 });
      source.setQueryData(KEY, tree);
      vi.runAllTimers();
      stop();
      const saved = superjson.parse<Record<string, unknown>>(storage.getItem(STORAGE_KEY) ?? '');
      storage.setItem(STORAGE_KEY, superjson.stringify({ ...saved, ...overrides }));
      return storage;
    } finally {
      vi.useRealTimers();
    }
  }

  it('restores a copy that is just under the maximum age', () => {
    const storage = savedCopy();
    const client = newClient();
    restoreQueries(client, { storage, now: now + PERSIST_MAX_AGE_MS - 1 });
    expect(client.getQueryData(KEY)).toEqual(tree);
    expect(storage.getItem(STORAGE_KEY)).not.toBeNull();
  });

  it('drops a copy that has reached the maximum age', () => {
    const storage = savedCopy();
    const client = newClient();
    restoreQueries(client, { storage, now: now + PERSIST_MAX_AGE_MS });
    expect(client.getQueryData(KEY)).toBeUndefined();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('drops a copy written with another buster', () => {
    const storage = savedCopy({ buster: `${BUSTER}-old` });
    const client = newClient();
    restoreQueries(client, { storage, now });
    expect(client.getQueryData(KEY)).toBeUndefined();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('drops a copy without a saving time', () => {
    const storage = savedCopy({ savedAt: undefined });
    const client = newClient();
    restoreQueries(client, { storage, now });
    expect(client.getQueryData(KEY)).toBeUndefined();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('drops a copy whose state is not a dehydrated cache', () => {
    const storage = savedCopy({ state: { queries: 'nope' } });
    restoreQueries(newClient(), { storage, now });
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('drops text that is not superjson at all', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"json": [unterminated');
    const client = newClient();
    expect(() => restoreQueries(client, { storage, now })).not.toThrow();
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('leaves other keys alone and does nothing when there is no copy', () => {
    const storage = new MemoryStorage();
    storage.setItem('unionhall.language', 'en');
    const client = newClient();
    restoreQueries(client, { storage, now });
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    expect(storage.getItem('unionhall.language')).toBe('en');
  });

  it('does not throw when storage itself is unreadable', () => {
    const broken: QueryStorage = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {},
      removeItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    expect(() => restoreQueries(newClient(), { storage: broken, now })).not.toThrow();
  });
});

describe('what is never saved', () => {
  it('keeps the signed-in identity out of storage while saving public data', () => {
    const client = new QueryClient();
    client.setQueryData([['public', 'org', 'tree'], { type: 'query' }], [{ id: 'u1' }]);
    client.setQueryData([['public', 'session', 'me'], { type: 'query' }], { name: '张伟' });
    const queries = client.getQueryCache().getAll();
    expect(queries.filter(isShareable).map((query) => query.queryKey[0])).toEqual([
      ['public', 'org', 'tree'],
    ]);
  });

  it('keeps the member card for offline use, like the member’s other records, never the session', () => {
    const client = new QueryClient();
    client.setQueryData([['member', 'membership', 'card'], { type: 'query' }], { name: '张伟' });
    client.setQueryData([['public', 'session', 'me'], { type: 'query' }], { name: '张伟' });
    const queries = client.getQueryCache().getAll();
    expect(queries.filter(isShareable).map((query) => query.queryKey[0])).toEqual([
      ['member', 'membership', 'card'],
    ]);
    expect(queries.filter(isPersonal).map((query) => query.queryKey[0])).toEqual([
      ['member', 'membership', 'card'],
    ]);
  });
});

describe('the member’s own records', () => {
  const MEMBERSHIP = [['member', 'membership', 'me'], { type: 'query' }];
  const SESSION = [['public', 'session', 'me'], { type: 'query' }];
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2024-06-01T00:00:00.000Z') });
  });

  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('are saved for offline reading while the session lasts', () => {
    const storage = new MemoryStorage();
    const source = newClient();
    stop = persistQueries(source, { storage, pageEvents: new EventTarget(), delayMs: 10 });
    source.setQueryData(SESSION, { name: '李娜' });
    source.setQueryData(MEMBERSHIP, { status: 'APPLICANT', name: '李娜' });
    vi.advanceTimersByTime(10);

    const restored = newClient();
    restoreQueries(restored, { storage, now: Date.now() });
    expect(restored.getQueryData(MEMBERSHIP)).toEqual({ status: 'APPLICANT', name: '李娜' });
    expect(restored.getQueryData(SESSION)).toBeUndefined();
  });

  it('are forgotten, in memory and on the device, once the server says nobody is signed in', () => {
    const storage = new MemoryStorage();
    const source = newClient();
    stop = persistQueries(source, { storage, pageEvents: new EventTarget(), delayMs: 10 });
    source.setQueryData(MEMBERSHIP, { status: 'APPLICANT', name: '李娜' });
    vi.advanceTimersByTime(10);
    expect(storage.getItem(STORAGE_KEY)).toContain('李娜');

    source.setQueryData(SESSION, null);
    expect(source.getQueryData(MEMBERSHIP)).toBeUndefined();
    vi.advanceTimersByTime(10);
    expect(storage.getItem(STORAGE_KEY)).not.toContain('李娜');
    expect(isPersonal({ queryKey: MEMBERSHIP })).toBe(true);
  });
});

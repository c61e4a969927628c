import { describe, expect, it } from 'vitest';
import type { Actor } from '../context';
import { createActorCache, type CachedActor } from './actor-cache';

const officer = (id: string): Actor => ({ type: 'OFFICER', id, grants: [] });

/** A clock the test moves, and a session that lasts an hour from its start. */
function setup(ttlMs = 1000) {
  const clock = { now: 1_000_000 };
  const cache = createActorCache({ ttlMs, now: () => clock.now, maxEntries: 3 });
  const session = (id: string, lastsMs = 3_600_000): CachedActor => ({
    actor: officer(id),
    sessionExpiresAt: new Date(clock.now + lastsMs),
  });
  let loads = 0;
  const loader = (value: CachedActor | null) => () => {
    loads += 1;
    return Promise.resolve(value);
  };
  return { clock, cache, session, loader, loads: () => loads };
}

describe('createActorCache', () => {
  it('peeks a caller only once loaded, kept and still good', async () => {
    const { clock, cache, session, loader } = setup();
    expect(cache.peek('cookie-a')).toBeUndefined();
    let release: (value: CachedActor) => void = () => {};
    const loading = cache.resolve('cookie-a', () => new Promise((resolve) => (release = resolve)));
    // Still loading: not known yet.
    expect(cache.peek('cookie-a')).toBeUndefined();
    release(session('a', 1500));
    await loading;
    expect(cache.peek('cookie-a')).toEqual(officer('a'));
    clock.now += 1000;
    // The cache's time is over.
    expect(cache.peek('cookie-a')).toBeUndefined();
    // The session's end comes first: 1,500 ms after it was read.
    await cache.resolve('cookie-a', loader(session('b', 200)));
    expect(cache.peek('cookie-a')).toEqual(officer('b'));
    clock.now += 200;
    expect(cache.peek('cookie-a')).toBeUndefined();
    // Nothing found is never peeked; clear() forgets.
    await cache.resolve('cookie-x', loader(null));
    expect(cache.peek('cookie-x')).toBeUndefined();
    await cache.resolve('cookie-c', loader(session('c')));
    cache.clear();
    expect(cache.peek('cookie-c')).toBeUndefined();
  });

  it('answers from memory until ttlMs has passed, then asks again', async () => {
    const { clock, cache, session, loader, loads } = setup();
    const first = session('a');
    expect(await cache.resolve('cookie-a', loader(first))).toEqual(officer('a'));
    clock.now += 999;
    expect(await cache.resolve('cookie-a', loader(session('changed')))).toEqual(officer('a'));
    expect(loads()).toBe(1);
    clock.now += 1;
    expect(await cache.resolve('cookie-a', loader(session('changed')))).toEqual(officer('changed'));
    expect(loads()).toBe(2);
  });

  it('asks again at once after clear()', async () => {
    const { cache, session, loader, loads } = setup();
    await cache.resolve('cookie-a', loader(session('a')));
    cache.clear();
    expect(await cache.resolve('cookie-a', loader(null))).toBeNull();
    expect(loads()).toBe(2);
  });

  it('does not keep what a load read before clear() was called', async () => {
    const { cache, session, loader, loads } = setup();
    let finish: (value: CachedActor) => void = () => {};
    const slow = cache.resolve(
      'cookie-a',
      () => new Promise<CachedActor>((resolve) => (finish = resolve)),
    );
    cache.clear();
    finish(session('before the change'));
    expect(await slow).toEqual(officer('before the change'));
    expect(await cache.resolve('cookie-a', loader(session('after')))).toEqual(officer('after'));
    expect(loads()).toBe(1);
  });

  it('never remembers a cookie without a session', async () => {
    const { cache, session, loader, loads } = setup();
    expect(await cache.resolve('forged', loader(null))).toBeNull();
    expect(await cache.resolve('forged', loader(session('x')))).toEqual(officer('x'));
    expect(loads()).toBe(2);
  });

  it('stops at the end of the session, whatever ttlMs says', async () => {
    const { clock, cache, session, loader } = setup(60_000);
    await cache.resolve('cookie-a', loader(session('a', 500)));
    clock.now += 500;
    expect(await cache.resolve('cookie-a', loader(null))).toBeNull();
  });

  it('shares one load between requests that arrive together', async () => {
    const { cache, session, loader, loads } = setup();
    const answers = await Promise.all(
      [1, 2, 3].map(() => cache.resolve('cookie-a', loader(session('a')))),
    );
    expect(answers).toEqual([officer('a'), officer('a'), officer('a')]);
    expect(loads()).toBe(1);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const { cache, session, loader, loads } = setup();
    for (const id of ['a', 'b', 'c', 'd']) await cache.resolve(id, loader(session(id)));
    expect(loads()).toBe(4);
    await cache.resolve('d', loader(session('d')));
    expect(loads()).toBe(4);
    await cache.resolve('a', loader(session('a')));
    expect(loads()).toBe(5);
  });

  it('forgets a load that failed', async () => {
    const { cache, session, loader } = setup();
    await expect(
      cache.resolve('cookie-a', () => Promise.reject(new Error('db down'))),
    ).rejects.toThrow('db down');
    expect(await cache.resolve('cookie-a', loader(session('a')))).toEqual(officer('a'));
  });
});

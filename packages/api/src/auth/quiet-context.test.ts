import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate as tick } from 'node:timers/promises';
import { getRequestStateAsyncLocalStorage } from '@better-auth/core/context';
import { describe, expect, it } from 'vitest';
import { quietWhenIdle } from './quiet-context';

/** Node's own flag (undocumented but stable since v13): whether the storage is turned on. */
const isOn = (storage: AsyncLocalStorage<unknown>) => Reflect.get(storage, 'enabled') === true;

/** Settles the counting and the disabling that follows the last call. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await tick();
};

async function fakeAuth() {
  const storage = (await getRequestStateAsyncLocalStorage()) as AsyncLocalStorage<unknown>;
  const own = new AsyncLocalStorage<unknown>();
  /** A Better Auth call: runs in its storages, waits `waits` turns, returns what it reads. */
  const call = (value: string, waits: number) =>
    storage.run(value, () =>
      own.run(value, async () => {
        for (let i = 0; i < waits; i += 1) await tick();
        return [storage.getStore(), own.getStore()];
      }),
    );
  const adapter = { find: (value: string) => call(value, 2) };
  const auth = quietWhenIdle(
    {
      handler: (value: string) => call(value, 1),
      api: {
        slow: (value: string) => call(value, 20),
        fast: (value: string) => call(value, 1),
        broken: () => {
          throw new Error('refused');
        },
        failing: () => storage.run('x', () => Promise.reject(new Error('failed'))),
      },
      $context: Promise.resolve({ internalAdapter: adapter, secret: 's' }),
    },
    [own],
  );
  return { auth, storage, own };
}

describe('quietWhenIdle', () => {
  it('turns Better Auth’s storages and ours off once the last call has settled', async () => {
    const { auth, storage, own } = await fakeAuth();
    expect(await auth.api.fast('a')).toEqual(['a', 'a']);
    await settle();
    expect(isOn(storage)).toBe(false);
    expect(isOn(own)).toBe(false);
    // The next call turns them on again and reads its own context.
    expect(await auth.handler('b')).toEqual(['b', 'b']);
    await settle();
    expect(isOn(storage)).toBe(false);
  });

  it('never turns them off under a call still in flight, which keeps its context', async () => {
    const { auth, storage } = await fakeAuth();
    const slow = auth.api.slow('slow');
    expect(await auth.api.fast('fast')).toEqual(['fast', 'fast']);
    await settle();
    expect(isOn(storage)).toBe(true);
    expect(await slow).toEqual(['slow', 'slow']);
    await settle();
    expect(isOn(storage)).toBe(false);
  });

  it('counts calls that throw or reject, and the internal adapter of $context', async () => {
    const { auth, storage } = await fakeAuth();
    expect(() => auth.api.broken()).toThrow('refused');
    await expect(auth.api.failing()).rejects.toThrow('failed');
    const ctx = await auth.$context;
    expect(ctx.secret).toBe('s');
    expect(await ctx.internalAdapter.find('c')).toEqual(['c', 'c']);
    await settle();
    expect(isOn(storage)).toBe(false);
  });
});

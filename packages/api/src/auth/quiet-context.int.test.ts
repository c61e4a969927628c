import type { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate as tick } from 'node:timers/promises';
import {
  getCurrentAuthContextAsyncLocalStorage,
  getCurrentDBAdapterAsyncLocalStorage,
  getRequestStateAsyncLocalStorage,
} from '@better-auth/core/context';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAuthFor } from '../testing/harness';
import { createMember, createOfficer } from './identities';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

const storagesOn = async () => {
  const storages = (await Promise.all([
    getRequestStateAsyncLocalStorage(),
    getCurrentAuthContextAsyncLocalStorage(),
    getCurrentDBAdapterAsyncLocalStorage(),
  ])) as AsyncLocalStorage<unknown>[];
  return storages.map((storage) => Reflect.get(storage, 'enabled') === true);
};
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await tick();
};

describe.each(testDatabaseTargets())('Better Auth between its calls on %s', (target) => {
  let db: TestDb;

  beforeAll(async () => {
    db = await createTestDatabase(target);
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('works as before, concurrent calls included, and leaves no async context on after', async () => {
    const { auth } = testAuthFor(db);
    await createOfficer(auth, {
      email: 'quiet@example.org',
      name: '安静',
      password: 'a long enough password',
    });
    // Sign-ins (each a transaction joined by our hooks through tx.ts) and session reads at once.
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () =>
        auth.api.signInEmail({
          body: { email: 'quiet@example.org', password: 'a long enough password' },
        }),
      ),
      auth.api.getSession({ headers: new Headers() }),
      createMember(auth, { email: 'quiet-member@example.org', name: '静' }),
    ]);
    expect(results.slice(0, 4).every((result) => result !== null && 'token' in result)).toBe(true);
    expect(results[4]).toBeNull();
    await settle();
    expect(await storagesOn()).toEqual([false, false, false]);
    expect(await db.prisma.authSession.count()).toBe(4);
  });
});

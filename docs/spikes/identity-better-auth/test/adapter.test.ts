// 2. Better Auth's prismaAdapter on the Prisma 7 generated client (ESM, driver adapters), with
// transactions, on PGlite (one connection) and PostgreSQL 15.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, setup } from './helpers';
import type { Target, TestDb } from './helpers';

const targets: Target[] = ['pglite', 'postgres'];

describe.each(targets)('prismaAdapter on %s', (target) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(target);
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('signs up (user + credential account + session in one transaction) with argon2id', async () => {
    const { auth } = setup(db, { allowPasswordSignUp: true });
    const res = await auth.api.signUpEmail({
      body: { name: 'Olga Officer', email: 'olga@example.org', password: 'correct horse battery' },
    });
    expect(res.user.id).toMatch(/^[0-9a-f-]{36}$/); // uuid from the database default
    const account = await db.prisma.authAccount.findFirstOrThrow({ where: { userId: res.user.id } });
    expect(account.providerId).toBe('credential');
    expect(account.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await db.prisma.authSession.count({ where: { userId: res.user.id } })).toBe(1);
  });

  it('rolls the user back when a later write of the sign-up transaction fails', async () => {
    const { auth } = setup(db, { allowPasswordSignUp: true });
    // Make the account insert fail *after* the user insert, inside Better Auth's transaction.
    const failing = setup(db, {
      allowPasswordSignUp: true,
      beforeAccountCreate: async () => {
        throw new Error('boom: account insert');
      },
    }).auth;
    await expect(
      failing.api.signUpEmail({
        body: { name: 'Rolled Back', email: 'rollback@example.org', password: 'correct horse battery' },
      }),
    ).rejects.toThrow();
    expect(await db.prisma.authUser.count({ where: { email: 'rollback@example.org' } })).toBe(0);
    // the instance without the hook still works on the same database
    await auth.api.signUpEmail({
      body: { name: 'After', email: 'after@example.org', password: 'correct horse battery' },
    });
  });

  it.runIf(target === 'pglite')(
    'PITFALL: a hook that queries through the global client inside Better Auth\'s transaction deadlocks PGlite',
    async () => {
      const { auth } = setup(db, {
        allowPasswordSignUp: true,
        // global client, not tracked.db(): waits for the one connection the transaction holds
        beforeAccountCreate: async () => {
          await db.prisma.authUser.count();
        },
      });
      await expect(
        auth.api.signUpEmail({
          body: { name: 'Dead Lock', email: 'deadlock@example.org', password: 'correct horse battery' },
        }),
      ).rejects.toThrow(/expired transaction|timeout/i);
      expect(await db.prisma.authUser.count({ where: { email: 'deadlock@example.org' } })).toBe(0);
    },
  );

  it('handles concurrent sign-ins (PGlite serializes them on its one connection)', async () => {
    const { auth } = setup(db, { allowPasswordSignUp: true });
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        auth.api.signInEmail({
          body: { email: 'olga@example.org', password: 'correct horse battery' },
          headers: new Headers({ 'x-unionhall-client-ip': '198.51.100.7' }),
        }),
      ),
    );
    expect(new Set(results.map((r) => r.token)).size).toBe(6);
  });

  it('wrong password fails with 401 and creates no session', async () => {
    const { auth } = setup(db, { allowPasswordSignUp: true });
    const before = await db.prisma.authSession.count();
    await expect(
      auth.api.signInEmail({ body: { email: 'olga@example.org', password: 'wrong password!!' } }),
    ).rejects.toMatchObject({ statusCode: 401 });
    expect(await db.prisma.authSession.count()).toBe(before);
  });
});

import { forgetActors, type Auth } from '@unionhall/api';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from './app';
import {
  signedInOfficer,
  TEST_ORIGIN,
  testAuth,
  testCardSigner,
  testCipher,
  type CookieJar,
} from './test-support';

// Who holds a session is remembered between requests (packages/api/src/auth/actor-cache.ts).
// A role granted or revoked through the API counts from the officer's next request; here the
// cache is kept for a minute, so an answer from a stale entry could not pass for a fresh one.

describe.each(testDatabaseTargets())('remembered sessions on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let auth: Auth;
  let app: ReturnType<typeof createApp>;
  let admin: CookieJar;
  let mechUnitId: string;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    auth = testAuth(db);
    app = createApp({
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      db,
      auth,
      logger: pino({ level: 'silent' }),
      config: {
        corsOrigins: [],
        bodyLimitBytes: 64 * 1024,
        trpcMaxBatch: 5,
        hsts: false,
        actorCacheMs: 60_000,
      },
    });
    admin = (
      await signedInOfficer(app, auth, db, {
        email: 'cache.admin@example.org',
        role: 'FEDERATION_ADMIN',
        unitCode: 'BJ-FTU',
      })
    ).jar;
    mechUnitId = (await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-MECH' } })).id;
  });
  afterAll(async () => {
    await db.dispose();
  });

  const call = (jar: CookieJar, path: string, input: unknown = {}) =>
    app.request(`${TEST_ORIGIN}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, cookie: jar.header() },
      body: JSON.stringify({ json: input }),
    });
  const listMembers = async (jar: CookieJar) =>
    (await call(jar, 'officer.membership.list', { limit: 5 })).status;
  const grantsOf = (userId: string) =>
    db.prisma.roleGrant.findMany({ where: { userId }, select: { id: true } });

  it('stops a revoked role at the officer’s next request', async () => {
    const clerk = await signedInOfficer(app, auth, db, {
      email: 'cache.revoked@example.org',
      role: 'CASEWORKER',
      unitCode: 'BJ-MECH',
    });
    expect(await listMembers(clerk.jar)).toBe(200);
    const [grant] = await grantsOf(clerk.user.id);
    const revoke = await call(admin, 'officer.access.revoke', { grantId: grant?.id });
    expect(revoke.status).toBe(200);
    expect(await listMembers(clerk.jar)).toBe(403);
  });

  it('lets a granted role work from the officer’s next request', async () => {
    const clerk = await signedInOfficer(app, auth, db, {
      email: 'cache.granted@example.org',
      role: 'CASEWORKER',
      unitCode: 'BJ-MECH',
    });
    const [grant] = await grantsOf(clerk.user.id);
    expect((await call(admin, 'officer.access.revoke', { grantId: grant?.id })).status).toBe(200);
    expect(await listMembers(clerk.jar)).toBe(403);
    const given = await call(admin, 'officer.access.grant', {
      userId: clerk.user.id,
      orgUnitId: mechUnitId,
      role: 'CASEWORKER',
    });
    expect(given.status).toBe(200);
    expect(await listMembers(clerk.jar)).toBe(200);
  });

  it('stops a revoked API token at its next request', async () => {
    const created = await call(admin, 'officer.tokens.create', {
      name: 'cache test',
      orgUnitId: mechUnitId,
      scopes: ['member.read'],
      expiresInDays: null,
    });
    expect(created.status).toBe(200);
    const {
      result: {
        data: { json },
      },
    } = z
      .object({
        result: z.object({
          data: z.object({
            json: z.object({ token: z.object({ id: z.string() }), key: z.string() }),
          }),
        }),
      })
      .parse(await created.json());
    const { key } = json;
    const { id } = json.token;
    const withToken = async () =>
      (
        await app.request(`${TEST_ORIGIN}/trpc/officer.membership.list`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ json: { limit: 5 } }),
        })
      ).status;
    expect(await withToken()).toBe(200);
    expect((await call(admin, 'officer.tokens.revoke', { id })).status).toBe(200);
    expect(await withToken()).toBe(401);
  });

  it('sees a change made around the API once the cache is emptied (or its time is up)', async () => {
    const clerk = await signedInOfficer(app, auth, db, {
      email: 'cache.elsewhere@example.org',
      role: 'CASEWORKER',
      unitCode: 'BJ-MECH',
    });
    expect(await listMembers(clerk.jar)).toBe(200);
    // As another replica or a script would: straight in the database.
    await db.prisma.roleGrant.deleteMany({ where: { userId: clerk.user.id } });
    expect(await listMembers(clerk.jar)).toBe(200);
    forgetActors(auth);
    expect(await listMembers(clerk.jar)).toBe(403);
  });
});

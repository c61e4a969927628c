import { appRouter, disableUser, type ProcedureMeta } from '@unionhall/api';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import {
  postAuth,
  signedInOfficer,
  testAuth,
  TEST_ORIGIN,
  TEST_PASSWORD,
  testCardSigner,
  testCipher,
} from './test-support';

/** Every procedure that needs a caller, read from the router: new ones join automatically. */
const GUARDED = Object.entries(appRouter._def.procedures as Record<string, unknown>)
  .filter(([, procedure]) => {
    const def: unknown =
      typeof procedure === 'function' ? Reflect.get(procedure, '_def') : undefined;
    const meta = (
      typeof def === 'object' && def !== null ? Reflect.get(def, 'meta') : undefined
    ) as ProcedureMeta | undefined;
    return meta?.policy?.audience !== 'public';
  })
  .map(([path]) => path);

describe.each(testDatabaseTargets())('a dead session cookie on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: ReturnType<typeof createApp>;
  let auth: ReturnType<typeof testAuth>;

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
      config: { corsOrigins: [], bodyLimitBytes: 65536, trpcMaxBatch: 10, hsts: false },
    });
  });
  afterAll(async () => {
    await db.dispose();
  });

  /** The HTTP status of each guarded procedure called with this cookie, as `path status`. */
  const sweep = async (cookie: string) => {
    const answers: string[] = [];
    for (const path of GUARDED) {
      const response = await app.request(`${TEST_ORIGIN}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, cookie },
        body: '{}',
      });
      answers.push(`${path} ${response.status}`);
    }
    return answers;
  };
  const everyAnswer = (status: number) => GUARDED.map((path) => `${path} ${status}`);

  /** A federation admin's live cookie, checked to reach every guarded procedure. */
  const liveOfficer = async (email: string) => {
    const officer = await signedInOfficer(app, auth, db, {
      email,
      role: 'FEDERATION_ADMIN',
      unitCode: 'BJ-FTU',
    });
    const cookie = officer.jar.header();
    // Alive, the cookie gets past authentication everywhere (a 403 on member procedures, a
    // validation error or a result elsewhere), so the 401s below come from the dead session.
    expect((await sweep(cookie)).filter((answer) => answer.endsWith(' 401'))).toEqual([]);
    return { ...officer, cookie };
  };

  it('covers the router', () => {
    expect(GUARDED.length).toBeGreaterThan(0);
    expect(GUARDED).toContain('officer.org.list');
  });

  it('gets 401 on every non-public procedure after sign-out', async () => {
    const { jar, cookie } = await liveOfficer('sweep.signout@example.org');
    expect((await postAuth(app, '/sign-out', {}, jar)).status).toBe(200);
    expect(await sweep(cookie)).toEqual(everyAnswer(401));
  });

  it('gets 401 on every non-public procedure after a password change (the cookie from before it)', async () => {
    const { jar, cookie } = await liveOfficer('sweep.password@example.org');
    const change = await postAuth(
      app,
      '/change-password',
      {
        currentPassword: TEST_PASSWORD,
        newPassword: 'another long passphrase',
        revokeOtherSessions: true,
      },
      jar,
    );
    expect(change.status).toBe(200);
    expect(await sweep(cookie)).toEqual(everyAnswer(401));
  });

  it('gets 401 on every non-public procedure after the account is disabled', async () => {
    const { user, cookie } = await liveOfficer('sweep.disabled@example.org');
    await disableUser(auth, user.id);
    expect(await sweep(cookie)).toEqual(everyAnswer(401));
  });
});

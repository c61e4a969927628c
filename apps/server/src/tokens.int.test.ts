import { forgetActors, type Auth } from '@unionhall/api';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from './app';
import { signedInOfficer, testApp, type CookieJar } from './test-support';

const ORIGIN = 'http://localhost';

type TrpcAnswer<T> = { result?: { data: { json: T } }; error?: { json: { data: unknown } } };

describe.each(testDatabaseTargets())('API tokens over HTTP on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: ReturnType<typeof createApp>;
  let officer: CookieJar;
  let auth: Auth;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    const built = testApp(db);
    app = built.app;
    auth = built.auth;
    officer = (
      await signedInOfficer(app, auth, db, {
        email: 'admin@example.org',
        role: 'FEDERATION_ADMIN',
        unitCode: 'BJ-FTU',
      })
    ).jar;
  });
  afterAll(async () => {
    await db.dispose();
  });

  /** One tRPC call as an integrator's script makes it: JSON POST, a Bearer token, no cookie. */
  const call = (path: string, input: unknown, auth: { token?: string; jar?: CookieJar }) =>
    app.request(`${ORIGIN}/trpc/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-unionhall-locale': 'en',
        ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
        ...(auth.jar ? { cookie: auth.jar.header() } : {}),
      },
      body: JSON.stringify({ json: input }),
    });
  async function data<T>(response: Response): Promise<T> {
    const body = (await response.json()) as TrpcAnswer<T>;
    if (!body.result) throw new Error(`call failed: ${JSON.stringify(body)}`);
    return body.result.data.json;
  }
  const unitId = async (code: string) =>
    (await db.prisma.orgUnit.findUniqueOrThrow({ where: { code } })).id;

  async function issue(
    code: string,
    expiresInDays: number | null = null,
    scopes: string[] = ['org.read'],
  ) {
    const response = await call(
      'officer.tokens.create',
      { name: `Sync ${code}`, orgUnitId: await unitId(code), scopes, expiresInDays },
      { jar: officer },
    );
    expect(response.status).toBe(200);
    return data<{ key: string; token: { id: string } }>(response);
  }
  const lastUsed = async (id: string) => {
    const tokens = await data<{ id: string; lastUsedAt: string | null }[]>(
      await call('officer.tokens.list', {}, { jar: officer }),
    );
    return tokens.find((token) => token.id === id)?.lastUsedAt ?? null;
  };

  it('reads only the token’s subtree, refuses what it lacks, and records its last use', async () => {
    const { key, token } = await issue('BJ-EDU');
    expect(await lastUsed(token.id)).toBeNull();

    const listed = await call('officer.org.list', {}, { token: key });
    expect(listed.status).toBe(200);
    const codes = (await data<{ code: string }[]>(listed)).map((unit) => unit.code).sort();
    expect(codes).toEqual(['BJ-EDU', 'BJ-NO1-HS', 'BJ-UNIV']);
    expect(await lastUsed(token.id)).not.toBeNull();

    const create = await call(
      'officer.org.create',
      { parentId: await unitId('BJ-EDU'), kind: 'GRASSROOTS', name: '令牌工会', code: 'BJ-TOK' },
      { token: key },
    );
    expect(create.status).toBe(403);
    expect(await create.json()).toMatchObject({
      error: { json: { data: { appCode: 'FORBIDDEN' } } },
    });
    // Issuing tokens is never a token's business.
    expect((await call('officer.tokens.list', {}, { token: key })).status).toBe(403);
  });

  it('lets a hotline’s token open a case for a member once and read it back', async () => {
    const { key } = await issue('BJ-EDU', null, ['case.read', 'case.handle']);
    const univ = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-UNIV' } });
    const memberId = crypto.randomUUID();
    await db.prisma.member.create({
      data: {
        id: memberId,
        orgUnitId: univ.id,
        orgUnitPath: univ.path,
        name: '热线来电人',
        searchName: '热线来电人',
        searchGrams: [],
        status: 'ACTIVE',
      },
    });
    const request = {
      id: crypto.randomUUID(),
      memberId,
      kind: 'WORKPLACE_PROBLEM',
      topic: 'WAGES_UNPAID',
      title: '热线：拖欠课时费',
      narrative: '来电反映学院三个月未发课时费。',
    };
    const first = await data<{ id: string }>(
      await call('officer.cases.create', request, { token: key }),
    );
    // The hotline's retry after a lost answer opens nothing new.
    const again = await data<{ id: string }>(
      await call('officer.cases.create', request, { token: key }),
    );
    expect(again.id).toBe(first.id);
    expect(await db.prisma.memberCase.count({ where: { memberId } })).toBe(1);
    const read = await data<{ channel: string; stage: { key: string } }>(
      await call('officer.cases.get', { id: first.id }, { token: key }),
    );
    expect(read).toMatchObject({ channel: 'HOTLINE', stage: { key: 'intake' } });

    // A token without the scope is refused.
    const { key: orgOnly } = await issue('BJ-EDU');
    const refused = await call(
      'officer.cases.create',
      { ...request, id: crypto.randomUUID() },
      { token: orgOnly },
    );
    expect(refused.status).toBe(403);
  });

  it('stops working at once when revoked', async () => {
    const { key, token } = await issue('BJ-MECH');
    expect((await call('officer.org.list', {}, { token: key })).status).toBe(200);
    const revoked = await call('officer.tokens.revoke', { id: token.id }, { jar: officer });
    expect(await data<{ status: string }>(revoked)).toMatchObject({ status: 'REVOKED' });
    const refused = await call('officer.org.list', {}, { token: key });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({
      error: { json: { message: 'Please sign in.', data: { appCode: 'UNAUTHENTICATED' } } },
    });
  });

  it('refuses an expired token and a made-up one with 401', async () => {
    const { key, token } = await issue('BJ-EDU', 1);
    expect((await call('officer.org.list', {}, { token: key })).status).toBe(200);
    await db.prisma.authApiKey.update({
      where: { id: token.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    // Moved behind the server's back, the expiry counts once the server forgets the callers
    // it remembers (at most ACTOR_CACHE_MS later); a token that reaches its own expiry time is
    // never used past it.
    forgetActors(auth);
    expect((await call('officer.org.list', {}, { token: key })).status).toBe(401);
    expect((await call('officer.org.list', {}, { token: `uh_${'x'.repeat(64)}` })).status).toBe(
      401,
    );
    expect((await call('officer.org.list', {}, { token: 'garbage' })).status).toBe(401);
  });
});

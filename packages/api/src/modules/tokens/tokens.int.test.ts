import { createHash } from 'node:crypto';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { roleGrant, type TRole } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../../auth/actor';
import { createOfficer } from '../../auth/identities';
import type { Actor } from '../../context';
import { callerFor, testAuthFor } from '../../testing/harness';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseTargets())('API tokens on %s', (target) => {
  let db: TestDb;
  let fedAdmin: Actor;
  let eduAdmin: Actor;

  const unit = (code: string) => db.prisma.orgUnit.findUniqueOrThrow({ where: { code } });

  /** A real officer account (a token's owner must exist) acting with one role on a unit. */
  async function officer(email: string, role: TRole, code: string): Promise<Actor> {
    const user = await createOfficer(testAuthFor(db).auth, {
      email,
      name: email,
      password: 'correct horse battery staple',
    });
    return { type: 'OFFICER', id: user.id, grants: [roleGrant(role, (await unit(code)).path)] };
  }

  const bearer = (key: string) =>
    resolveActor(testAuthFor(db).auth, db.prisma, new Headers({ authorization: `Bearer ${key}` }));
  const rawRow = async (id: string) =>
    JSON.stringify(await db.prisma.authApiKey.findUniqueOrThrow({ where: { id } }));

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    fedAdmin = await officer('fed@example.org', 'FEDERATION_ADMIN', 'BJ-FTU');
    eduAdmin = await officer('edu@example.org', 'UNION_ADMIN', 'BJ-EDU');
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('issues a token once, stores only its hash, and audits the issue', async () => {
    const edu = await unit('BJ-EDU');
    const created = await callerFor(db, { actor: fedAdmin }).officer.tokens.create({
      name: ' Payroll sync ',
      orgUnitId: edu.id,
      scopes: ['org.read', 'org.read'],
      expiresInDays: 30,
    });
    expect(created.key).toMatch(/^uh_[A-Za-z0-9_-]{20,}$/);
    expect(created.token).toMatchObject({
      name: 'Payroll sync',
      orgUnit: { id: edu.id, code: 'BJ-EDU' },
      scopes: ['org.read'],
      start: created.key.slice(0, 6),
      status: 'ACTIVE',
      createdBy: { id: fedAdmin.id, email: 'fed@example.org' },
      lastUsedAt: null,
      revokedAt: null,
    });
    const days = ((created.token.expiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const row = await rawRow(created.token.id);
    expect(row).not.toContain(created.key);
    expect(row).not.toContain(created.key.slice(6));
    const stored = await db.prisma.authApiKey.findUniqueOrThrow({
      where: { id: created.token.id },
    });
    expect(stored.key).toBe(createHash('sha256').update(created.key).digest('base64url'));

    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'token.create', targetId: created.token.id },
    });
    expect(audit).toMatchObject({
      actorType: 'OFFICER',
      actorId: fedAdmin.id,
      orgUnitId: edu.id,
      outcome: 'SUCCESS',
    });
    expect(audit.changes).toMatchObject({
      scopes: { before: null, after: 'org.read' },
      orgUnitId: { before: null, after: edu.id },
    });
    expect(JSON.stringify(audit.changes)).not.toContain(created.key);
  });

  it('lets the key act with its scopes over its unit, and records the last use', async () => {
    const edu = await unit('BJ-EDU');
    const created = await callerFor(db, { actor: eduAdmin }).officer.tokens.create({
      name: 'Reader',
      orgUnitId: edu.id,
      scopes: ['org.read', 'audit.read'],
      expiresInDays: null,
    });
    expect(created.token.expiresAt).toBeNull();
    const actor = await bearer(created.key);
    expect(actor).toEqual({
      type: 'INTEGRATOR',
      id: created.token.id,
      grants: [{ permissions: ['org.read', 'audit.read'], orgUnitPath: edu.path }],
    });
    const listed = await callerFor(db, { actor: eduAdmin }).officer.tokens.list();
    const mine = listed.find((token) => token.id === created.token.id);
    expect(mine?.lastUsedAt).toBeInstanceOf(Date);
    // The list never carries the key or its hash.
    expect(JSON.stringify(listed)).not.toContain(created.key);
    const stored = await db.prisma.authApiKey.findUniqueOrThrow({
      where: { id: created.token.id },
    });
    expect(JSON.stringify(listed)).not.toContain(stored.key);
    expect(Object.keys(mine ?? {})).not.toContain('key');
  });

  it('refuses scopes the issuer does not hold on the unit, and administrative scopes', async () => {
    const edu = await unit('BJ-EDU');
    // Today every role with token.manage holds all token scopes; a grant of token.manage with
    // org.read alone stands for a narrower role.
    const narrow: Actor = {
      type: 'OFFICER',
      id: eduAdmin.id,
      grants: [{ permissions: ['token.manage', 'org.read'], orgUnitPath: edu.path }],
    };
    const before = await db.prisma.authApiKey.count();
    const caller = callerFor(db, { actor: narrow, locale: 'zh-CN' });
    await expect(
      caller.officer.tokens.create({
        name: 'Escalation',
        orgUnitId: edu.id,
        scopes: ['org.read', 'org.manage'],
        expiresInDays: null,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', appCode: 'TOKEN_SCOPE_NOT_HELD' });
    await expect(
      callerFor(db, { actor: fedAdmin }).officer.tokens.create({
        name: 'Administrator',
        orgUnitId: edu.id,
        // @ts-expect-error token.manage is not a token scope.
        scopes: ['token.manage'],
        expiresInDays: null,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.prisma.authApiKey.count()).toBe(before);
    // The narrow officer may still issue what they hold.
    const allowed = await caller.officer.tokens.create({
      name: 'Narrow',
      orgUnitId: edu.id,
      scopes: ['org.read'],
      expiresInDays: 1,
    });
    expect(allowed.token.scopes).toEqual(['org.read']);
  });

  it('keeps tokens of units outside the scope out of reach', async () => {
    const mech = await unit('BJ-MECH');
    const outside = await callerFor(db, { actor: fedAdmin }).officer.tokens.create({
      name: 'Mechanics',
      orgUnitId: mech.id,
      scopes: ['org.read'],
      expiresInDays: null,
    });
    const caller = callerFor(db, { actor: eduAdmin });
    expect((await caller.officer.tokens.list()).map((token) => token.id)).not.toContain(
      outside.token.id,
    );
    const before = await rawRow(outside.token.id);
    await expect(caller.officer.tokens.revoke({ id: outside.token.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      appCode: 'NOT_FOUND',
    });
    expect(await rawRow(outside.token.id)).toBe(before);
    await expect(
      caller.officer.tokens.create({
        name: 'Outside',
        orgUnitId: mech.id,
        scopes: ['org.read'],
        expiresInDays: null,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await bearer(outside.key)).type).toBe('INTEGRATOR');
  });

  it('revokes a token at once, audits it once, and keeps it listed as revoked', async () => {
    const edu = await unit('BJ-EDU');
    const caller = callerFor(db, { actor: eduAdmin });
    const created = await caller.officer.tokens.create({
      name: 'Short-lived',
      orgUnitId: edu.id,
      scopes: ['org.read'],
      expiresInDays: null,
    });
    expect((await bearer(created.key)).type).toBe('INTEGRATOR');
    const revoked = await caller.officer.tokens.revoke({ id: created.token.id });
    expect(revoked).toMatchObject({ status: 'REVOKED', revokedAt: expect.any(Date) });
    expect((await bearer(created.key)).type).toBe('ANONYMOUS');
    // Again: nothing changes, no second row.
    await caller.officer.tokens.revoke({ id: created.token.id });
    const rows = await db.prisma.auditEvent.findMany({
      where: { action: 'token.revoke', targetId: created.token.id },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: eduAdmin.id,
      changes: { status: { before: 'ACTIVE', after: 'REVOKED' } },
    });
    const listed = await caller.officer.tokens.list();
    expect(listed.find((token) => token.id === created.token.id)?.status).toBe('REVOKED');
  });

  it('answers a missing token like an outside one', async () => {
    await expect(
      callerFor(db, { actor: fedAdmin }).officer.tokens.revoke({
        id: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', appCode: 'NOT_FOUND' });
  });
});

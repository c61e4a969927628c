import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { ROLE_PERMISSIONS, TEMPORARY_PASSWORD_MIN_LENGTH, type TRole } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerGrants } from '../../auth/actor';
import { createMember, createOfficer, grantRole } from '../../auth/identities';
import type { Actor } from '../../context';
import { callerFor, testAuthFor } from '../../testing/harness';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

const PASSWORD = 'access-test-password-1';

describe.each(testDatabaseTargets())('access administration on %s', (target) => {
  let db: TestDb;
  const ids: Record<string, string> = {};

  const unit = (code: string) => db.prisma.orgUnit.findUniqueOrThrow({ where: { code } });

  /** An officer's actor as a request would build it: grants read from the database now. */
  const actorOf = async (userId: string): Promise<Actor> => ({
    type: 'OFFICER',
    id: userId,
    grants: await officerGrants(db.prisma, userId),
  });
  const as = async (key: string) => callerFor(db, { actor: await actorOf(ids[key] ?? '') });

  async function officer(key: string, email: string, name: string, role: TRole, code: string) {
    const { auth } = testAuthFor(db);
    const user = await createOfficer(auth, { email, name, password: PASSWORD });
    await grantRole(db.prisma, { userId: user.id, orgUnitId: (await unit(code)).id, role });
    ids[key] = user.id;
  }

  const grantRow = async (userId: string, code: string, role: TRole) =>
    db.prisma.roleGrant.findUnique({
      where: {
        userId_orgUnitId_role: { userId, orgUnitId: (await unit(code)).id, role },
      },
    });
  const auditCount = () => db.prisma.auditEvent.count({ where: { outcome: 'SUCCESS' } });

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    await officer('fed', 'fed@access.test', '王敏', 'FEDERATION_ADMIN', 'BJ-FTU');
    await officer('eduAdmin', 'edu.admin@access.test', '刘洋', 'UNION_ADMIN', 'BJ-EDU');
    await officer('eduChair', 'edu.chair@access.test', '李华', 'UNIT_CHAIR', 'BJ-EDU');
    await officer('mech', 'mech@access.test', '赵强', 'CASEWORKER', 'BJ-MECH');
    const member = await createMember(testAuthFor(db).auth, {
      email: 'member@access.test',
      name: '张伟',
    });
    ids.member = member.id;
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('lists officers with roles in the caller’s scope, each with only the grants inside it', async () => {
    // The chair of the education union also helps out in the machinery union.
    await grantRole(db.prisma, {
      userId: ids.eduChair ?? '',
      orgUnitId: (await unit('BJ-MECH')).id,
      role: 'CASEWORKER',
    });
    const seen = await (await as('eduAdmin')).officer.access.officers();
    expect(seen.map((entry) => entry.email).sort()).toEqual([
      'edu.admin@access.test',
      'edu.chair@access.test',
    ]);
    const chair = seen.find((entry) => entry.id === ids.eduChair);
    expect(chair?.grants.map((grant) => [grant.role, grant.orgUnitCode])).toEqual([
      ['UNIT_CHAIR', 'BJ-EDU'],
    ]);
    expect(chair).toMatchObject({ disabled: false, totpEnrolled: false, name: '李华' });

    const all = await (await as('fed')).officer.access.officers();
    expect(all.find((entry) => entry.id === ids.eduChair)?.grants).toHaveLength(2);
    expect(all.map((entry) => entry.email)).toContain('mech@access.test');
    expect(all.map((entry) => entry.email)).not.toContain('member@access.test');

    const found = await (await as('fed')).officer.access.officers({ search: 'MECH@' });
    expect(found.map((entry) => entry.email)).toEqual(['mech@access.test']);
    const byName = await (await as('fed')).officer.access.officers({ search: '刘' });
    expect(byName.map((entry) => entry.id)).toEqual([ids.eduAdmin]);
  });

  it('shows who can do what on a unit: its own grants and those inherited from ancestors', async () => {
    const school = await unit('BJ-NO1-HS');
    const result = await (await as('eduChair')).officer.access.whoCan({ orgUnitId: school.id });
    expect(result.unit.code).toBe('BJ-NO1-HS');
    const rows = result.entries.map((entry) => [
      entry.officer.email,
      entry.role,
      entry.grantedOn.code,
      entry.inherited,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['fed@access.test', 'FEDERATION_ADMIN', 'BJ-FTU', true],
        ['edu.admin@access.test', 'UNION_ADMIN', 'BJ-EDU', true],
        ['edu.chair@access.test', 'UNIT_CHAIR', 'BJ-EDU', true],
      ]),
    );
    // The caseworker role in another union does not reach this school.
    expect(rows.map((row) => row[0])).not.toContain('mech@access.test');
    const chair = result.entries.find((entry) => entry.role === 'UNIT_CHAIR');
    expect(chair?.permissions).toEqual(ROLE_PERMISSIONS.UNIT_CHAIR);
  });

  it('grants a role once: granting it again returns the same grant and writes nothing', async () => {
    const univ = await unit('BJ-UNIV');
    const caller = await as('eduAdmin');
    const before = await auditCount();
    const first = await caller.officer.access.grant({
      userId: ids.mech ?? '',
      orgUnitId: univ.id,
      role: 'CASEWORKER',
    });
    expect(first).toMatchObject({ role: 'CASEWORKER', orgUnitId: univ.id, orgUnitCode: 'BJ-UNIV' });
    expect(await auditCount()).toBe(before + 1);
    const row = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'access.role.grant', targetId: first.id },
    });
    expect(row).toMatchObject({
      actorId: ids.eduAdmin,
      orgUnitId: univ.id,
      changes: {
        userId: { before: null, after: ids.mech },
        role: { before: null, after: 'CASEWORKER' },
        orgUnitId: { before: null, after: univ.id },
      },
    });
    expect((await grantRow(ids.mech ?? '', 'BJ-UNIV', 'CASEWORKER'))?.grantedBy).toBe(ids.eduAdmin);

    const again = await caller.officer.access.grant({
      userId: ids.mech ?? '',
      orgUnitId: univ.id,
      role: 'CASEWORKER',
    });
    expect(again.id).toBe(first.id);
    expect(
      await db.prisma.roleGrant.count({ where: { userId: ids.mech, orgUnitId: univ.id } }),
    ).toBe(1);
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses to grant a role with permissions the caller does not hold there', async () => {
    const univ = await unit('BJ-UNIV');
    // A grant that manages access but cannot read the audit log (as an integrator's token may).
    const limited = callerFor(db, {
      actor: {
        type: 'INTEGRATOR',
        id: 'token-access-only',
        grants: [
          {
            permissions: ['access.read', 'access.manage', 'org.read', 'member.read'],
            orgUnitPath: univ.path,
          },
        ],
      },
    });
    await expect(
      limited.officer.access.grant({
        userId: ids.mech ?? '',
        orgUnitId: univ.id,
        role: 'UNIT_CHAIR',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', appCode: 'ROLE_ESCALATION' });
    expect(await grantRow(ids.mech ?? '', 'BJ-UNIV', 'UNIT_CHAIR')).toBeNull();
    await expect(
      limited.officer.access.createOfficer({
        email: 'escalated@access.test',
        name: '越权者',
        role: 'UNION_ADMIN',
        orgUnitId: univ.id,
      }),
    ).rejects.toMatchObject({ appCode: 'ROLE_ESCALATION' });
    expect(await db.prisma.authUser.count({ where: { email: 'escalated@access.test' } })).toBe(0);
    // Within its own permissions it may grant.
    await expect(
      limited.officer.access.grant({
        userId: ids.mech ?? '',
        orgUnitId: univ.id,
        role: 'TREASURER',
      }),
    ).resolves.toMatchObject({ role: 'TREASURER' });
  });

  it('refuses units, grants and officers outside the scope as "not found", changing nothing', async () => {
    const mech = await unit('BJ-MECH');
    const caller = await as('eduAdmin');
    const missing = '00000000-0000-4000-8000-000000000000';

    await expect(
      caller.officer.access.grant({
        userId: ids.eduChair ?? '',
        orgUnitId: mech.id,
        role: 'AUDITOR',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', appCode: 'NOT_FOUND' });
    expect(await grantRow(ids.eduChair ?? '', 'BJ-MECH', 'AUDITOR')).toBeNull();

    const mechGrant = await grantRow(ids.mech ?? '', 'BJ-MECH', 'CASEWORKER');
    const before = JSON.stringify(mechGrant);
    await expect(
      caller.officer.access.revoke({ grantId: mechGrant?.id ?? '' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(caller.officer.access.revoke({ grantId: missing })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(JSON.stringify(await grantRow(ids.mech ?? '', 'BJ-MECH', 'CASEWORKER'))).toBe(before);

    // The caseworker also holds a role in the education union now, but not only there.
    const userBefore = JSON.stringify(
      await db.prisma.authUser.findUnique({ where: { id: ids.mech } }),
    );
    await expect(
      caller.officer.access.disableOfficer({ userId: ids.mech ?? '' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(JSON.stringify(await db.prisma.authUser.findUnique({ where: { id: ids.mech } }))).toBe(
      userBefore,
    );

    await expect(caller.officer.access.whoCan({ orgUnitId: mech.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const denied = await db.prisma.auditEvent.findFirst({
      where: { outcome: 'DENIED', action: 'refused:officer.access.whoCan' },
    });
    expect(denied).toMatchObject({ actorId: ids.eduAdmin });
  });

  it('refuses a member as the holder of a role', async () => {
    const univ = await unit('BJ-UNIV');
    await expect(
      (await as('eduAdmin')).officer.access.grant({
        userId: ids.member ?? '',
        orgUnitId: univ.id,
        role: 'CASEWORKER',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.prisma.roleGrant.count({ where: { userId: ids.member } })).toBe(0);
  });

  it('a revoked role stops working at once', async () => {
    const edu = await unit('BJ-EDU');
    await officer('reader', 'reader@access.test', '周敏', 'AUDITOR', 'BJ-UNIV');
    const granted = await (
      await as('eduAdmin')
    ).officer.access.grant({
      userId: ids.reader ?? '',
      orgUnitId: edu.id,
      role: 'UNIT_CHAIR',
    });
    // Drop the first role so the one granted above is the only way into the audit log.
    const first = await grantRow(ids.reader ?? '', 'BJ-UNIV', 'AUDITOR');
    await (await as('eduAdmin')).officer.access.revoke({ grantId: first?.id ?? '' });
    await expect((await as('reader')).officer.audit.find({})).resolves.toBeDefined();

    const before = await auditCount();
    const revoked = await (await as('eduAdmin')).officer.access.revoke({ grantId: granted.id });
    expect(revoked).toMatchObject({ id: granted.id, role: 'UNIT_CHAIR' });
    expect(await auditCount()).toBe(before + 1);
    const row = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'access.role.revoke', targetId: granted.id },
    });
    expect(row.changes).toEqual({
      userId: { before: ids.reader, after: null },
      role: { before: 'UNIT_CHAIR', after: null },
      orgUnitId: { before: edu.id, after: null },
    });
    await expect((await as('reader')).officer.audit.find({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('never lets an officer revoke their own last grant that manages access', async () => {
    const own = await grantRow(ids.eduAdmin ?? '', 'BJ-EDU', 'UNION_ADMIN');
    const before = JSON.stringify(own);
    await expect(
      (await as('eduAdmin')).officer.access.revoke({ grantId: own?.id ?? '' }),
    ).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT', appCode: 'LAST_ACCESS_MANAGER' });
    expect(JSON.stringify(await grantRow(ids.eduAdmin ?? '', 'BJ-EDU', 'UNION_ADMIN'))).toBe(
      before,
    );

    // With a second such grant, giving up one of them is fine.
    const univ = await unit('BJ-UNIV');
    const second = await (
      await as('eduAdmin')
    ).officer.access.grant({
      userId: ids.eduAdmin ?? '',
      orgUnitId: univ.id,
      role: 'UNION_ADMIN',
    });
    await expect(
      (await as('eduAdmin')).officer.access.revoke({ grantId: second.id }),
    ).resolves.toMatchObject({ id: second.id });
  });

  it('creates an officer with a first role and a one-time password, audited', async () => {
    const univ = await unit('BJ-UNIV');
    const before = await auditCount();
    const created = await (
      await as('eduAdmin')
    ).officer.access.createOfficer({
      email: ' New.Officer@Access.test ',
      name: '孙丽',
      role: 'UNIT_CHAIR',
      orgUnitId: univ.id,
    });
    expect(created.temporaryPassword.length).toBeGreaterThanOrEqual(TEMPORARY_PASSWORD_MIN_LENGTH);
    expect(created.officer).toMatchObject({
      email: 'new.officer@access.test',
      name: '孙丽',
      disabled: false,
      totpEnrolled: false,
      grants: [{ role: 'UNIT_CHAIR', orgUnitCode: 'BJ-UNIV' }],
    });
    const account = await db.prisma.authAccount.findFirstOrThrow({
      where: { userId: created.officer.id, providerId: 'credential' },
    });
    expect(account.password).not.toContain(created.temporaryPassword);
    const hasher = (await testAuthFor(db).auth.$context).password;
    expect(
      await hasher.verify({ hash: account.password ?? '', password: created.temporaryPassword }),
    ).toBe(true);
    const user = await db.prisma.authUser.findUniqueOrThrow({ where: { id: created.officer.id } });
    expect(user.kind).toBe('OFFICER');

    const rows = await db.prisma.auditEvent.findMany({
      where: { outcome: 'SUCCESS' },
      orderBy: { seq: 'asc' },
      skip: before,
    });
    expect(rows.map((row) => row.action)).toEqual(['access.officer.create', 'access.role.grant']);
    expect(JSON.stringify(rows.map((row) => row.changes))).not.toContain(created.temporaryPassword);
    expect(rows[0]).toMatchObject({
      targetId: created.officer.id,
      orgUnitId: univ.id,
      changes: { email: { before: null, after: 'new.officer@access.test' } },
    });

    // The temporary password is never handed out twice, and the email cannot be reused.
    await expect(
      (await as('eduAdmin')).officer.access.createOfficer({
        email: 'new.officer@access.test',
        name: '另一个人',
        role: 'CASEWORKER',
        orgUnitId: univ.id,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', appCode: 'OFFICER_EMAIL_TAKEN' });
    await expect(
      (await as('eduAdmin')).officer.access.createOfficer({
        email: 'member@access.test',
        name: '张伟',
        role: 'CASEWORKER',
        orgUnitId: univ.id,
      }),
    ).rejects.toMatchObject({ appCode: 'OFFICER_EMAIL_TAKEN' });
    await expect(
      (await as('eduAdmin')).officer.access.createOfficer({
        email: 'outside@access.test',
        name: '外单位',
        role: 'CASEWORKER',
        orgUnitId: (await unit('BJ-MECH')).id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.prisma.authUser.count({ where: { email: 'outside@access.test' } })).toBe(0);
  });

  it('disables an officer in scope, ending their sessions, but never oneself', async () => {
    const chairId = ids.eduChair ?? '';
    // Only officers whose every grant is in scope: move the chair's extra role out of the way.
    const extra = await grantRow(chairId, 'BJ-MECH', 'CASEWORKER');
    await db.prisma.roleGrant.delete({ where: { id: extra?.id ?? '' } });
    await db.prisma.authSession.create({
      data: {
        token: 'access-test-session',
        userId: chairId,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });

    const before = await auditCount();
    const disabled = await (
      await as('eduAdmin')
    ).officer.access.disableOfficer({ userId: chairId });
    expect(disabled).toMatchObject({ id: chairId, disabled: true });
    expect(await db.prisma.authSession.count({ where: { userId: chairId } })).toBe(0);
    expect(
      (await db.prisma.authUser.findUniqueOrThrow({ where: { id: chairId } })).disabledAt,
    ).not.toBeNull();
    const row = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'access.officer.disable', targetId: chairId },
    });
    expect(row).toMatchObject({ actorId: ids.eduAdmin, orgUnitId: (await unit('BJ-EDU')).id });
    expect(await auditCount()).toBe(before + 1);

    // Disabling again changes nothing and writes nothing.
    await (await as('eduAdmin')).officer.access.disableOfficer({ userId: chairId });
    expect(await auditCount()).toBe(before + 1);

    await expect(
      (await as('eduAdmin')).officer.access.disableOfficer({ userId: ids.eduAdmin ?? '' }),
    ).rejects.toMatchObject({ appCode: 'CANNOT_DISABLE_SELF' });
    await expect(
      (await as('eduAdmin')).officer.access.disableOfficer({ userId: ids.member ?? '' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await db.prisma.authUser.findUniqueOrThrow({ where: { id: ids.eduAdmin } })).disabledAt,
    ).toBeNull();
  });
});

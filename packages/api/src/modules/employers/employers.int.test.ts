import { randomUUID } from 'node:crypto';
import { seedDemoData, verifyAuditChain } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { CURRENT_CONSENT_VERSION, residentIdCheckCharacter } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, personas } from '../../testing/harness';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseTargets())('employers on %s', (target) => {
  let db: TestDb;
  let people: Awaited<ReturnType<typeof personas>>;
  const unit = (code: string) => db.prisma.orgUnit.findUniqueOrThrow({ where: { code } });

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    people = await personas(db);
  });
  afterAll(async () => {
    await db.dispose();
  });

  let sequence = 100;
  async function activeMemberAt(employerId: string, orgUnitId: string) {
    sequence += 1;
    const first17 = `11010519850505${sequence}`;
    const id = randomUUID();
    await callerFor(db).public.membership.applyToJoin({
      id,
      name: '员工',
      idDocument: { type: 'RESIDENT_ID', number: first17 + residentIdCheckCharacter(first17) },
      phone: `1380000${String(sequence).padStart(4, '0')}`,
      email: `worker-${sequence}@example.org`,
      orgUnitId,
      employerId,
      consentVersion: CURRENT_CONSENT_VERSION,
    });
    await callerFor(db, { actor: people.federationAdmin }).officer.membership.changeStatus({
      id,
      action: 'APPROVE',
      expectedVersion: 1,
    });
  }

  it('creates an employer in scope, counts its active members and the union density', async () => {
    const school = await unit('BJ-NO1-HS');
    const chair = callerFor(db, { actor: people.unitChair });
    const created = await chair.officer.employers.create({
      name: '滨江市第一中学',
      creditCode: '12330100 4700 12348e',
      orgUnitId: school.id,
      workforceSize: 4,
    });
    expect(created).toMatchObject({
      creditCode: '12330100470012348E',
      orgUnitName: school.name,
      activeMembers: 0,
      density: 0,
    });
    await activeMemberAt(created.id, school.id);
    await activeMemberAt(created.id, school.id);
    const listed = await chair.officer.employers.list({ query: '第一中学' });
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ activeMembers: 2, density: 0.5 });
    const detail = await chair.officer.employers.get({ id: created.id });
    expect(detail.workplaces).toEqual([]);
    const campus = await chair.officer.employers.addWorkplace({
      employerId: created.id,
      name: '东校区',
    });
    const again = await chair.officer.employers.addWorkplace({
      employerId: created.id,
      name: '东校区',
    });
    expect(again.id).toBe(campus.id);
    expect((await chair.officer.employers.get({ id: created.id })).workplaces).toHaveLength(1);
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });

  it('renames a workplace and corrects its address, audited, refusing a name in use', async () => {
    const chair = callerFor(db, { actor: people.unitChair });
    const employer = await chair.officer.employers.create({
      name: '第二中学',
      orgUnitId: (await unit('BJ-UNIV')).id,
    });
    const north = await chair.officer.employers.addWorkplace({
      employerId: employer.id,
      name: '北校区',
    });
    await chair.officer.employers.addWorkplace({ employerId: employer.id, name: '南校区' });
    const renamed = await chair.officer.employers.updateWorkplace({
      id: north.id,
      name: '北校区（新址）',
      address: ' 北京市海淀区学院路 1 号 ',
    });
    expect(renamed).toEqual({
      id: north.id,
      name: '北校区（新址）',
      address: '北京市海淀区学院路 1 号',
    });
    const detail = await chair.officer.employers.get({ id: employer.id });
    expect(detail.workplaces.map((workplace) => workplace.name).sort()).toEqual(
      ['北校区（新址）', '南校区'].sort(),
    );
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'employer.workplace.update', targetId: employer.id },
    });
    expect(audit.changes).toMatchObject({
      name: { before: '北校区', after: '北校区（新址）' },
      address: { before: null, after: '北京市海淀区学院路 1 号' },
    });
    await expect(
      chair.officer.employers.updateWorkplace({ id: north.id, name: '南校区' }),
    ).rejects.toMatchObject({ appCode: 'CONFLICT' });
    await expect(
      chair.officer.employers.updateWorkplace({ id: randomUUID(), name: '无此处' }),
    ).rejects.toMatchObject({ appCode: 'NOT_FOUND' });
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });

  it('refuses a duplicate credit code and a stale edit', async () => {
    const admin = callerFor(db, { actor: people.federationAdmin });
    const first = await admin.officer.employers.create({
      name: '华兴钢铁集团有限公司',
      creditCode: '91330100MA2XXXX197',
    });
    await expect(
      admin.officer.employers.create({
        name: '华兴钢铁（重名）',
        creditCode: '91330100MA2XXXX197',
      }),
    ).rejects.toMatchObject({ appCode: 'CONFLICT' });
    const updated = await admin.officer.employers.update({
      id: first.id,
      expectedVersion: first.version,
      name: '华兴钢铁集团',
      creditCode: first.creditCode,
      workforceSize: 1200,
    });
    expect(updated).toMatchObject({ name: '华兴钢铁集团', workforceSize: 1200, version: 2 });
    await expect(
      admin.officer.employers.update({ id: first.id, expectedVersion: 1, name: '旧名' }),
    ).rejects.toMatchObject({ appCode: 'VERSION_CONFLICT' });
    await expect(
      admin.officer.employers.create({ name: '坏代码公司', creditCode: 'ABC' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // A typo in the last character is caught before it becomes a second identity.
    await expect(
      admin.officer.employers.create({ name: '错校验码公司', creditCode: '91330100MA2XXXX198' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.prisma.employer.count({ where: { name: '错校验码公司' } })).toBe(0);
  });

  it('shows unlinked employers to every officer and lets one place it in their unit', async () => {
    const admin = callerFor(db, { actor: people.federationAdmin });
    const target = await admin.officer.employers.create({ name: '星辰科技有限公司' });
    const chair = callerFor(db, { actor: people.unitChair });
    const withoutUnion = await chair.officer.employers.list({ withoutUnion: true });
    expect(withoutUnion.items.map((employer) => employer.name)).toContain('星辰科技有限公司');
    const univ = await unit('BJ-UNIV');
    const placed = await chair.officer.employers.update({
      id: target.id,
      expectedVersion: target.version,
      name: target.name,
      orgUnitId: univ.id,
    });
    expect(placed.orgUnitName).toBe(univ.name);
    // Now it belongs to the education union: the machinery union cannot see it.
    const mechPath = (await unit('BJ-MECH')).path;
    const mech = callerFor(db, {
      actor: {
        type: 'OFFICER',
        id: 'officer-mech',
        grants: [{ permissions: ['member.read', 'member.manage'], orgUnitPath: mechPath }],
      },
    });
    await expect(mech.officer.employers.get({ id: target.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await mech.officer.employers.list({ query: '星辰' })).items).toEqual([]);
  });
});

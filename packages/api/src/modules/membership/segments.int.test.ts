import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeFor } from '../../access';
import { callerFor, personas } from '../../testing/harness';
import { membersOfSegmentWhere } from './segments.service';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseTargets())('member segments and tags on %s', (target) => {
  let db: TestDb;
  let people: Awaited<ReturnType<typeof personas>>;
  const unit = (code: string) => db.prisma.orgUnit.findUniqueOrThrow({ where: { code } });

  /** A member row written directly: these tests are about selecting members, not joining. */
  async function member(code: string, name: string, tags: string[], status = 'ACTIVE' as const) {
    const home = await unit(code);
    const id = randomUUID();
    await db.prisma.member.create({
      data: {
        id,
        orgUnitId: home.id,
        orgUnitPath: home.path,
        name,
        searchName: name,
        searchGrams: [...name],
        status,
        tags,
      },
    });
    return id;
  }

  let school: { young: string; model: string; plain: string };
  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    people = await personas(db);
    school = {
      young: await member('BJ-NO1-HS', '青年甲', ['青年', '教师']),
      model: await member('BJ-UNIV', '劳模乙', ['劳模', '青年']),
      plain: await member('BJ-NO1-HS', '丙', []),
    };
    await member('HX-STEEL', '钢铁青年', ['青年', '钢铁']);
    await member('BJ-NO1-HS', '合并丁', ['青年'], 'MERGED' as 'ACTIVE');
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('counts the tags in use inside the caller’s scope only, merged records left out', async () => {
    const edu = await callerFor(db, { actor: people.unionAdmin }).officer.membership.tags();
    expect(edu).toEqual([
      { tag: '青年', count: 2 },
      { tag: '劳模', count: 1 },
      { tag: '教师', count: 1 },
    ]);
    const federation = await callerFor(db, {
      actor: people.federationAdmin,
    }).officer.membership.tags();
    expect(federation.find((row) => row.tag === '青年')?.count).toBe(3);
    expect(federation.map((row) => row.tag)).toContain('钢铁');
  });

  it('saves a search as a segment, lists it, selects its members, and deletes it with audit rows', async () => {
    const caller = callerFor(db, { actor: people.unionAdmin });
    const edu = await unit('BJ-EDU');
    const segment = await caller.officer.segments.create({
      name: ' 青年教师 ',
      orgUnitId: edu.id,
      filters: { tag: '青年', status: ['ACTIVE'] },
    });
    expect(segment).toMatchObject({
      name: '青年教师',
      orgUnitId: edu.id,
      orgUnitName: edu.name,
      createdBy: people.unionAdmin.id,
      version: 1,
      // Without a unit filter, the segment's unit becomes one, so the list shows the same set.
      filters: { tag: '青年', status: ['ACTIVE'], orgUnitId: edu.id },
    });

    const listed = await caller.officer.segments.list();
    expect(listed.map((row) => row.id)).toEqual([segment.id]);
    // An auditor of the federation reads members everywhere, so sees it too.
    const auditorSees = await callerFor(db, { actor: people.auditor }).officer.segments.list();
    expect(auditorSees.map((row) => row.id)).toContain(segment.id);

    const where = await membersOfSegmentWhere(
      db.prisma,
      scopeFor(people.unionAdmin, 'member.read'),
      segment.id,
    );
    expect(where).not.toBeNull();
    const selected = await db.prisma.member.findMany({ where: where ?? {}, select: { id: true } });
    expect(selected.map((row) => row.id).sort()).toEqual([school.young, school.model].sort());
    // The list with the saved filters shows exactly the same members.
    const page = await caller.officer.membership.list(segment.filters);
    expect(page.items.map((row) => row.id).sort()).toEqual([school.young, school.model].sort());

    await expect(
      caller.officer.segments.delete({ id: segment.id, expectedVersion: 2 }),
    ).rejects.toMatchObject({ appCode: 'VERSION_CONFLICT' });
    await caller.officer.segments.delete({ id: segment.id, expectedVersion: 1 });
    expect(await caller.officer.segments.list()).toEqual([]);

    const audit = await db.prisma.auditEvent.findMany({
      where: { targetId: segment.id },
      orderBy: { seq: 'asc' },
    });
    expect(audit.map((row) => [row.action, row.outcome, row.orgUnitId])).toEqual([
      ['member.segment.create', 'SUCCESS', edu.id],
      ['member.segment.delete', 'SUCCESS', edu.id],
    ]);
  });

  it('keeps a unit filter inside the segment’s unit', async () => {
    const caller = callerFor(db, { actor: people.unionAdmin });
    const school = await unit('BJ-NO1-HS');
    const univ = await unit('BJ-UNIV');
    await expect(
      caller.officer.segments.create({
        name: '错位',
        orgUnitId: school.id,
        filters: { orgUnitId: univ.id },
      }),
    ).rejects.toMatchObject({ appCode: 'VALIDATION_FAILED' });
    const narrower = await caller.officer.segments.create({
      name: '一中',
      orgUnitId: (await unit('BJ-EDU')).id,
      filters: { orgUnitId: school.id },
    });
    expect(narrower.filters.orgUnitId).toBe(school.id);
    await caller.officer.segments.delete({ id: narrower.id, expectedVersion: 1 });
  });

  it('hides segments of other unions and refuses readers who may not manage members', async () => {
    const steel = await unit('HX-STEEL');
    const mech = await callerFor(db, { actor: people.federationAdmin }).officer.segments.create({
      name: '钢铁青年',
      orgUnitId: steel.id,
      filters: { tag: '青年' },
    });
    const edu = callerFor(db, { actor: people.unionAdmin });
    expect((await edu.officer.segments.list()).map((row) => row.id)).not.toContain(mech.id);
    await expect(
      membersOfSegmentWhere(db.prisma, scopeFor(people.unionAdmin, 'member.read'), mech.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const caseworker = callerFor(db, { actor: people.caseworker });
    await expect(
      caseworker.officer.segments.create({
        name: '无权',
        orgUnitId: (await unit('BJ-EDU')).id,
        filters: {},
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      caseworker.officer.segments.delete({ id: mech.id, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.prisma.memberSegment.count({ where: { id: mech.id } })).toBe(1);
  });

  it('renames a segment with audit, keeps names unique per unit, and refuses a stale version', async () => {
    const caller = callerFor(db, { actor: people.unionAdmin });
    const edu = await unit('BJ-EDU');
    const school = await unit('BJ-NO1-HS');
    const suffix = randomUUID().slice(0, 6);
    const first = await caller.officer.segments.create({
      name: `骨干${suffix}`,
      orgUnitId: edu.id,
      filters: { tag: '青年' },
    });
    const second = await caller.officer.segments.create({
      name: `积极分子${suffix}`,
      orgUnitId: edu.id,
      filters: { tag: '劳模' },
    });
    // The same name in another unit is another segment.
    await caller.officer.segments.create({
      name: `新名${suffix}`,
      orgUnitId: school.id,
      filters: {},
    });
    await expect(
      caller.officer.segments.create({ name: ` 骨干${suffix} `, orgUnitId: edu.id, filters: {} }),
    ).rejects.toMatchObject({ code: 'CONFLICT', appCode: 'SEGMENT_NAME_TAKEN' });

    const renamed = await caller.officer.segments.rename({
      id: first.id,
      name: `新名${suffix}`,
      expectedVersion: 1,
    });
    expect(renamed).toMatchObject({ name: `新名${suffix}`, version: 2, filters: first.filters });
    await expect(
      caller.officer.segments.rename({ id: second.id, name: `新名${suffix}`, expectedVersion: 1 }),
    ).rejects.toMatchObject({ appCode: 'SEGMENT_NAME_TAKEN' });
    await expect(
      caller.officer.segments.rename({ id: first.id, name: `旧名${suffix}`, expectedVersion: 1 }),
    ).rejects.toMatchObject({ appCode: 'VERSION_CONFLICT' });
    // Renaming to its own name is no clash.
    await caller.officer.segments.rename({
      id: first.id,
      name: `新名${suffix}`,
      expectedVersion: 2,
    });

    const rows = await db.prisma.auditEvent.findMany({
      where: { action: 'member.segment.rename', targetId: first.id },
      orderBy: { seq: 'asc' },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.changes).toEqual({ name: { from: `骨干${suffix}`, to: `新名${suffix}` } });
    expect(
      (await db.prisma.memberSegment.findUniqueOrThrow({ where: { id: second.id } })).name,
    ).toBe(`积极分子${suffix}`);
  });
});

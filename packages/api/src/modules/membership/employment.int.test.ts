import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import {
  CURRENT_CONSENT_VERSION,
  EMPLOYMENT_FOLLOW_UP_TAG,
  residentIdCheckCharacter,
} from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Actor } from '../../context';
import { callerFor, personas } from '../../testing/harness';
import { unionToday } from './employment.service';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseTargets())('employment history and leavers on %s', (target) => {
  let db: TestDb;
  let people: Awaited<ReturnType<typeof personas>>;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    people = await personas(db);
  });
  afterAll(async () => {
    await db.dispose();
  });

  const unit = (code: string) => db.prisma.orgUnit.findUniqueOrThrow({ where: { code } });
  const chair = () => callerFor(db, { actor: people.unitChair });
  const admin = () => callerFor(db, { actor: people.federationAdmin });

  let sequence = 300;
  const residentId = (birth: string) => {
    sequence += 1;
    const first17 = `110105${birth}${sequence}`;
    return first17 + residentIdCheckCharacter(first17);
  };

  async function employer(name: string, code: string) {
    return admin().officer.employers.create({
      name: `${name}${randomUUID().slice(0, 6)}`,
      orgUnitId: (await unit(code)).id,
    });
  }

  /** An approved member of `code` who applied naming `employerId`. */
  async function member(code: string, employerId: string, jobTitle = '教师') {
    const id = randomUUID();
    const email = `${id}@example.org`;
    const idNumber = residentId('19900101');
    await callerFor(db).public.membership.applyToJoin({
      id,
      name: '钱芳',
      idDocument: { type: 'RESIDENT_ID', number: idNumber },
      phone: `1380013${String(sequence).padStart(4, '0')}`,
      email,
      orgUnitId: (await unit(code)).id,
      employerId,
      jobTitle,
      consentVersion: CURRENT_CONSENT_VERSION,
    });
    await admin().officer.membership.changeStatus({ id, action: 'APPROVE', expectedVersion: 1 });
    const row = await db.prisma.member.findUniqueOrThrow({ where: { id } });
    const account = await db.prisma.authUser.findUniqueOrThrow({ where: { email } });
    const actor: Actor = { type: 'MEMBER', id: account.id, grants: [] };
    return { id, idNumber, row, actor };
  }

  it('opens a record on application and moves it on an approved change of employer', async () => {
    const school = await employer('第一中学', 'BJ-NO1-HS');
    const college = await employer('滨江学院', 'BJ-NO1-HS');
    const { id, actor } = await member('BJ-NO1-HS', school.id);
    const first = await chair().officer.employment.history({ memberId: id });
    expect(first).toEqual([
      expect.objectContaining({
        employerId: school.id,
        jobTitle: '教师',
        source: 'APPLICATION',
        startedOn: unionToday(),
        endedOn: null,
      }),
    ]);

    const request = await callerFor(db, { actor }).member.profile.requestChange({
      employerId: college.id,
      jobTitle: '讲师',
    });
    await chair().officer.memberRequests.decideChange({ id: request.id, approve: true });
    const second = await chair().officer.employment.history({ memberId: id });
    expect(second.map((record) => [record.employerName, record.source, record.endedOn])).toEqual([
      [college.name, 'CHANGE_REQUEST', null],
      [school.name, 'APPLICATION', unionToday()],
    ]);
  });

  it('moves the survivor to the employer picked from the merged record', async () => {
    const school = await employer('第二中学', 'BJ-NO1-HS');
    const college = await employer('职业学院', 'BJ-NO1-HS');
    const survivor = await member('BJ-NO1-HS', school.id);
    const other = await member('BJ-NO1-HS', college.id, '讲师');
    const version = async (id: string) =>
      (await db.prisma.member.findUniqueOrThrow({ where: { id } })).version;
    await chair().officer.membership.merge({
      survivorId: survivor.id,
      otherId: other.id,
      survivorVersion: await version(survivor.id),
      otherVersion: await version(other.id),
      picks: { employer: 'OTHER', jobTitle: 'OTHER' },
    });
    const history = await chair().officer.employment.history({ memberId: survivor.id });
    expect(
      history.map((record) => [record.employerId, record.source, record.jobTitle, record.endedOn]),
    ).toEqual([
      [college.id, 'MERGE', '讲师', null],
      [school.id, 'APPLICATION', '教师', unionToday()],
    ]);
  });

  it('opens a record for each imported member with an employer', async () => {
    const idNumber = residentId('19870707');
    const name = `导入学校${randomUUID().slice(0, 6)}`;
    await chair().officer.memberImport.commit({
      file: Buffer.from(
        `name,id number,phone,unit code,employer,job\n导入者,${idNumber},13800139901,BJ-NO1-HS,${name},司机`,
      ).toString('base64'),
      fileName: 'employment.csv',
      mapping: { name: 0, idNumber: 1, phone: 2, unitCode: 3, employer: 4, jobTitle: 5 },
    });
    const imported = await db.prisma.member.findFirstOrThrow({
      where: { phone: '+8613800139901' },
    });
    const history = await chair().officer.employment.history({ memberId: imported.id });
    expect(history).toEqual([
      expect.objectContaining({
        employerName: name,
        jobTitle: '司机',
        source: 'IMPORT',
        startedOn: null,
        endedOn: null,
      }),
    ]);
  });

  it('closes leavers’ records, tags them, keeps their status, and a repeat changes nothing', async () => {
    const factory = await employer('滨江电子厂', 'BJ-EDU');
    const byId = await member('BJ-NO1-HS', factory.id);
    const byNumber = await member('BJ-NO1-HS', factory.id);
    const byPhone = await member('BJ-NO1-HS', factory.id);
    // Employed by the same employer but a member of another union: outside the caller's scope.
    const outside = await member('BJ-MECH', factory.id);
    const hr = callerFor(db, {
      actor: {
        type: 'INTEGRATOR',
        id: 'token-hr',
        grants: [{ permissions: ['member.manage'], orgUnitPath: (await unit('BJ-EDU')).path }],
      },
    });
    const leavers = [
      { idNumber: byId.idNumber, leftOn: '2026-10-31', reason: '合同到期' },
      { memberNumber: byNumber.row.memberNumber ?? '', leftOn: '2026-11-15' },
      { phone: byPhone.row.phone?.replace('+86', '') ?? '', leftOn: '2026-11-20' },
      { idNumber: outside.idNumber, leftOn: '2026-11-20' },
      { memberNumber: 'NO-SUCH-NUMBER', leftOn: '2026-11-20' },
    ];
    const first = await hr.officer.employment.recordLeavers({ employerId: factory.id, leavers });
    expect(first.results.map((result) => result.outcome)).toEqual([
      'closed',
      'closed',
      'closed',
      'notFound',
      'notFound',
    ]);
    expect(first.counts).toEqual({ closed: 3, alreadyClosed: 0, notFound: 2 });

    const history = await chair().officer.employment.history({ memberId: byId.id });
    expect(history[0]).toMatchObject({
      employerId: factory.id,
      endedOn: '2026-10-31',
      endReason: '合同到期',
    });
    const left = await db.prisma.member.findUniqueOrThrow({ where: { id: byId.id } });
    expect(left).toMatchObject({ status: 'ACTIVE', employerId: null });
    expect(left.tags).toContain(EMPLOYMENT_FOLLOW_UP_TAG);
    const untouched = await db.prisma.member.findUniqueOrThrow({ where: { id: outside.id } });
    expect(untouched).toMatchObject({ employerId: factory.id, tags: [] });

    const snapshot = async () =>
      JSON.stringify([
        await db.prisma.employmentRecord.findMany({ orderBy: { id: 'asc' } }),
        await db.prisma.member.findMany({
          where: { id: { in: [byId.id, byNumber.id, byPhone.id] } },
          orderBy: { id: 'asc' },
        }),
      ]);
    const before = await snapshot();
    const second = await hr.officer.employment.recordLeavers({ employerId: factory.id, leavers });
    expect(second.counts).toEqual({ closed: 0, alreadyClosed: 3, notFound: 2 });
    expect(await snapshot()).toBe(before);

    const audits = await db.prisma.auditEvent.findMany({
      where: { action: 'member.employment.leavers', targetId: factory.id },
      orderBy: { seq: 'asc' },
    });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorType: 'INTEGRATOR', actorId: 'token-hr' });
    expect(audits[0]?.changes).toMatchObject({
      posted: { after: 5 },
      closed: { after: 3 },
      notFound: { after: 2 },
    });
  });

  it('refuses a leaver with no key or two keys, and more than 500 leavers', async () => {
    const factory = await employer('滨江纺织厂', 'BJ-EDU');
    await expect(
      chair().officer.employment.recordLeavers({
        employerId: factory.id,
        leavers: [{ leftOn: '2026-11-01' }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      chair().officer.employment.recordLeavers({
        employerId: factory.id,
        leavers: [{ memberNumber: '1', phone: '13800138000', leftOn: '2026-11-01' }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      chair().officer.employment.recordLeavers({
        employerId: factory.id,
        leavers: Array.from({ length: 501 }, () => ({ memberNumber: '1', leftOn: '2026-11-01' })),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('lets an officer correct a spell, guarded by its version, and keeps the member in step', async () => {
    const school = await employer('第三中学', 'BJ-NO1-HS');
    const college = await employer('师范学院', 'BJ-NO1-HS');
    const { id } = await member('BJ-NO1-HS', school.id);
    const [spell] = await chair().officer.employment.history({ memberId: id });
    if (!spell) throw new Error('no spell');
    expect(spell.version).toBe(1);

    const corrected = await chair().officer.employment.update({
      id: spell.id,
      employerId: college.id,
      workplaceId: null,
      jobTitle: '讲师',
      startedOn: '2019-09-01',
      endedOn: null,
      expectedVersion: 1,
    });
    expect(corrected).toMatchObject({
      employerId: college.id,
      jobTitle: '讲师',
      startedOn: '2019-09-01',
      endedOn: null,
      version: 2,
    });
    // The open spell is where the member works: the record follows it.
    expect(await db.prisma.member.findUniqueOrThrow({ where: { id } })).toMatchObject({
      employerId: college.id,
      jobTitle: '讲师',
    });

    // An edit based on what the officer saw before someone else's is refused, and changes nothing.
    await expect(
      chair().officer.employment.update({
        id: spell.id,
        employerId: school.id,
        workplaceId: null,
        jobTitle: '教师',
        startedOn: '2019-09-01',
        endedOn: null,
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ appCode: 'VERSION_CONFLICT' });
    await expect(
      chair().officer.employment.update({
        id: spell.id,
        employerId: college.id,
        workplaceId: null,
        jobTitle: null,
        startedOn: '2020-01-01',
        endedOn: '2019-01-01',
        expectedVersion: 2,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await db.prisma.employmentRecord.findUniqueOrThrow({ where: { id: spell.id } }),
    ).toMatchObject({ employerId: college.id, version: 2 });

    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'member.employment.update', targetId: id },
    });
    expect(audit).toMatchObject({ actorId: people.unitChair.id, targetType: 'Member' });
    expect(audit.changes).toMatchObject({
      employerId: { before: school.id, after: college.id },
      jobTitle: { before: '教师', after: '讲师' },
      startedOn: { before: unionToday(), after: '2019-09-01' },
      employmentRecordId: { after: spell.id },
    });
  });

  it('ends a spell once, clears the employer, and refuses a stale or repeated end', async () => {
    const school = await employer('第四中学', 'BJ-NO1-HS');
    const { id } = await member('BJ-NO1-HS', school.id);
    const [spell] = await chair().officer.employment.history({ memberId: id });
    if (!spell) throw new Error('no spell');
    await expect(
      chair().officer.employment.end({ id: spell.id, endedOn: unionToday(), expectedVersion: 7 }),
    ).rejects.toMatchObject({ appCode: 'VERSION_CONFLICT' });
    const ended = await chair().officer.employment.end({
      id: spell.id,
      endedOn: unionToday(),
      endReason: '调动',
      expectedVersion: 1,
    });
    expect(ended).toMatchObject({ endedOn: unionToday(), endReason: '调动', version: 2 });
    expect(await db.prisma.member.findUniqueOrThrow({ where: { id } })).toMatchObject({
      employerId: null,
    });
    await expect(
      chair().officer.employment.end({ id: spell.id, endedOn: unionToday(), expectedVersion: 2 }),
    ).rejects.toMatchObject({ appCode: 'EMPLOYMENT_ALREADY_ENDED' });
    expect(
      await db.prisma.auditEvent.count({
        where: { action: 'member.employment.end', targetId: id },
      }),
    ).toBe(1);
  });

  it('shows spells starting and ending on the member’s one timeline, page by page', async () => {
    const school = await employer('第五中学', 'BJ-NO1-HS');
    const college = await employer('艺术学院', 'BJ-NO1-HS');
    const { id } = await member('BJ-NO1-HS', school.id);
    const [spell] = await chair().officer.employment.history({ memberId: id });
    if (!spell) throw new Error('no spell');
    await chair().officer.employment.update({
      id: spell.id,
      employerId: school.id,
      workplaceId: null,
      jobTitle: '教师',
      startedOn: '2015-09-01',
      endedOn: '2026-06-30',
      endReason: '辞职',
      expectedVersion: 1,
    });
    await db.prisma.employmentRecord.create({
      data: {
        memberId: id,
        employerId: college.id,
        startedOn: new Date('2026-07-01T00:00:00Z'),
        source: 'OFFICER',
      },
    });

    const whole = await chair().officer.membership.timeline({ id, limit: 100 });
    const employment = whole.items.filter((entry) => entry.type.startsWith('employment-'));
    expect(
      employment.map((entry) => [
        entry.summaryKey,
        entry.occurredAt.toISOString().slice(0, 10),
        entry.params.employer,
      ]),
    ).toEqual([
      ['employment.started', '2026-07-01', college.name],
      ['employment.ended', '2026-06-30', school.name],
      ['employment.started', '2015-09-01', school.name],
    ]);
    expect(employment[1]?.params.reason).toBe('辞职');

    // One entry per page: every entry comes exactly once, in the same order, whichever
    // sources the page boundaries fall between.
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await chair().officer.membership.timeline({
        id,
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      keys.push(...page.items.map((entry) => entry.key));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(keys).toEqual(whole.items.map((entry) => entry.key));
  });

  it('refuses dates in the future: a spell’s start or end, a leaver’s last day', async () => {
    const school = await employer('第六中学', 'BJ-NO1-HS');
    const { id } = await member('BJ-NO1-HS', school.id);
    const [spell] = await chair().officer.employment.history({ memberId: id });
    if (!spell) throw new Error('no spell');
    const issues = (error: unknown) =>
      error instanceof Error && error.cause instanceof ZodError
        ? error.cause.issues.map((issue) => [issue.path.join('.'), issue.message])
        : error;
    const started = await chair()
      .officer.employment.update({
        id: spell.id,
        employerId: school.id,
        workplaceId: null,
        jobTitle: null,
        startedOn: '2999-09-01',
        endedOn: null,
        expectedVersion: 1,
      })
      .catch(issues);
    expect(started).toEqual([['startedOn', 'validation.dateInFuture']]);
    const ended = await chair()
      .officer.employment.end({ id: spell.id, endedOn: '2999-01-01', expectedVersion: 1 })
      .catch(issues);
    expect(ended).toEqual([['endedOn', 'validation.dateInFuture']]);
    await expect(
      chair().officer.employment.recordLeavers({
        employerId: school.id,
        leavers: [{ memberNumber: 'X', leftOn: '2999-01-01' }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await db.prisma.employmentRecord.findUniqueOrThrow({ where: { id: spell.id } }),
    ).toMatchObject({ version: 1, endedOn: null });
  });
});

import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import {
  beijingDate,
  DEFAULT_CASE_TYPES,
  roleGrant,
  stageDeadline,
  type TMemberStatus,
  type TRole,
} from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../context';
import { callerFor, personas, testStorageFor } from '../../testing/harness';
import { CASE_CALENDAR } from './case-support';
import { runDeadlineReminders } from './casework.jobs';
import { readCaseFile } from './files';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/** A 1×1 PNG. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const HTML = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');

function firstStage(code: string) {
  const stage = DEFAULT_CASE_TYPES.find((type) => type.code === code)?.stages[0];
  if (!stage) throw new Error(`no default type ${code}`);
  return stage;
}

describe.each(testDatabaseTargets())('casework on %s', (target) => {
  let db: TestDb;
  let people: Awaited<ReturnType<typeof personas>>;
  const unit = (code: string) => db.prisma.orgUnit.findUniqueOrThrow({ where: { code } });

  /** A member with a sign-in account, written directly. */
  async function member(code: string, name: string, status: TMemberStatus = 'ACTIVE') {
    const home = await unit(code);
    const id = randomUUID();
    const userId = randomUUID();
    await db.prisma.authUser.create({
      data: { id: userId, email: `${userId}@example.org`, name, kind: 'MEMBER' },
    });
    await db.prisma.member.create({
      data: {
        id,
        userId,
        orgUnitId: home.id,
        orgUnitPath: home.path,
        name,
        searchName: name,
        searchGrams: [...name],
        status,
      },
    });
    const actor: Actor = { type: 'MEMBER', id: userId, grants: [] };
    return { id, userId, actor, cases: () => callerFor(db, { actor }).member.cases };
  }

  /** An officer account with one role, as the API sees it and as the database holds it. */
  async function officer(code: string, role: TRole, name: string) {
    const home = await unit(code);
    const id = randomUUID();
    await db.prisma.authUser.create({
      data: { id, email: `${id}@example.org`, name, kind: 'OFFICER', twoFactorEnabled: true },
    });
    await db.prisma.roleGrant.create({ data: { userId: id, orgUnitId: home.id, role } });
    const actor: Actor = { type: 'OFFICER', id, grants: [roleGrant(role, home.path)] };
    return { id, actor, cases: () => callerFor(db, { actor }).officer.cases };
  }

  let teacher: Awaited<ReturnType<typeof member>>;
  let professor: Awaited<ReturnType<typeof member>>;
  let worker: Awaited<ReturnType<typeof member>>;
  let schoolCaseworker: Awaited<ReturnType<typeof officer>>;
  let eduCaseworker: Awaited<ReturnType<typeof officer>>;
  let eduChair: Awaited<ReturnType<typeof officer>>;
  let mechCaseworker: Awaited<ReturnType<typeof officer>>;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    people = await personas(db);
    teacher = await member('BJ-NO1-HS', '李老师');
    professor = await member('BJ-UNIV', '王教授');
    worker = await member('HX-STEEL', '钢铁工人');
    schoolCaseworker = await officer('BJ-NO1-HS', 'CASEWORKER', '中学干事');
    eduCaseworker = await officer('BJ-EDU', 'CASEWORKER', '教育干事');
    eduChair = await officer('BJ-EDU', 'UNIT_CHAIR', '教育主席');
    mechCaseworker = await officer('BJ-MECH', 'CASEWORKER', '机械干事');
  });
  afterAll(async () => {
    await db.dispose();
  });

  const version = async (id: string) =>
    (await db.prisma.memberCase.findUniqueOrThrow({ where: { id } })).version;
  const notificationsOf = (userId: string, template: string) =>
    db.prisma.notification.findMany({ where: { userId, template }, orderBy: { createdAt: 'asc' } });

  const wages = (id = randomUUID()) => ({
    id,
    kind: 'WORKPLACE_PROBLEM' as const,
    topic: 'WAGES_UNPAID' as const,
    title: '学校拖欠三个月绩效工资',
    narrative: '从八月起学校没有发放绩效工资，多次询问没有答复。',
  });

  it('opens one case per id, in the first stage with its deadline, for active members only', async () => {
    const request = wages();
    const before = new Date();
    const first = await teacher.cases().submit(request);
    const again = await teacher.cases().submit(request);
    expect(again.id).toBe(first.id);
    expect(await db.prisma.memberCase.count({ where: { id: request.id } })).toBe(1);
    expect(first).toMatchObject({
      kind: 'WORKPLACE_PROBLEM',
      topic: 'WAGES_UNPAID',
      status: 'OPEN',
      stage: { key: 'intake', name: '受理', terminal: false },
      assigneeName: null,
      narrative: request.narrative,
      overdue: false,
      events: [{ type: 'SUBMITTED' }],
    });
    expect(first.number).toMatch(/^\d{4}-\d{6}$/);
    expect([
      stageDeadline(CASE_CALENDAR, firstStage('RIGHTS'), before),
      stageDeadline(CASE_CALENDAR, firstStage('RIGHTS'), new Date()),
    ]).toContain(first.deadline);

    // The id is the member's: someone else sending it learns nothing and makes nothing.
    await expect(professor.cases().submit(request)).rejects.toMatchObject({ appCode: 'CONFLICT' });
    // Applicants cannot submit yet; a problem at work needs a topic.
    const applicant = await member('BJ-NO1-HS', '申请人', 'APPLICANT');
    await expect(applicant.cases().submit(wages())).rejects.toMatchObject({
      appCode: 'CASE_NOT_A_MEMBER',
    });
    await expect(teacher.cases().submit({ ...wages(), topic: null })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    // Case types were written to the root once, and numbers go up.
    expect(await db.prisma.caseType.count()).toBe(DEFAULT_CASE_TYPES.length);
    const second = await teacher.cases().submit({
      id: randomUUID(),
      kind: 'SUGGESTION',
      title: '建议增加教师休息室',
      narrative: '教学楼没有休息的地方。',
    });
    expect(second.stage.key).toBe('intake');
    expect(Number(second.number.slice(5))).toBe(Number(first.number.slice(5)) + 1);
    expect((await teacher.cases().list()).map((item) => item.id)).toEqual([second.id, first.id]);
    expect(await professor.cases().list()).toEqual([]);
    // Officers see each case with the member's others beside it.
    const officerView = await schoolCaseworker.cases().get({ id: first.id });
    expect(officerView.otherCases.map((other) => other.id)).toEqual([second.id]);
    await expect(professor.cases().get({ id: first.id })).rejects.toMatchObject({
      appCode: 'NOT_FOUND',
    });
  });

  it('handles a case from assignment to closing, telling the member at each step', async () => {
    const opened = await teacher.cases().submit(wages());
    const id = opened.id;
    const school = schoolCaseworker.cases();

    // Only officers who may handle the unit's cases can be assigned.
    await expect(
      school.assign({ id, expectedVersion: 1, assigneeId: mechCaseworker.id }),
    ).rejects.toMatchObject({ appCode: 'CASE_ASSIGNEE_INVALID' });
    await expect(
      school.assign({ id, expectedVersion: 1, assigneeId: teacher.userId }),
    ).rejects.toMatchObject({ appCode: 'CASE_ASSIGNEE_INVALID' });
    const assigned = await school.assign({
      id,
      expectedVersion: 1,
      assigneeId: schoolCaseworker.id,
    });
    expect(assigned.version).toBe(2);
    expect((await teacher.cases().get({ id })).assigneeName).toBe('中学干事');
    // Taking a case on oneself tells nobody; being given one by a colleague does.
    expect(await notificationsOf(schoolCaseworker.id, 'case.assigned')).toHaveLength(0);

    await expect(school.advance({ id, expectedVersion: 1 })).rejects.toMatchObject({
      appCode: 'VERSION_CONFLICT',
    });
    await expect(
      school.advance({ id, expectedVersion: 2, toStage: 'closed' }),
    ).rejects.toMatchObject({ appCode: 'CASE_STAGE_MOVE' });
    const advanced = await school.advance({ id, expectedVersion: 2, note: '已联系校方' });
    let detail = await school.get({ id });
    expect(detail.stage.key).toBe('investigation');
    expect(detail.deadline).toBe(
      stageDeadline(
        CASE_CALENDAR,
        { limit: { amount: 10, unit: 'working_days' } },
        detail.stageEnteredAt,
      ),
    );
    expect(detail.notes.map((note) => note.body)).toEqual(['已联系校方']);
    expect(await notificationsOf(teacher.userId, 'case.stage-changed')).toHaveLength(1);

    // Backwards is refused; an agreed extension moves the deadline on.
    await expect(
      school.advance({ id, expectedVersion: advanced.version, toStage: 'intake' }),
    ).rejects.toMatchObject({ appCode: 'CASE_STAGE_MOVE' });
    const extended = await school.extendDeadline({
      id,
      expectedVersion: advanced.version,
      extension: { amount: 5, unit: 'working_days' },
      reason: '会员同意等待校方财务核算',
    });
    detail = await school.get({ id });
    expect(detail.deadline).toBe(
      stageDeadline(
        CASE_CALENDAR,
        { limit: { amount: 10, unit: 'working_days' } },
        detail.stageEnteredAt,
        [{ amount: 5, unit: 'working_days' }],
      ),
    );

    // Messages both ways; notes and callbacks stay internal.
    await school.sendMessage({ caseId: id, body: '您好，我们已开始调查。' });
    await teacher.cases().sendMessage({ caseId: id, body: '谢谢，我补充一份工资条。' });
    await school.addNote({ caseId: id, body: '校长答应下周答复' });
    expect(await notificationsOf(teacher.userId, 'case.message')).toHaveLength(1);
    const seen = await teacher.cases().get({ id });
    expect(seen.messages.map((message) => [message.from, message.authorName])).toEqual([
      ['OFFICER', '中学干事'],
      ['MEMBER', null],
    ]);
    expect(seen.events.map((event) => event.type)).not.toContain('NOTE_ADDED');
    expect(JSON.stringify(seen)).not.toContain('校长答应下周答复');
    expect(JSON.stringify(seen)).not.toContain('会员同意等待');

    // Closing needs a callback that reached the member.
    const close = (expectedVersion: number) =>
      school.close({
        id,
        expectedVersion,
        outcome: 'WON',
        closingNote: '学校已补发全部绩效工资。',
      });
    await expect(close(extended.version)).rejects.toMatchObject({
      appCode: 'CASE_CALLBACK_REQUIRED',
    });
    await school.recordCallback({ caseId: id, reached: false, note: '电话未接通' });
    await expect(close(extended.version)).rejects.toMatchObject({
      appCode: 'CASE_CALLBACK_REQUIRED',
    });
    await school.recordCallback({ caseId: id, reached: true, note: '会员确认已到账' });
    await close(extended.version);

    const closed = await teacher.cases().get({ id });
    expect(closed).toMatchObject({
      status: 'CLOSED',
      outcome: 'WON',
      stage: { key: 'closed', terminal: true },
      deadline: null,
      closingNote: '学校已补发全部绩效工资。',
    });
    expect(closed.events.map((event) => event.type)).toEqual([
      'SUBMITTED',
      'ASSIGNED',
      'STAGE_CHANGED',
      'DEADLINE_EXTENDED',
      'MESSAGE_TO_MEMBER',
      'MESSAGE_FROM_MEMBER',
      'CLOSED',
    ]);
    expect(await notificationsOf(teacher.userId, 'case.closed')).toHaveLength(1);
    await expect(school.advance({ id, expectedVersion: await version(id) })).rejects.toMatchObject({
      appCode: 'CASE_STATE',
    });

    // Rated once.
    const rated = await teacher.cases().rate({ id, rating: 5, comment: '非常感谢' });
    expect(rated).toMatchObject({ rating: 5, ratingComment: '非常感谢' });
    await expect(teacher.cases().rate({ id, rating: 1 })).rejects.toMatchObject({
      appCode: 'CASE_STATE',
    });

    // Every event is on the member's timeline in the console, without internal texts.
    const timeline = await callerFor(db, { actor: people.unionAdmin }).officer.membership.timeline({
      id: teacher.id,
      limit: 100,
    });
    const caseEntries = timeline.items.filter(
      (item) => item.type === 'case' && item.params.number === opened.number,
    );
    expect(caseEntries.map((item) => item.summaryKey)).toContain('case.CLOSED');
    expect(caseEntries.map((item) => item.summaryKey)).toContain('case.CALLBACK');
    expect(JSON.stringify(caseEntries)).not.toContain('会员确认已到账');

    const actions = await db.prisma.auditEvent.findMany({
      where: { targetId: id },
      orderBy: { seq: 'asc' },
      select: { action: true },
    });
    expect(actions.map((row) => row.action)).toEqual([
      'case.open',
      'case.assign',
      'case.advance',
      'case.extend-deadline',
      'case.message',
      'case.message',
      'case.note',
      'case.callback',
      'case.callback',
      'case.close',
      'case.rate',
    ]);
  });

  it('keeps confidential narratives encrypted, shown to the assignee and the chair, reads audited', async () => {
    const request = {
      ...wages(),
      topic: 'DISCRIMINATION' as const,
      title: '遭受性别歧视',
      narrative: '主任在评职称时明确说不考虑女老师。',
      confidential: true,
    };
    const opened = await professor.cases().submit(request);
    expect(opened.narrative).toBe(request.narrative);
    const stored = await db.prisma.memberCase.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.narrative).toBeNull();
    expect(stored.narrativeCipher).not.toContain('女老师');

    const reads = () =>
      db.prisma.auditEvent.count({
        where: { targetId: request.id, action: 'case.narrative.read' },
      });
    const byCaseworker = await eduCaseworker.cases().get({ id: request.id });
    expect(byCaseworker).toMatchObject({ narrative: null, narrativeHidden: true });
    expect(await reads()).toBe(0);

    const byChair = await eduChair.cases().get({ id: request.id });
    expect(byChair).toMatchObject({ narrative: request.narrative, narrativeHidden: false });
    expect(await reads()).toBe(1);

    await eduChair
      .cases()
      .assign({ id: request.id, expectedVersion: 1, assigneeId: eduCaseworker.id });
    expect(await notificationsOf(eduCaseworker.id, 'case.assigned')).toHaveLength(1);
    const byAssignee = await eduCaseworker.cases().get({ id: request.id });
    expect(byAssignee.narrative).toBe(request.narrative);
    expect(await reads()).toBe(2);
    // An auditor reads the case, never the confidential narrative.
    expect(
      await callerFor(db, { actor: people.auditor }).officer.cases.get({ id: request.id }),
    ).toMatchObject({ narrative: null, narrativeHidden: true, readOnly: true });
  });

  it('dispatches up and down the tree; the sending unit keeps sight and sees the outcome', async () => {
    const opened = await teacher.cases().submit(wages());
    const id = opened.id;
    const school = schoolCaseworker.cases();
    const [edu, univ, mech] = await Promise.all([unit('BJ-EDU'), unit('BJ-UNIV'), unit('BJ-MECH')]);

    await expect(
      eduCaseworker.cases().dispatch({ id, expectedVersion: 1, orgUnitId: univ.id, reason: '转' }),
    ).rejects.toMatchObject({ appCode: 'CASE_DISPATCH_TARGET' });
    await expect(
      school.dispatch({ id, expectedVersion: 1, orgUnitId: mech.id, reason: '转' }),
    ).rejects.toMatchObject({ appCode: 'NOT_FOUND' });

    await school.assign({ id, expectedVersion: 1, assigneeId: schoolCaseworker.id });
    await school.dispatch({
      id,
      expectedVersion: 2,
      orgUnitId: edu.id,
      reason: '涉及全区绩效政策，需上级工会协调',
    });
    const held = await db.prisma.memberCase.findUniqueOrThrow({ where: { id } });
    expect(held).toMatchObject({ orgUnitId: edu.id, assigneeId: null });

    // The school reads it (read-only) and finds it in its inbox, but cannot act on it.
    const sight = await school.get({ id });
    expect(sight).toMatchObject({ readOnly: true, watchers: [{ name: '滨江市第一中学工会' }] });
    expect((await school.inbox({})).items.map((item) => item.id)).toContain(id);
    await expect(school.advance({ id, expectedVersion: 3 })).rejects.toMatchObject({
      appCode: 'NOT_FOUND',
    });

    await eduCaseworker.cases().recordCallback({ caseId: id, reached: true, note: '已回访' });
    await eduCaseworker.cases().close({
      id,
      expectedVersion: 3,
      outcome: 'SETTLED',
      closingNote: '教育局统一补发。',
    });
    expect((await school.get({ id })).outcome).toBe('SETTLED');
    expect((await school.inbox({ status: 'CLOSED' })).items.map((item) => item.id)).toContain(id);
  });

  it('filters the inbox, pages it by keyset and lists the week’s deadlines', async () => {
    const edu = eduCaseworker.cases();
    const consult = await professor.cases().submit({
      id: randomUUID(),
      kind: 'LEGAL_CONSULTATION',
      title: '劳动合同续签咨询',
      narrative: '合同到期学校要求签两年，可以要求无固定期限吗？',
    });
    const overdue = await professor.cases().submit({ ...wages(), title: '超期的诉求' });
    await db.prisma.memberCase.update({
      where: { id: overdue.id },
      data: { deadline: new Date('2020-01-06T00:00:00Z') },
    });

    const ids = async (input: Parameters<typeof edu.inbox>[0]) =>
      (await edu.inbox(input)).items.map((item) => item.id);
    expect(await ids({ kind: 'LEGAL_CONSULTATION' })).toEqual([consult.id]);
    expect(await ids({ overdue: true })).toEqual([overdue.id]);
    expect(await ids({ orgUnitId: (await unit('BJ-UNIV')).id })).toEqual(
      expect.arrayContaining([consult.id, overdue.id]),
    );
    expect(await ids({ orgUnitId: (await unit('BJ-NO1-HS')).id })).not.toContain(consult.id);
    expect(await ids({ unassigned: true, stage: 'intake' })).toContain(consult.id);
    expect(await ids({ assigneeId: eduCaseworker.id })).not.toContain(consult.id);
    // Another union's cases never show; its officers see none of these.
    await worker.cases().submit({ ...wages(), title: '钢厂欠薪' });
    expect(await ids({})).not.toContain(
      (await db.prisma.memberCase.findFirstOrThrow({ where: { title: '钢厂欠薪' } })).id,
    );
    expect(await mechCaseworker.cases().inbox({})).toMatchObject({
      items: [{ title: '钢厂欠薪' }],
    });

    // Keyset pages: every open case once, newest first.
    const all = await ids({ limit: 100 });
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await edu.inbox({ limit: 2, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
    await expect(edu.inbox({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
      appCode: 'VALIDATION_FAILED',
    });

    const week = await edu.dueThisWeek();
    expect(week.items[0]).toMatchObject({ id: overdue.id, overdue: true });
    for (const item of week.items) expect(item.deadline && item.deadline <= week.to).toBe(true);
    expect(week.from <= beijingDate(new Date()) && beijingDate(new Date()) <= week.to).toBe(true);
  });

  it('takes photos and documents checked by content, stored outside the rows', async () => {
    const opened = await teacher.cases().submit(wages());
    const added = await teacher
      .cases()
      .addAttachment({ caseId: opened.id, fileName: '工资条.png', file: PNG });
    expect(added).toMatchObject({
      contentType: 'image/png',
      addedBy: 'MEMBER',
      size: Buffer.from(PNG, 'base64').byteLength,
    });
    const row = await db.prisma.caseAttachment.findUniqueOrThrow({ where: { id: added.id } });
    expect(await testStorageFor(db).get(row.storageKey)).toMatchObject({
      contentType: 'image/png',
    });
    await expect(
      teacher.cases().addAttachment({ caseId: opened.id, fileName: 'photo.png', file: HTML }),
    ).rejects.toMatchObject({ appCode: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    await expect(
      professor.cases().addAttachment({ caseId: opened.id, fileName: 'a.png', file: PNG }),
    ).rejects.toMatchObject({ appCode: 'NOT_FOUND' });
    expect((await schoolCaseworker.cases().get({ id: opened.id })).attachments).toHaveLength(1);
  });

  it('serves case files to the member and officers who may read the case, every read audited', async () => {
    const storage = testStorageFor(db);
    const read = (actor: Actor, id: string) =>
      readCaseFile({ db, storage }, actor, 'test-request', id);
    const open = await teacher.cases().submit(wages());
    const plain = await teacher
      .cases()
      .addAttachment({ caseId: open.id, fileName: '工资条.png', file: PNG });
    expect(await read(teacher.actor, plain.id)).toMatchObject({
      contentType: 'image/png',
      fileName: '工资条.png',
    });
    expect(await read(schoolCaseworker.actor, plain.id)).not.toBeNull();
    expect(await read(professor.actor, plain.id)).toBeNull();
    expect(await read(mechCaseworker.actor, plain.id)).toBeNull();
    expect(await read(people.anonymous, plain.id)).toBeNull();
    expect(await read(teacher.actor, randomUUID())).toBeNull();

    const secret = await teacher.cases().submit({ ...wages(), confidential: true });
    const evidence = await teacher
      .cases()
      .addAttachment({ caseId: secret.id, fileName: '录音截图.png', file: PNG });
    expect(await read(schoolCaseworker.actor, evidence.id)).toBeNull();
    expect(await read(eduChair.actor, evidence.id)).not.toBeNull();
    expect(await read(teacher.actor, evidence.id)).not.toBeNull();
    const reads = await db.prisma.auditEvent.findMany({
      where: { action: 'case.file.read', targetId: { in: [open.id, secret.id] } },
      select: { actorId: true, targetId: true },
    });
    expect(reads).toHaveLength(4);
  });

  it('lets a unit configure its own case type, inherited below it, without stranding open cases', async () => {
    const [edu, univ, school] = await Promise.all([
      unit('BJ-EDU'),
      unit('BJ-UNIV'),
      unit('BJ-NO1-HS'),
    ]);
    const admin = callerFor(db, { actor: people.unionAdmin }).officer.caseTypes;
    const inherited = await admin.list({ orgUnitId: univ.id });
    expect(
      inherited
        .filter((type) => type.effective)
        .map((type) => type.code)
        .sort(),
    ).toEqual(['LEGAL', 'MEDIATION', 'RIGHTS', 'SUGGESTION']);
    expect(inherited.every((type) => type.inherited)).toBe(true);

    const definition = {
      code: 'EDU_LEGAL',
      name: '教师法律咨询',
      nameEn: 'Teachers’ legal advice',
      kinds: ['LEGAL_CONSULTATION' as const],
      stages: [
        {
          key: 'intake',
          name: '受理',
          nameEn: 'Intake',
          limit: { amount: 1, unit: 'working_days' as const },
          terminal: false,
        },
        {
          key: 'lawyer',
          name: '律师解答',
          nameEn: 'Lawyer',
          limit: { amount: 3, unit: 'working_days' as const },
          terminal: false,
        },
        { key: 'closed', name: '办结', nameEn: 'Closed', limit: null, terminal: true },
      ],
    };
    const saved = await admin.save({ orgUnitId: edu.id, definition });
    expect(saved.find((type) => type.code === 'EDU_LEGAL')).toMatchObject({
      effective: true,
      inherited: false,
      version: 1,
    });
    expect(saved.find((type) => type.code === 'LEGAL')?.effective).toBe(false);
    // Units below inherit it: a legal question at the university now goes through it.
    const asked = await professor.cases().submit({
      id: randomUUID(),
      kind: 'LEGAL_CONSULTATION',
      title: '职称评审程序咨询',
      narrative: '评审没有公示结果，可以申请复核吗？',
    });
    const row = await db.prisma.memberCase.findUniqueOrThrow({
      where: { id: asked.id },
      select: { caseType: { select: { code: true } } },
    });
    expect(row.caseType.code).toBe('EDU_LEGAL');
    await eduCaseworker.cases().advance({ id: asked.id, expectedVersion: 1, toStage: 'lawyer' });

    // The stage an open case is in cannot go; the version must be current.
    const without = { ...definition, stages: definition.stages.filter((s) => s.key !== 'lawyer') };
    await expect(
      admin.save({ orgUnitId: edu.id, definition: without, expectedVersion: 1 }),
    ).rejects.toMatchObject({ appCode: 'CASE_TYPE_STAGE_IN_USE' });
    await expect(
      admin.save({ orgUnitId: edu.id, definition, expectedVersion: 7 }),
    ).rejects.toMatchObject({ appCode: 'VERSION_CONFLICT' });
    await expect(admin.save({ orgUnitId: edu.id, definition })).rejects.toMatchObject({
      appCode: 'CONFLICT',
    });
    // One active type per kind on a unit.
    await expect(
      admin.save({ orgUnitId: edu.id, definition: { ...definition, code: 'EDU_LEGAL_2' } }),
    ).rejects.toMatchObject({ appCode: 'CONFLICT' });
    // Switched off, the inherited default applies again; the school never saw the change.
    await admin.save({ orgUnitId: edu.id, definition, active: false, expectedVersion: 1 });
    expect(
      (await admin.list({ orgUnitId: school.id })).find((type) => type.code === 'LEGAL')?.effective,
    ).toBe(true);
    // Caseworkers do not configure.
    await expect(
      callerFor(db, { actor: people.caseworker }).officer.caseTypes.list({ orgUnitId: edu.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets a hotline open cases through a token with case.handle, once per id', async () => {
    const edu = await unit('BJ-EDU');
    const hotline: Actor = {
      type: 'INTEGRATOR',
      id: 'token-hotline',
      grants: [{ permissions: ['case.read', 'case.handle'], orgUnitPath: edu.path }],
    };
    const cases = callerFor(db, { actor: hotline }).officer.cases;
    const request = {
      id: randomUUID(),
      memberId: professor.id,
      kind: 'MEDIATION' as const,
      title: '与学院的课时费争议',
      narrative: '来电：课时费标准争议，请求工会调解。',
    };
    const created = await cases.create(request);
    expect(await cases.create(request)).toEqual(created);
    expect(await cases.get({ id: request.id })).toMatchObject({
      channel: 'HOTLINE',
      kind: 'MEDIATION',
      stage: { key: 'intake' },
      member: { id: professor.id },
    });
    await expect(
      cases.create({ ...request, id: randomUUID(), memberId: worker.id }),
    ).rejects.toMatchObject({ appCode: 'NOT_FOUND' });
  });

  it('reminds the assignee a working day ahead and escalates to the chair once it passes, once each', async () => {
    const soon = await professor.cases().submit(wages());
    const late = await professor.cases().submit(wages());
    await eduCaseworker
      .cases()
      .assign({ id: soon.id, expectedVersion: 1, assigneeId: eduCaseworker.id });
    // 09:00 in Beijing on Wednesday 30 September 2026: the deadline of Thursday 8 October is a
    // working day away (1–7 October are off); 29 September has passed.
    const now = new Date('2026-09-30T01:00:00Z');
    await db.prisma.memberCase.update({
      where: { id: soon.id },
      data: { deadline: new Date('2026-10-08T00:00:00Z') },
    });
    await db.prisma.memberCase.update({
      where: { id: late.id },
      data: { deadline: new Date('2026-09-29T00:00:00Z') },
    });
    // Keep other tests' cases out of this run's way: only these two have deadlines that close.
    await runDeadlineReminders(db.prisma, now);
    await runDeadlineReminders(db.prisma, now);
    await runDeadlineReminders(db.prisma, new Date('2026-10-02T01:00:00Z'));

    const reminders = await notificationsOf(eduCaseworker.id, 'case.deadline-soon');
    expect(reminders.filter((row) => row.key.includes(soon.id))).toHaveLength(1);
    const escalations = await notificationsOf(eduChair.id, 'case.deadline-passed');
    expect(escalations.filter((row) => row.key.includes(late.id))).toHaveLength(1);
    expect(escalations.filter((row) => row.key.includes(soon.id))).toHaveLength(0);

    const events = await db.prisma.caseEvent.findMany({
      where: { caseId: { in: [soon.id, late.id] }, actorType: 'SYSTEM' },
      select: { caseId: true, type: true, memberVisible: true },
    });
    expect(events).toEqual(
      expect.arrayContaining([
        { caseId: soon.id, type: 'DEADLINE_REMINDED', memberVisible: false },
        { caseId: late.id, type: 'DEADLINE_ESCALATED', memberVisible: false },
      ]),
    );
    expect(events).toHaveLength(2);

    // An extension brings a new deadline, which is reminded afresh.
    await eduCaseworker.cases().extendDeadline({
      id: soon.id,
      expectedVersion: await version(soon.id),
      extension: { amount: 1, unit: 'working_days' },
      reason: '会员同意',
    });
    const extended = await db.prisma.memberCase.findUniqueOrThrow({ where: { id: soon.id } });
    expect(extended.remindedFor?.toISOString().slice(0, 10)).toBe('2026-10-08');
  });
});

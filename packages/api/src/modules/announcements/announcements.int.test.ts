import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { announcementFileUrl, type TMemberStatus } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../context';
import { callerFor, personas, testJobsFor, testStorageFor } from '../../testing/harness';
import { readAnnouncementFile } from './files';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/** A 1×1 PNG. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
const HTML = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');

describe.each(testDatabaseTargets())('announcements on %s', (target) => {
  let db: TestDb;
  let people: Awaited<ReturnType<typeof personas>>;
  const unit = (code: string) => db.prisma.orgUnit.findUniqueOrThrow({ where: { code } });

  /** A member with (or without) a sign-in account, written directly. */
  async function member(
    code: string,
    name: string,
    options: { tags?: string[]; status?: TMemberStatus; account?: boolean } = {},
  ): Promise<{ id: string; actor: Actor; userId: string | null }> {
    const home = await unit(code);
    const id = randomUUID();
    const userId = options.account === false ? null : randomUUID();
    if (userId) {
      await db.prisma.authUser.create({
        data: { id: userId, email: `${userId}@example.org`, name, kind: 'MEMBER' },
      });
    }
    await db.prisma.member.create({
      data: {
        id,
        userId,
        orgUnitId: home.id,
        orgUnitPath: home.path,
        name,
        searchName: name,
        searchGrams: [...name],
        status: options.status ?? 'ACTIVE',
        tags: options.tags ?? [],
      },
    });
    return { id, userId, actor: { type: 'MEMBER', id: userId, grants: [] } };
  }

  let school: Awaited<ReturnType<typeof member>>;
  let youngTeacher: Awaited<ReturnType<typeof member>>;
  let university: Awaited<ReturnType<typeof member>>;
  let applicant: Awaited<ReturnType<typeof member>>;
  let steel: Awaited<ReturnType<typeof member>>;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    people = await personas(db);
    school = await member('BJ-NO1-HS', '中学甲');
    youngTeacher = await member('BJ-NO1-HS', '青年乙', { tags: ['青年'] });
    university = await member('BJ-UNIV', '大学丙', { tags: ['青年'] });
    // Active, in the union, but without a sign-in account: a recipient who cannot be told.
    await member('BJ-UNIV', '无账号丁', { account: false });
    applicant = await member('BJ-NO1-HS', '申请戊', { status: 'APPLICANT' });
    steel = await member('HX-STEEL', '钢铁己', { tags: ['青年'] });
  });
  afterAll(async () => {
    await db.dispose();
  });

  const officer = () => callerFor(db, { actor: people.unionAdmin });
  const asMember = (who: { actor: Actor }) =>
    callerFor(db, { actor: who.actor }).member.announcements;
  const titlesFor = async (who: { actor: Actor }) =>
    (await asMember(who).list({})).items.map((item) => item.title);
  const audit = (targetId: string) =>
    db.prisma.auditEvent.findMany({ where: { targetId }, orderBy: { seq: 'asc' } });

  it('writes a draft with a sanitised body, keeps versions and audits each change', async () => {
    const edu = await unit('BJ-EDU');
    const created = await officer().officer.announcements.create({
      title: ' 教师节慰问 ',
      bodyHtml:
        '<h1>慰问</h1><p onclick="steal()">各位老师<script>alert(1)</script> <a href="javascript:x()">链接</a></p><img src="https://tracker.example/p.gif">',
      orgUnitId: edu.id,
    });
    expect(created).toMatchObject({
      title: '教师节慰问',
      state: 'DRAFT',
      audience: 'UNIT',
      orgUnitName: edu.name,
      version: 1,
      bodyHtml:
        '<h2>慰问</h2><p>各位老师 <a rel="noopener noreferrer" target="_blank">链接</a></p>',
      excerpt: '慰问 各位老师 链接',
    });
    const updated = await officer().officer.announcements.update({
      id: created.id,
      expectedVersion: 1,
      bodyHtml: '<p>节日快乐</p>',
    });
    expect(updated).toMatchObject({ version: 2, bodyHtml: '<p>节日快乐</p>' });
    await expect(
      officer().officer.announcements.update({ id: created.id, expectedVersion: 1, title: '旧' }),
    ).rejects.toMatchObject({ appCode: 'VERSION_CONFLICT' });
    expect((await audit(created.id)).map((row) => row.action)).toEqual([
      'announcement.create',
      'announcement.update',
    ]);
    // Members never see drafts.
    expect(await titlesFor(school)).not.toContain('教师节慰问');
  });

  it('publishes for a union: its grassroots units’ active members are told once, and read it', async () => {
    const edu = await unit('BJ-EDU');
    const draft = await officer().officer.announcements.create({
      title: '工会换届通知',
      bodyHtml: '<p>请各基层工会做好准备。</p>',
      orgUnitId: edu.id,
    });
    const published = await officer().officer.announcements.publish({
      id: draft.id,
      expectedVersion: draft.version,
    });
    expect(published).toMatchObject({ state: 'PUBLISHED', version: 2 });
    expect(published.publishedAt).toBeInstanceOf(Date);

    await testJobsFor(db).drain();
    await testJobsFor(db).drain();
    const told = await db.prisma.announcementDelivery.findMany({
      where: { announcementId: draft.id },
      select: { userId: true },
    });
    expect(told.map((row) => row.userId).sort()).toEqual(
      [school.userId, youngTeacher.userId, university.userId].sort(),
    );
    // Each of them has it in their notification centre, linking to it, under union news.
    const notified = await db.prisma.notification.findMany({
      where: { key: `announcement:${draft.id}` },
      select: { userId: true, category: true, template: true, link: true, params: true },
    });
    expect(notified.map((row) => row.userId).sort()).toEqual(told.map((row) => row.userId).sort());
    for (const row of notified) {
      expect(row).toMatchObject({
        category: 'union_news',
        template: 'announcement.published',
        link: `/news/${draft.id}`,
        params: { title: '工会换届通知', unitName: edu.name, excerpt: '请各基层工会做好准备。' },
      });
    }
    // Recipients include the active member without an account, who cannot be told in the app.
    expect(await officer().officer.announcements.reach({ id: draft.id })).toMatchObject({
      recipients: 4,
      delivered: 3,
      opened: 0,
    });

    expect(await titlesFor(school)).toContain('工会换届通知');
    expect(await titlesFor(university)).toContain('工会换届通知');
    expect(await titlesFor(steel)).not.toContain('工会换届通知');
    expect(await titlesFor(applicant)).toEqual([]);
    await expect(asMember(steel).get({ id: draft.id })).rejects.toMatchObject({
      appCode: 'NOT_FOUND',
    });

    const read = await asMember(school).get({ id: draft.id });
    expect(read).toMatchObject({ title: '工会换届通知', opened: false, orgUnitName: edu.name });
    const first = await asMember(school).markOpened({ id: draft.id });
    const second = await asMember(school).markOpened({ id: draft.id });
    expect(second.openedAt).toEqual(first.openedAt);
    expect((await asMember(school).get({ id: draft.id })).opened).toBe(true);
    expect(await officer().officer.announcements.reach({ id: draft.id })).toMatchObject({
      delivered: 3,
      opened: 1,
    });
    const rows = await audit(draft.id);
    expect(rows.at(-1)).toMatchObject({
      action: 'announcement.publish',
      actorType: 'OFFICER',
      actorId: people.unionAdmin.id,
      orgUnitId: edu.id,
    });
  });

  it('targets a segment: only the members it selects inside the unit are told and see it', async () => {
    const edu = await unit('BJ-EDU');
    const segment = await officer().officer.segments.create({
      name: '青年会员',
      orgUnitId: edu.id,
      filters: { tag: '青年' },
    });
    const schoolUnit = await unit('BJ-NO1-HS');
    const draft = await officer().officer.announcements.create({
      title: '青年联谊会',
      orgUnitId: schoolUnit.id,
      segmentId: segment.id,
    });
    expect(draft).toMatchObject({ audience: 'SEGMENT', segmentName: '青年会员' });
    await officer().officer.announcements.publish({ id: draft.id, expectedVersion: 1 });
    await testJobsFor(db).drain();

    const told = await db.prisma.announcementDelivery.findMany({
      where: { announcementId: draft.id },
    });
    // The young university member is in the segment but not in the school's subtree.
    expect(told.map((row) => row.userId)).toEqual([youngTeacher.userId]);
    expect(await titlesFor(youngTeacher)).toContain('青年联谊会');
    expect(await titlesFor(university)).not.toContain('青年联谊会');
    expect(await titlesFor(school)).not.toContain('青年联谊会');
    expect((await officer().officer.announcements.reach({ id: draft.id })).recipients).toBe(1);
  });

  it('refuses a segment of a sister union, and one outside the scope, as such', async () => {
    const mech = await unit('BJ-MECH');
    const outside = await db.prisma.memberSegment.create({
      data: { name: '机械青年', orgUnitId: mech.id, filters: { tag: '青年' } },
    });
    const edu = await unit('BJ-EDU');
    await expect(
      officer().officer.announcements.create({
        title: '越权',
        orgUnitId: edu.id,
        segmentId: outside.id,
      }),
    ).rejects.toMatchObject({ appCode: 'NOT_FOUND' });
    const federation = callerFor(db, { actor: people.federationAdmin });
    await expect(
      federation.officer.announcements.create({
        title: '不相干',
        orgUnitId: edu.id,
        segmentId: outside.id,
      }),
    ).rejects.toMatchObject({ appCode: 'VALIDATION_FAILED' });
  });

  it('publishes a scheduled announcement once, at its time, and not at a time it no longer has', async () => {
    const edu = await unit('BJ-EDU');
    const draft = await officer().officer.announcements.create({
      title: '定时公告',
      orgUnitId: edu.id,
    });
    const inAnHour = new Date(Date.now() + 3600_000);
    const scheduled = await officer().officer.announcements.publish({
      id: draft.id,
      expectedVersion: 1,
      publishAt: inAnHour,
    });
    expect(scheduled).toMatchObject({ state: 'SCHEDULED', publishAt: inAnHour });
    // Moved to two hours: the first event stays in the outbox, for a time it no longer has.
    const inTwoHours = new Date(Date.now() + 7200_000);
    await officer().officer.announcements.publish({
      id: draft.id,
      expectedVersion: 2,
      publishAt: inTwoHours,
    });

    await testJobsFor(db).drain();
    expect(await titlesFor(school)).not.toContain('定时公告');
    const state = async () =>
      (await db.prisma.announcement.findUniqueOrThrow({ where: { id: draft.id } })).state;
    expect(await state()).toBe('SCHEDULED');

    // The first hour passes: its event runs and changes nothing.
    await makeDue('announcement.publish-due', inAnHour);
    await testJobsFor(db).drain();
    expect(await state()).toBe('SCHEDULED');

    // The second hour passes.
    await makeDue('announcement.publish-due', inTwoHours);
    await testJobsFor(db).drain();
    await testJobsFor(db).drain();
    expect(await state()).toBe('PUBLISHED');
    expect(await titlesFor(school)).toContain('定时公告');
    const publications = (await audit(draft.id)).filter(
      (row) => row.action === 'announcement.publish',
    );
    expect(publications).toHaveLength(1);
    expect(publications[0]).toMatchObject({ actorType: 'SYSTEM', orgUnitId: edu.id });
    expect(
      await db.prisma.announcementDelivery.count({ where: { announcementId: draft.id } }),
    ).toBe(3);

    // The same event delivered again (a crash after the commit, a pg-boss retry) does nothing.
    await db.prisma.outboxEvent.updateMany({
      where: {
        type: 'announcement.publish-due',
        payload: { path: ['announcementId'], equals: draft.id },
      },
      data: { status: 'pending', handled: [], availableAt: new Date(Date.now() - 1000) },
    });
    await testJobsFor(db).drain();
    expect(
      (await audit(draft.id)).filter((row) => row.action === 'announcement.publish'),
    ).toHaveLength(1);
  });

  /** Lets time pass for the events of `type` that wait for `at`. */
  async function makeDue(type: string, at: Date) {
    await db.prisma.outboxEvent.updateMany({
      where: { type, status: 'pending', availableAt: at },
      data: { availableAt: new Date(Date.now() - 1000) },
    });
  }

  it('withdraws: members no longer see it, and a scheduled one never goes out', async () => {
    const edu = await unit('BJ-EDU');
    const draft = await officer().officer.announcements.create({
      title: '撤回测试',
      orgUnitId: edu.id,
    });
    const published = await officer().officer.announcements.publish({
      id: draft.id,
      expectedVersion: 1,
    });
    await testJobsFor(db).drain();
    expect(await titlesFor(school)).toContain('撤回测试');
    expect(
      await db.prisma.notification.count({ where: { key: `announcement:${draft.id}` } }),
    ).toBeGreaterThan(0);
    const withdrawn = await officer().officer.announcements.withdraw({
      id: draft.id,
      expectedVersion: published.version,
    });
    expect(withdrawn).toMatchObject({ state: 'WITHDRAWN' });
    expect(await titlesFor(school)).not.toContain('撤回测试');
    // Its notices are gone from the centres too, so nothing still waiting is sent.
    expect(await db.prisma.notification.count({ where: { key: `announcement:${draft.id}` } })).toBe(
      0,
    );
    await expect(
      officer().officer.announcements.update({
        id: draft.id,
        expectedVersion: withdrawn.version,
        title: '再改',
      }),
    ).rejects.toMatchObject({ appCode: 'ANNOUNCEMENT_STATE' });
    expect((await audit(draft.id)).at(-1)).toMatchObject({ action: 'announcement.withdraw' });

    const later = await officer().officer.announcements.create({
      title: '取消的定时',
      orgUnitId: edu.id,
    });
    const at = new Date(Date.now() + 3600_000);
    const scheduled = await officer().officer.announcements.publish({
      id: later.id,
      expectedVersion: 1,
      publishAt: at,
    });
    await officer().officer.announcements.withdraw({
      id: later.id,
      expectedVersion: scheduled.version,
    });
    await makeDue('announcement.publish-due', at);
    await testJobsFor(db).drain();
    const row = await db.prisma.announcement.findUniqueOrThrow({ where: { id: later.id } });
    expect(row.state).toBe('WITHDRAWN');
    expect(
      await db.prisma.announcementDelivery.count({ where: { announcementId: later.id } }),
    ).toBe(0);
  });

  it('keeps the audience of a published announcement, and refuses a schedule in the past', async () => {
    const edu = await unit('BJ-EDU');
    const univ = await unit('BJ-UNIV');
    const draft = await officer().officer.announcements.create({
      title: '对象不变',
      orgUnitId: edu.id,
    });
    await expect(
      officer().officer.announcements.publish({
        id: draft.id,
        expectedVersion: 1,
        publishAt: new Date(Date.now() - 60_000),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const published = await officer().officer.announcements.publish({
      id: draft.id,
      expectedVersion: 1,
    });
    await expect(
      officer().officer.announcements.update({
        id: draft.id,
        expectedVersion: published.version,
        orgUnitId: univ.id,
      }),
    ).rejects.toMatchObject({ appCode: 'ANNOUNCEMENT_STATE' });
    // A correction of the text is fine.
    const corrected = await officer().officer.announcements.update({
      id: draft.id,
      expectedVersion: published.version,
      title: '对象不变（更正）',
    });
    expect(corrected).toMatchObject({ state: 'PUBLISHED', title: '对象不变（更正）' });
  });

  it('lists pinned announcements first for members, one page at a time', async () => {
    const all = async () => {
      const titles: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await asMember(school).list({ limit: 1, ...(cursor ? { cursor } : {}) });
        titles.push(...page.items.map((item) => item.title));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return titles;
    };
    const before = await all();
    expect(before).toEqual((await asMember(school).list({ limit: 50 })).items.map((i) => i.title));
    const oldest = await db.prisma.announcement.findFirstOrThrow({
      where: { title: '工会换届通知' },
    });
    await officer().officer.announcements.pin({
      id: oldest.id,
      expectedVersion: oldest.version,
      pinned: true,
    });
    const after = await all();
    expect(after[0]).toBe('工会换届通知');
    expect([...after].sort()).toEqual([...before].sort());
    await expect(asMember(school).list({ cursor: 'made-up' })).rejects.toMatchObject({
      appCode: 'VALIDATION_FAILED',
    });
  });

  it('stores images and files checked by their content, and serves them only to readers', async () => {
    const edu = await unit('BJ-EDU');
    const caller = officer().officer.announcements;
    const draft = await caller.create({ title: '带图公告', orgUnitId: edu.id });
    const image = await caller.uploadAttachment({
      announcementId: draft.id,
      fileName: '合影.PNG',
      file: PNG,
    });
    expect(image).toMatchObject({ kind: 'IMAGE', contentType: 'image/png', fileName: '合影.PNG' });
    expect(image.url).toBe(announcementFileUrl(image.id));
    const pdf = await caller.uploadAttachment({
      announcementId: draft.id,
      fileName: '通知.pdf',
      file: PDF,
    });
    expect(pdf).toMatchObject({ kind: 'FILE', contentType: 'application/pdf' });

    // By content, not by name: a page called .png, and a PDF called .png, are refused.
    await expect(
      caller.uploadAttachment({ announcementId: draft.id, fileName: 'photo.png', file: HTML }),
    ).rejects.toMatchObject({ appCode: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    await expect(
      caller.uploadAttachment({ announcementId: draft.id, fileName: 'photo.png', file: PDF }),
    ).rejects.toMatchObject({ appCode: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    expect(
      await db.prisma.announcementAttachment.count({ where: { announcementId: draft.id } }),
    ).toBe(2);
    expect(
      testStorageFor(db)
        .keys()
        .filter((key) => key.includes(draft.id)),
    ).toHaveLength(2);

    const withImage = await caller.update({
      id: draft.id,
      expectedVersion: 1,
      bodyHtml: `<p>活动照片</p><p><img src="${image.url}" alt="合影"></p>`,
    });
    expect(withImage.bodyHtml).toContain(`<img src="${image.url}" alt="合影" />`);

    const read = (actor: Actor, id: string) =>
      readAnnouncementFile({ prisma: db.prisma, storage: testStorageFor(db) }, actor, id);
    // Officers whose scope covers it read drafts' files; others, and members, do not yet.
    expect((await read(people.unionAdmin, image.id))?.contentType).toBe('image/png');
    expect(await read(people.caseworker, image.id)).toBeNull();
    const mechAdmin: Actor = {
      type: 'OFFICER',
      id: 'officer-mech',
      grants: [{ permissions: ['announcement.manage'], orgUnitPath: (await unit('BJ-MECH')).path }],
    };
    expect(await read(mechAdmin, image.id)).toBeNull();
    expect(await read(school.actor, image.id)).toBeNull();

    const published = await caller.publish({ id: draft.id, expectedVersion: withImage.version });
    const served = await read(school.actor, image.id);
    expect(served?.bytes).toEqual(new Uint8Array(Buffer.from(PNG, 'base64')));
    expect(await read(steel.actor, image.id)).toBeNull();
    expect(await read({ type: 'ANONYMOUS', id: null, grants: [] }, image.id)).toBeNull();
    const seen = await asMember(school).get({ id: draft.id });
    expect(seen.attachments.map((file) => file.fileName)).toEqual(['通知.pdf']);

    // Removing the image takes it out of the body too, as a new version.
    const removed = await caller.removeAttachment({ id: image.id });
    expect(removed.announcementVersion).toBe(published.version + 1);
    const after = await caller.get({ id: draft.id });
    expect(after.bodyHtml).toBe('<p>活动照片</p><p></p>');
    expect(await read(school.actor, image.id)).toBeNull();
    expect(
      testStorageFor(db)
        .keys()
        .filter((key) => key.includes(draft.id)),
    ).toHaveLength(1);
    expect((await audit(draft.id)).map((row) => row.action)).toEqual([
      'announcement.create',
      'announcement.attachment.add',
      'announcement.attachment.add',
      'announcement.update',
      'announcement.publish',
      'announcement.attachment.remove',
    ]);
  });

  it('keeps each officer inside their scope', async () => {
    const mech = await unit('BJ-MECH');
    const federation = callerFor(db, { actor: people.federationAdmin });
    const other = await federation.officer.announcements.create({
      title: '机械工会公告',
      orgUnitId: mech.id,
    });
    const edu = await officer().officer.announcements.list({});
    expect(edu.items.map((item) => item.title)).not.toContain('机械工会公告');
    expect(edu.items.every((item) => item.orgUnitName !== mech.name)).toBe(true);
    await expect(officer().officer.announcements.get({ id: other.id })).rejects.toMatchObject({
      appCode: 'NOT_FOUND',
    });
    const all = await federation.officer.announcements.list({ limit: 50 });
    expect(all.items.map((item) => item.title)).toContain('机械工会公告');
    // The chair of the education union may write announcements; a caseworker may not.
    await expect(
      callerFor(db, { actor: people.caseworker }).officer.announcements.list({}),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

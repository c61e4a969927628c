import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { CURRENT_CONSENT_VERSION, residentIdCheckCharacter } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../context';
import { callerFor, personas, testChannelsFor, testJobsFor } from '../../testing/harness';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

function residentId(birth: string, sequence: string): string {
  const first17 = `110105${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

describe.each(testDatabaseTargets())('the applicant is told the decision on %s', (target) => {
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

  async function apply(sequence: string) {
    const unit = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-NO1-HS' } });
    const input = {
      id: randomUUID(),
      name: '李娜',
      idDocument: { type: 'RESIDENT_ID' as const, number: residentId('19920202', sequence) },
      phone: `139 0000 0${sequence}`,
      email: `applicant${sequence}@example.org`,
      orgUnitId: unit.id,
      consentVersion: CURRENT_CONSENT_VERSION,
    };
    await callerFor(db).public.membership.applyToJoin(input);
    const member = await db.prisma.member.findUniqueOrThrow({ where: { id: input.id } });
    const applicant: Actor = { type: 'MEMBER', id: member.userId, grants: [] };
    return { id: input.id, email: input.email, applicant };
  }

  it('tells an approved applicant their member number, in the app at once and by email', async () => {
    const { id, email, applicant } = await apply('101');
    const approved = await callerFor(db, {
      actor: people.unitChair,
    }).officer.membership.changeStatus({ id, action: 'APPROVE', expectedVersion: 1 });
    const inbox = await callerFor(db, {
      actor: applicant,
      locale: 'zh-CN',
    }).member.notifications.list({});
    expect(inbox.items).toEqual([
      expect.objectContaining({
        category: 'account',
        title: '入会申请已通过',
        body: expect.stringContaining(approved.memberNumber ?? 'no number'),
        link: '/card',
        readAt: null,
      }),
    ]);
    await testJobsFor(db).drain();
    const mail = testChannelsFor(db).sentTo(email);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.channel === 'email' && mail[0].message.subject).toBe('入会申请已通过');
  });

  it('tells a rejected applicant the reason', async () => {
    const { id, applicant } = await apply('102');
    await callerFor(db, { actor: people.unitChair }).officer.membership.changeStatus({
      id,
      action: 'REJECT',
      reason: '所在单位不属于本工会',
      expectedVersion: 1,
    });
    const inbox = await callerFor(db, { actor: applicant, locale: 'en' }).member.notifications.list(
      {},
    );
    expect(inbox.items).toEqual([
      expect.objectContaining({
        title: 'Your application to join was not approved',
        body: expect.stringContaining('所在单位不属于本工会'),
        link: '/account',
      }),
    ]);
  });

  it('tells nobody about other status changes, or applicants without an account', async () => {
    const { id, applicant } = await apply('103');
    const chair = callerFor(db, { actor: people.unitChair });
    await chair.officer.membership.changeStatus({ id, action: 'APPROVE', expectedVersion: 1 });
    await chair.officer.membership.changeStatus({
      id,
      action: 'SUSPEND',
      reason: '违纪',
      expectedVersion: 2,
    });
    expect(await callerFor(db, { actor: applicant }).member.notifications.unreadCount()).toEqual({
      count: 1,
    });

    const paper = await apply('104');
    await db.prisma.member.update({ where: { id: paper.id }, data: { userId: null } });
    const before = await db.prisma.notification.count();
    await chair.officer.membership.changeStatus({
      id: paper.id,
      action: 'APPROVE',
      expectedVersion: 1,
    });
    expect(await db.prisma.notification.count()).toBe(before);
  });
});

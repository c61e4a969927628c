import { randomUUID } from 'node:crypto';
import { seedDemoData, verifyAuditChain } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { CURRENT_CONSENT_VERSION, MASKED, residentIdCheckCharacter } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../context';
import { callerFor, personas } from '../../testing/harness';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseTargets())('merging duplicate records on %s', (target) => {
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

  let sequence = 300;
  function residentId(): string {
    sequence += 1;
    const first17 = `11010519880808${sequence}`;
    return first17 + residentIdCheckCharacter(first17);
  }

  /** Applies through the public API; returns the record id, its ID number and its account. */
  async function apply(name: string, options: { phone?: string; unit?: string } = {}) {
    const id = randomUUID();
    const idNumber = residentId();
    const email = `merge-${id}@example.org`;
    await callerFor(db).public.membership.applyToJoin({
      id,
      name,
      idDocument: { type: 'RESIDENT_ID', number: idNumber },
      phone: options.phone ?? '13812345678',
      email,
      orgUnitId: (await unit(options.unit ?? 'BJ-NO1-HS')).id,
      jobTitle: `${name}的岗位`,
      consentVersion: CURRENT_CONSENT_VERSION,
    });
    const account = await db.prisma.authUser.findUniqueOrThrow({ where: { email } });
    const actor: Actor = { type: 'MEMBER', id: account.id, grants: [] };
    return { id, idNumber, email, userId: account.id, actor };
  }
  const chair = () => callerFor(db, { actor: people.unitChair });
  const admin = () => callerFor(db, { actor: people.federationAdmin });
  const version = async (id: string) =>
    (await db.prisma.member.findUniqueOrThrow({ where: { id } })).version;

  it('previews both records, where they differ, and what stops or affects the merge', async () => {
    const a = await apply('吴敏');
    const b = await apply('吴敏', { unit: 'BJ-UNIV' });
    const preview = await chair().officer.membership.mergePreview({
      survivorId: a.id,
      otherId: b.id,
    });
    expect(preview.survivor).toMatchObject({ id: a.id, name: '吴敏', hasAccount: true });
    expect(preview.other.idLast4).toBe(b.idNumber.slice(-4));
    expect(JSON.stringify(preview)).not.toContain(b.idNumber);
    expect(preview.differences).toEqual(expect.arrayContaining(['idDocument', 'email', 'orgUnit']));
    expect(preview.differences).not.toContain('name');
    expect(preview.differences).not.toContain('phone');
    expect(preview.differences).not.toContain('jobTitle');
    expect(preview.blockers).toEqual([]);
    expect(preview.notes).toEqual(['TWO_ACCOUNTS']);

    // An application kept over a membership would lose the membership.
    await admin().officer.membership.changeStatus({
      id: b.id,
      action: 'APPROVE',
      expectedVersion: 1,
    });
    const backwards = await chair().officer.membership.mergePreview({
      survivorId: a.id,
      otherId: b.id,
    });
    expect(backwards.blockers).toEqual(['KEEP_MEMBERSHIP']);
    await expect(
      chair().officer.membership.merge({
        survivorId: a.id,
        otherId: b.id,
        survivorVersion: 1,
        otherVersion: 2,
      }),
    ).rejects.toMatchObject({ appCode: 'MEMBER_MERGE_REFUSED' });
  });

  it('merges field by field, keeps both histories, moves the account and pending requests', async () => {
    const survivor = await apply('陈晓');
    const other = await apply('陈小', { phone: '13912345678' });
    await chair().officer.membership.changeStatus({
      id: survivor.id,
      action: 'APPROVE',
      expectedVersion: 1,
    });
    await chair().officer.membership.changeStatus({
      id: other.id,
      action: 'APPROVE',
      expectedVersion: 1,
    });
    const otherBefore = await db.prisma.member.findUniqueOrThrow({ where: { id: other.id } });
    const survivorBefore = await db.prisma.member.findUniqueOrThrow({
      where: { id: survivor.id },
    });
    await db.prisma.member.update({
      where: { id: other.id },
      data: { tags: ['教师', '志愿者'], address: '滨江路 1 号', version: { increment: 1 } },
    });
    await db.prisma.member.update({
      where: { id: survivor.id },
      data: { tags: ['教师'], userId: null, version: { increment: 1 } },
    });
    // The other record's member asks for a change that nobody has decided yet.
    const pending = await callerFor(db, { actor: other.actor }).member.profile.requestChange({
      jobTitle: '教研组长',
    });

    const merged = await chair().officer.membership.merge({
      survivorId: survivor.id,
      otherId: other.id,
      survivorVersion: await version(survivor.id),
      otherVersion: await version(other.id),
      picks: { name: 'OTHER', idDocument: 'OTHER', phone: 'OTHER', address: 'OTHER' },
    });
    expect(merged).toMatchObject({
      id: survivor.id,
      name: '陈小',
      phone: '+8613912345678',
      status: 'ACTIVE',
      memberNumber: survivorBefore.memberNumber,
      idLast4: other.idNumber.slice(-4),
    });

    const after = await db.prisma.member.findUniqueOrThrow({ where: { id: survivor.id } });
    expect(after).toMatchObject({
      email: survivor.email,
      jobTitle: '陈晓的岗位',
      address: '滨江路 1 号',
      idHash: otherBefore.idHash,
      userId: other.userId,
      searchName: '陈小',
    });
    expect([...after.tags].sort()).toEqual(['志愿者', '教师'].sort());
    // The ID number was re-encrypted for the survivor: only its own context opens it.
    const revealed = await admin().officer.membership.revealIdNumber({ id: survivor.id });
    expect(revealed.idNumber).toBe(other.idNumber);
    expect(after.idCipher).not.toBe(otherBefore.idCipher);

    const gone = await db.prisma.member.findUniqueOrThrow({ where: { id: other.id } });
    expect(gone).toMatchObject({ status: 'MERGED', mergedIntoId: survivor.id, userId: null });
    // Its member number stays on the merged record, as history, and is noted.
    expect(gone.memberNumber).toBe(otherBefore.memberNumber);
    const moved = await db.prisma.memberChangeRequest.findUniqueOrThrow({
      where: { id: pending.id },
    });
    expect(moved.memberId).toBe(survivor.id);

    // One audit row per record, the ID number masked.
    const rows = await db.prisma.auditEvent.findMany({
      where: {
        action: { in: ['member.merge', 'member.merge-away'] },
        targetId: { in: [survivor.id, other.id] },
      },
      orderBy: { seq: 'asc' },
    });
    expect(rows.map((row) => [row.action, row.targetId])).toEqual([
      ['member.merge', survivor.id],
      ['member.merge-away', other.id],
    ]);
    expect(rows[0]?.changes).toMatchObject({
      name: { before: '陈晓', after: '陈小' },
      idDocument: { before: MASKED, after: MASKED },
      mergedFrom: { after: other.id },
      mergedMemberNumber: { after: otherBefore.memberNumber },
    });
    expect(JSON.stringify(rows.map((row) => row.changes))).not.toContain(other.idNumber);
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true });

    // The survivor's timeline has both records' history.
    const timeline = await chair().officer.membership.timeline({ id: survivor.id, limit: 100 });
    const byRecord = (id: string) => timeline.items.filter((item) => item.memberId === id);
    expect(byRecord(other.id).map((item) => item.summaryKey)).toEqual(
      expect.arrayContaining(['status.APPLY', 'status.APPROVE', 'status.MERGE_AWAY']),
    );
    expect(byRecord(survivor.id).map((item) => item.summaryKey)).toEqual(
      expect.arrayContaining([
        'status.APPLY',
        'status.APPROVE',
        'audit.member.merge',
        'changeRequest.created',
      ]),
    );
    // The merge notes the other record's member number.
    const mergeEntry = timeline.items.find((item) => item.summaryKey === 'audit.member.merge');
    expect(mergeEntry?.params.memberNumber).toBe(otherBefore.memberNumber);
    // Newest first, and the status changes are not shown twice through their audit rows.
    const times = timeline.items.map((item) => item.occurredAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const audited = timeline.items
      .map((item) => item.summaryKey)
      .filter((key) => key.startsWith('audit.'));
    // The ID number shown above is on the timeline too (who looked is part of the record).
    expect(audited).toEqual(['audit.member.id-document.read', 'audit.member.merge']);

    // Merged records are not merged twice, nor kept.
    await expect(
      chair().officer.membership.merge({
        survivorId: other.id,
        otherId: survivor.id,
        survivorVersion: await version(other.id),
        otherVersion: await version(survivor.id),
      }),
    ).rejects.toMatchObject({ appCode: 'MEMBER_MERGE_REFUSED' });
  });

  it('refuses a record with itself, a stale version, and a workplace of another employer', async () => {
    const a = await apply('周洁');
    const b = await apply('周洁');
    await expect(
      chair().officer.membership.merge({
        survivorId: a.id,
        otherId: a.id,
        survivorVersion: 1,
        otherVersion: 1,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      chair().officer.membership.mergePreview({ survivorId: a.id, otherId: a.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      chair().officer.membership.merge({
        survivorId: a.id,
        otherId: b.id,
        survivorVersion: 1,
        otherVersion: 7,
      }),
    ).rejects.toMatchObject({ appCode: 'VERSION_CONFLICT' });

    const employer = await admin().officer.employers.create({ name: '滨江电子厂' });
    const workplace = await admin().officer.employers.addWorkplace({
      employerId: employer.id,
      name: '一车间',
    });
    await db.prisma.member.update({
      where: { id: b.id },
      data: { employerId: employer.id, workplaceId: workplace.id, version: { increment: 1 } },
    });
    await expect(
      chair().officer.membership.merge({
        survivorId: a.id,
        otherId: b.id,
        survivorVersion: 1,
        otherVersion: 2,
        picks: { workplace: 'OTHER' },
      }),
    ).rejects.toMatchObject({ appCode: 'VALIDATION_FAILED' });
    // Nothing changed.
    expect(await db.prisma.member.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({
      status: 'APPLICANT',
      version: 2,
    });
    const ok = await chair().officer.membership.merge({
      survivorId: a.id,
      otherId: b.id,
      survivorVersion: 1,
      otherVersion: 2,
      picks: { employer: 'OTHER', workplace: 'OTHER' },
    });
    expect(ok.employerName).toBe('滨江电子厂');
  });

  it('pages the timeline newest first without gaps or repeats, also at equal instants', async () => {
    const a = await apply('郭静');
    const at = new Date('2026-03-01T08:00:00.000Z');
    // Many entries at one instant, from two sources, plus older and newer ones.
    for (let index = 0; index < 7; index += 1) {
      await db.prisma.memberStatusChange.create({
        data: {
          memberId: a.id,
          toStatus: 'APPLICANT',
          action: 'APPLY',
          actorType: 'SYSTEM',
          occurredAt: at,
        },
      });
      await db.prisma.memberChangeRequest.create({
        data: { memberId: a.id, proposed: { jobTitle: `岗位${index}` }, createdAt: at },
      });
    }
    await db.prisma.memberStatusChange.create({
      data: {
        memberId: a.id,
        toStatus: 'APPLICANT',
        action: 'APPLY',
        actorType: 'SYSTEM',
        occurredAt: new Date('2026-01-01T00:00:00Z'),
      },
    });
    const all = await chair().officer.membership.timeline({ id: a.id, limit: 100 });
    const keys: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page += 1) {
      const result = await chair().officer.membership.timeline({ id: a.id, cursor, limit: 3 });
      keys.push(...result.items.map((item) => item.key));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(keys).toEqual(all.items.map((item) => item.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThanOrEqual(16);
    await expect(
      chair().officer.membership.timeline({ id: a.id, cursor: 'bm9wZQ' }),
    ).rejects.toMatchObject({ appCode: 'VALIDATION_FAILED' });
  });

  it('points a merged record at the living one, along a chain of merges, within scope only', async () => {
    const a = await apply('沈洁');
    const b = await apply('沈洁');
    const c = await apply('沈洁');
    const merge = async (survivorId: string, otherId: string) =>
      chair().officer.membership.merge({
        survivorId,
        otherId,
        survivorVersion: await version(survivorId),
        otherVersion: await version(otherId),
        picks: {},
      });
    expect((await chair().officer.membership.get({ id: a.id })).mergedInto).toBeNull();
    await merge(b.id, a.id);
    expect((await chair().officer.membership.get({ id: a.id })).mergedInto).toEqual({
      id: b.id,
      name: '沈洁',
      memberNumber: null,
    });
    // b is merged into c in its turn: a's page leads straight to the living record.
    await merge(c.id, b.id);
    expect((await chair().officer.membership.get({ id: a.id })).mergedInto?.id).toBe(c.id);
    expect((await chair().officer.membership.get({ id: b.id })).mergedInto?.id).toBe(c.id);
    expect((await chair().officer.membership.get({ id: c.id })).mergedInto).toBeNull();

    // The living record moved to another union: the merged one no longer names it.
    const steel = await unit('HX-STEEL');
    await db.prisma.member.update({
      where: { id: c.id },
      data: { orgUnitId: steel.id, orgUnitPath: steel.path },
    });
    expect((await chair().officer.membership.get({ id: a.id })).mergedInto).toBeNull();
    expect((await admin().officer.membership.get({ id: a.id })).mergedInto?.id).toBe(c.id);
  });
});

import { randomUUID } from 'node:crypto';
import { seedDemoData, verifyAuditChain } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, personas } from '../../testing/harness';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseTargets())('setting a member’s tags on %s', (target) => {
  let db: TestDb;
  let people: Awaited<ReturnType<typeof personas>>;

  /** A member row written directly: these tests are about tags, not joining. */
  async function member(name: string, tags: string[]) {
    const home = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-NO1-HS' } });
    const id = randomUUID();
    await db.prisma.member.create({
      data: {
        id,
        orgUnitId: home.id,
        orgUnitPath: home.path,
        name,
        searchName: name,
        searchGrams: [...name],
        status: 'ACTIVE',
        tags,
      },
    });
    return id;
  }

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    people = await personas(db);
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('adds and removes tags in one versioned, audited edit; the list then filters by them', async () => {
    const id = await member('标签甲', ['青年']);
    const admin = callerFor(db, { actor: people.unionAdmin });
    const saved = await admin.officer.membership.setTags({
      id,
      tags: [' 夜班 ', '劳模'],
      expectedVersion: 1,
    });
    expect(saved).toEqual({ id, tags: ['夜班', '劳模'], version: 2 });
    expect((await admin.officer.membership.get({ id })).tags).toEqual(['夜班', '劳模']);
    const found = await admin.officer.membership.list({ tag: '夜班' });
    expect(found.items.map((row) => row.id)).toEqual([id]);
    expect((await admin.officer.membership.list({ tag: '青年', query: '标签甲' })).items).toEqual(
      [],
    );
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'member.tags.set', targetId: id },
    });
    expect(audit.changes).toEqual({ tags: { before: ['青年'], after: ['夜班', '劳模'] } });

    // A second officer working from the old version does not overwrite the first.
    await expect(
      admin.officer.membership.setTags({ id, tags: [], expectedVersion: 1 }),
    ).rejects.toMatchObject({ appCode: 'VERSION_CONFLICT' });
    const cleared = await admin.officer.membership.setTags({ id, tags: [], expectedVersion: 2 });
    expect(cleared.tags).toEqual([]);
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });

  it('refuses duplicates, blank or over-long tags and more than twenty, writing nothing', async () => {
    const id = await member('标签乙', ['青年']);
    const admin = callerFor(db, { actor: people.unionAdmin });
    const tooMany = Array.from({ length: 21 }, (_, index) => `标签${index}`);
    for (const tags of [['夜班', ' 夜班'], ['  '], ['一'.repeat(21)], tooMany]) {
      await expect(
        admin.officer.membership.setTags({ id, tags, expectedVersion: 1 }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    const row = await db.prisma.member.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ tags: ['青年'], version: 1 });
    // Twenty distinct tags of twenty characters are the most, and allowed.
    const most = Array.from(
      { length: 20 },
      (_, index) => `${String(index).padStart(2, '0')}${'标'.repeat(18)}`,
    );
    const saved = await admin.officer.membership.setTags({ id, tags: most, expectedVersion: 1 });
    expect(saved.tags).toHaveLength(20);
  });
});

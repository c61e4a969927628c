import { seedDemoData, verifyAuditChain } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../context';
import { callerFor, personas } from '../../testing/harness';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseTargets())('audit of org changes on %s', (target) => {
  let db: TestDb;
  let admin: Actor;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    admin = (await personas(db)).federationAdmin;
  });
  afterAll(async () => {
    await db.dispose();
  });

  const unit = async (code: string) => {
    const found = (await callerFor(db, { actor: admin }).officer.org.list()).find(
      (candidate) => candidate.code === code,
    );
    if (!found) throw new Error(`no unit ${code}`);
    return found;
  };

  it('writes one row per change, with who, which request and what changed', async () => {
    const parent = await unit('BJ-EDU');
    const created = await callerFor(db, {
      actor: admin,
      requestId: 'req-create',
    }).officer.org.create({
      parentId: parent.id,
      kind: 'GRASSROOTS',
      name: '滨江第三中学工会',
      code: 'BJ-NO3-HS',
    });
    await callerFor(db, { actor: admin, requestId: 'req-rename' }).officer.org.rename({
      id: created.id,
      name: '滨江三中工会',
      expectedVersion: created.version,
    });

    const page = await callerFor(db, { actor: admin }).officer.audit.find({ targetId: created.id });
    expect(page.items.map((event) => event.action)).toEqual(['org.unit.rename', 'org.unit.create']);
    const [rename, create] = page.items;
    expect(rename).toMatchObject({
      actorType: 'OFFICER',
      actorId: admin.id,
      requestId: 'req-rename',
      targetType: 'OrgUnit',
      orgUnitId: created.id,
      outcome: 'SUCCESS',
      changes: { name: { before: '滨江第三中学工会', after: '滨江三中工会' } },
    });
    expect(Object.keys(rename?.changes ?? {})).toEqual(['name']);
    expect(create).toMatchObject({
      requestId: 'req-create',
      changes: {
        name: { before: null, after: '滨江第三中学工会' },
        parentId: { before: null, after: parent.id },
      },
    });
  });

  it('writes nothing when the change is refused', async () => {
    const before = await db.prisma.auditEvent.count();
    const parent = await unit('BJ-EDU');
    await expect(
      callerFor(db, { actor: admin }).officer.org.create({
        parentId: parent.id,
        kind: 'GRASSROOTS',
        name: '重复',
        code: 'HX-STEEL',
      }),
    ).rejects.toMatchObject({ appCode: 'ORG_DUPLICATE_CODE' });
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it('records a move as the old and new parent', async () => {
    const moving = await unit('WJ-MART');
    const to = await unit('BJ-HTZ-FTU');
    await callerFor(db, { actor: admin }).officer.org.move({
      id: moving.id,
      newParentId: to.id,
      expectedVersion: moving.version,
    });
    const [event] = (
      await callerFor(db, { actor: admin }).officer.audit.find({
        action: 'org.unit.move',
        limit: 1,
      })
    ).items;
    expect(event?.changes).toEqual({ parentId: { before: moving.parentId, after: to.id } });
  });

  it('pages newest first with a keyset cursor and keeps the chain intact', async () => {
    const first = await callerFor(db, { actor: admin }).officer.audit.find({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1]?.seq);
    const second = await callerFor(db, { actor: admin }).officer.audit.find({
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    const seqs = [...first.items, ...second.items].map((event) => BigInt(event.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });

  it('rejects a malformed cursor as bad input', async () => {
    await expect(
      callerFor(db, { actor: admin }).officer.audit.find({ cursor: '1; DROP TABLE audit_event' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { seedDemoData } from '@unionhall/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../context';
import { callerFor, personas } from '../../testing/harness';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseTargets())('org units on %s', (target) => {
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

  const byCode = async (code: string) => {
    const units = await callerFor(db, { actor: admin }).officer.org.list();
    const unit = units.find((candidate) => candidate.code === code);
    if (!unit) throw new Error(`no unit ${code}`);
    return unit;
  };

  it('lists the seeded tree with one root and no internal columns', async () => {
    const units = await callerFor(db, { actor: admin }).public.org.tree();
    expect(units.filter((unit) => unit.parentId === null).map((unit) => unit.code)).toEqual([
      'BJ-FTU',
    ]);
    expect(units.length).toBeGreaterThan(10);
    expect(Object.keys(units[0] ?? {})).not.toContain('path');
  });

  it('seeds only once', async () => {
    const before = (await callerFor(db, { actor: admin }).public.org.tree()).length;
    expect(await seedDemoData(db)).toEqual({ seeded: false, units: 0 });
    expect((await callerFor(db, { actor: admin }).public.org.tree()).length).toBe(before);
  });

  it('creates a unit under a valid parent', async () => {
    const parent = await byCode('BJ-EDU');
    const created = await callerFor(db, { actor: admin }).officer.org.create({
      parentId: parent.id,
      kind: 'GRASSROOTS',
      name: '  滨江第二中学工会 ',
      code: 'bj-no2-hs',
    });
    expect(created).toMatchObject({
      parentId: parent.id,
      name: '滨江第二中学工会',
      code: 'BJ-NO2-HS',
      depth: 2,
      version: 1,
    });
  });

  it('refuses a unit kind that cannot sit under the parent', async () => {
    const grassroots = await byCode('HX-STEEL');
    await expect(
      callerFor(db, { actor: admin }).officer.org.create({
        parentId: grassroots.id,
        kind: 'GRASSROOTS',
        name: '车间工会',
        code: 'HX-WS1',
      }),
    ).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT', appCode: 'ORG_INVALID_PARENT' });
  });

  it('refuses a duplicate code and a duplicate sibling name, writing nothing', async () => {
    const parent = await byCode('BJ-EDU');
    const count = (await callerFor(db, { actor: admin }).officer.org.list()).length;
    await expect(
      callerFor(db, { actor: admin }).officer.org.create({
        parentId: parent.id,
        kind: 'GRASSROOTS',
        name: '另一个工会',
        code: 'HX-STEEL',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', appCode: 'ORG_DUPLICATE_CODE' });
    await expect(
      callerFor(db, { actor: admin }).officer.org.create({
        parentId: parent.id,
        kind: 'GRASSROOTS',
        name: '滨江大学工会',
        code: 'BJ-UNIV-2',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', appCode: 'ORG_DUPLICATE_NAME' });
    expect((await callerFor(db, { actor: admin }).officer.org.list()).length).toBe(count);
  });

  it('answers NOT_FOUND for a parent that does not exist', async () => {
    await expect(
      callerFor(db, { actor: admin }).officer.org.create({
        parentId: '00000000-0000-4000-8000-000000000000',
        kind: 'UNION',
        name: '幽灵工会',
        code: 'GHOST',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('renames with optimistic locking: a stale version is a conflict, not an overwrite', async () => {
    const unit = await byCode('WJ-MART');
    const renamed = await callerFor(db, { actor: admin }).officer.org.rename({
      id: unit.id,
      name: '万家超市工会',
      expectedVersion: unit.version,
    });
    expect(renamed).toMatchObject({ name: '万家超市工会', version: unit.version + 1 });
    await expect(
      callerFor(db, { actor: admin }).officer.org.rename({
        id: unit.id,
        name: '旧名字工会',
        expectedVersion: unit.version,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', appCode: 'VERSION_CONFLICT' });
    expect((await byCode('WJ-MART')).name).toBe('万家超市工会');
  });

  it('moves a unit with its subtree and keeps depths right', async () => {
    const branch = await byCode('XH-LOGI');
    const newParent = await byCode('BJ-HTZ-FTU');
    const moved = await callerFor(db, { actor: admin }).officer.org.move({
      id: branch.id,
      newParentId: newParent.id,
      expectedVersion: branch.version,
    });
    expect(moved).toMatchObject({ parentId: newParent.id, depth: newParent.depth + 1 });
    const child = await byCode('XH-LOGI-WH');
    expect(child.parentId).toBe(branch.id);
    expect(child.depth).toBe(newParent.depth + 2);

    // The subtree moved too: moving the new parent under the branch's child is a cycle.
    const fed = await byCode('BJ-FTU');
    await expect(
      callerFor(db, { actor: admin }).officer.org.move({
        id: fed.id,
        newParentId: child.id,
        expectedVersion: fed.version,
      }),
    ).rejects.toMatchObject({ appCode: 'ORG_CYCLE' });
  });

  it('refuses to move a unit under itself', async () => {
    const unit = await byCode('BJ-MECH');
    await expect(
      callerFor(db, { actor: admin }).officer.org.move({
        id: unit.id,
        newParentId: unit.id,
        expectedVersion: unit.version,
      }),
    ).rejects.toMatchObject({ appCode: 'ORG_CYCLE' });
  });

  it('rejects malformed input before it reaches the database', async () => {
    const error = await callerFor(db, { actor: admin })
      .officer.org.create({ parentId: 'not-a-uuid', kind: 'CLUB' as 'UNION', name: '', code: '!' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe.each(testDatabaseTargets())('concurrent tree changes on %s', (target) => {
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

  it('never lets two crossing moves make a loop', async () => {
    const units = await callerFor(db, { actor: admin }).officer.org.list();
    const a = units.find((unit) => unit.code === 'BJ-MECH');
    const b = units.find((unit) => unit.code === 'BJ-EDU');
    if (!a || !b) throw new Error('demo units missing');
    const results = await Promise.allSettled([
      callerFor(db, { actor: admin }).officer.org.move({
        id: a.id,
        newParentId: b.id,
        expectedVersion: a.version,
      }),
      callerFor(db, { actor: admin }).officer.org.move({
        id: b.id,
        newParentId: a.id,
        expectedVersion: b.version,
      }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ appCode: 'ORG_CYCLE' });

    // Every unit still reaches the single root by following its parents.
    const after = await callerFor(db, { actor: admin }).officer.org.list();
    const byId = new Map(after.map((unit) => [unit.id, unit]));
    for (const unit of after) {
      const seen = new Set<string>();
      let current: typeof unit | undefined = unit;
      while (current?.parentId) {
        expect(seen.has(current.id), `loop at ${current.code}`).toBe(false);
        seen.add(current.id);
        current = byId.get(current.parentId);
      }
      expect(current?.code).toBe('BJ-FTU');
    }
  });
});

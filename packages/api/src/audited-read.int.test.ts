import { seedDemoData, verifyAuditChain } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedRead } from './audit';
import { createContext } from './context';
import {
  personas,
  silentLogger,
  testAuthFor,
  testCardSignerFor,
  testCipherFor,
  testJobsFor,
  testStorageFor,
} from './testing/harness';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/** A unit stands in for a sensitive record here: what matters is the read and its row. */
describe.each(testDatabaseTargets())('audited reads of sensitive records on %s', (target) => {
  let db: TestDb;
  let context: ReturnType<typeof createContext>;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    context = createContext(
      {
        db,
        logger: silentLogger,
        auth: testAuthFor(db).auth,
        cipher: testCipherFor(db),
        cardSigner: testCardSignerFor(db),
        jobs: testJobsFor(db),
        storage: testStorageFor(db),
      },
      { requestId: 'req-read', locale: 'en', actor: (await personas(db)).unitChair },
    );
  });
  afterAll(async () => {
    await db.dispose();
  });

  const readUnit = (code: string, orgUnitId?: string) =>
    auditedRead(context, 'test.unit.read', async (tx) => {
      const unit = await tx.orgUnit.findUnique({ where: { code } });
      if (!unit) return null;
      return {
        value: unit,
        target: { targetType: 'OrgUnit', targetId: unit.id, orgUnitId: orgUnitId ?? unit.id },
      };
    });

  it('writes one row per read: who, which request, what, in which unit', async () => {
    const unit = await readUnit('BJ-EDU');
    expect(unit?.code).toBe('BJ-EDU');
    const rows = await db.prisma.auditEvent.findMany({ where: { action: 'test.unit.read' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorType: 'OFFICER',
      actorId: 'officer-edu-chair',
      requestId: 'req-read',
      outcome: 'SUCCESS',
      targetType: 'OrgUnit',
      targetId: unit?.id,
      orgUnitId: unit?.id,
    });
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });

  it('writes nothing when there is nothing to read', async () => {
    const before = await db.prisma.auditEvent.count();
    expect(await readUnit('NO-SUCH-UNIT')).toBeNull();
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it('gives no data when the row cannot be written', async () => {
    const before = await db.prisma.auditEvent.count();
    // Not a unit id: the audit insert fails its foreign key or type check.
    await expect(readUnit('BJ-EDU', 'not-a-unit-id')).rejects.toThrow();
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });
});

import { randomUUID } from 'node:crypto';
import { seedDemoData, verifyAuditChain } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { CURRENT_CONSENT_VERSION, residentIdCheckCharacter } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, personas } from '../../testing/harness';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseTargets())('placing applicants from the holding pool on %s', (target) => {
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
  /** An applicant whose employer has no union, waiting at `unitCode`. */
  async function poolApplicant(unitCode: string, employerHasNoUnion = true) {
    sequence += 1;
    const first17 = `11010519880808${sequence}`;
    const id = randomUUID();
    await callerFor(db).public.membership.applyToJoin({
      id,
      name: '待分配',
      idDocument: { type: 'RESIDENT_ID', number: first17 + residentIdCheckCharacter(first17) },
      phone: '13700137000',
      email: `${id}@pool.test`,
      orgUnitId: (await unit(unitCode)).id,
      employerHasNoUnion,
      employerName: '无工会科技有限公司',
      consentVersion: CURRENT_CONSENT_VERSION,
    });
    return db.prisma.member.findUniqueOrThrow({ where: { id } });
  }

  it('moves the applicant, clears the flag and records history and audit together', async () => {
    const waiting = await poolApplicant('BJ-FTU');
    expect(waiting.needsPlacement).toBe(true);
    const school = await unit('BJ-NO1-HS');
    const admin = callerFor(db, { actor: people.federationAdmin });

    const placed = await admin.officer.membership.place({
      id: waiting.id,
      orgUnitId: school.id,
      expectedVersion: waiting.version,
    });
    expect(placed).toMatchObject({
      id: waiting.id,
      status: 'APPLICANT',
      orgUnitId: school.id,
      orgUnitName: school.name,
      needsPlacement: false,
      version: waiting.version + 1,
    });
    const row = await db.prisma.member.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(row.orgUnitPath).toBe(school.path);

    const history = await db.prisma.memberStatusChange.findMany({
      where: { memberId: waiting.id },
      orderBy: { occurredAt: 'asc' },
    });
    expect(history.map((entry) => entry.action)).toEqual(['APPLY', 'PLACE']);
    expect(history.at(-1)).toMatchObject({
      fromStatus: 'APPLICANT',
      toStatus: 'APPLICANT',
      reason: `滨江市总工会 → ${school.name}`,
      actorId: 'officer-fed-admin',
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'member.place', targetId: waiting.id },
    });
    expect(audit).toMatchObject({ outcome: 'SUCCESS', orgUnitId: school.id });
    expect(audit.changes).toMatchObject({
      orgUnitId: { before: waiting.orgUnitId, after: school.id },
    });
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);

    // The officers of the new unit now see the applicant; the pool no longer lists them.
    const chair = callerFor(db, { actor: people.unitChair });
    await expect(chair.officer.membership.get({ id: waiting.id })).resolves.toMatchObject({
      needsPlacement: false,
    });
    const pool = await admin.officer.membership.list({ needsPlacement: true, limit: 100 });
    expect(pool.items.map((member) => member.id)).not.toContain(waiting.id);

    // Placing again is refused: the applicant no longer waits.
    await expect(
      admin.officer.membership.place({
        id: waiting.id,
        orgUnitId: school.id,
        expectedVersion: placed.version,
      }),
    ).rejects.toMatchObject({ appCode: 'CONFLICT' });
  });

  it('refuses a stale version and leaves the record as it was', async () => {
    const waiting = await poolApplicant('BJ-FTU');
    const admin = callerFor(db, { actor: people.federationAdmin });
    await expect(
      admin.officer.membership.place({
        id: waiting.id,
        orgUnitId: (await unit('HX-STEEL')).id,
        expectedVersion: waiting.version + 1,
      }),
    ).rejects.toMatchObject({ appCode: 'VERSION_CONFLICT' });
    const row = await db.prisma.member.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(row).toMatchObject({ needsPlacement: true, orgUnitId: waiting.orgUnitId });
    expect(
      await db.prisma.auditEvent.count({ where: { action: 'member.place', targetId: waiting.id } }),
    ).toBe(0);
  });

  it('places only in grassroots units and branches, and only pool applicants', async () => {
    const waiting = await poolApplicant('BJ-FTU');
    const admin = callerFor(db, { actor: people.federationAdmin });
    await expect(
      admin.officer.membership.place({
        id: waiting.id,
        orgUnitId: (await unit('BJ-EDU')).id,
        expectedVersion: waiting.version,
      }),
    ).rejects.toMatchObject({ appCode: 'VALIDATION_FAILED' });
    const branch = await unit('DF-HEAVY');
    await expect(
      admin.officer.membership.place({
        id: waiting.id,
        orgUnitId: branch.id,
        expectedVersion: waiting.version,
      }),
    ).resolves.toMatchObject({ orgUnitId: branch.id, needsPlacement: false });

    const ordinary = await poolApplicant('BJ-NO1-HS', false);
    await expect(
      admin.officer.membership.place({
        id: ordinary.id,
        orgUnitId: (await unit('BJ-UNIV')).id,
        expectedVersion: ordinary.version,
      }),
    ).rejects.toMatchObject({ appCode: 'CONFLICT' });
  });

  it('needs both the current unit and the target in scope, else "not found"', async () => {
    const chair = callerFor(db, { actor: people.unitChair });
    // Waiting at the federation: outside the education union chair's subtree.
    const atFederation = await poolApplicant('BJ-FTU');
    await expect(
      chair.officer.membership.place({
        id: atFederation.id,
        orgUnitId: (await unit('BJ-NO1-HS')).id,
        expectedVersion: atFederation.version,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', appCode: 'NOT_FOUND' });
    // Waiting in the education union, but the target is the machinery union's.
    const atEducation = await poolApplicant('BJ-EDU');
    await expect(
      chair.officer.membership.place({
        id: atEducation.id,
        orgUnitId: (await unit('HX-STEEL')).id,
        expectedVersion: atEducation.version,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', appCode: 'NOT_FOUND' });
    const row = await db.prisma.member.findUniqueOrThrow({ where: { id: atEducation.id } });
    expect(row).toMatchObject({ needsPlacement: true, orgUnitId: atEducation.orgUnitId });
    // Inside the subtree it works.
    await expect(
      chair.officer.membership.place({
        id: atEducation.id,
        orgUnitId: (await unit('BJ-UNIV')).id,
        expectedVersion: atEducation.version,
      }),
    ).resolves.toMatchObject({ needsPlacement: false });
  });

  it('lists the holding pool with the needsPlacement filter, inside scope only', async () => {
    const atFederation = await poolApplicant('BJ-FTU');
    const atEducation = await poolApplicant('BJ-EDU');
    const ordinary = await poolApplicant('BJ-NO1-HS', false);

    const admin = callerFor(db, { actor: people.federationAdmin });
    const pool = await admin.officer.membership.list({ needsPlacement: true, limit: 100 });
    const poolIds = pool.items.map((member) => member.id);
    expect(poolIds).toEqual(expect.arrayContaining([atFederation.id, atEducation.id]));
    expect(poolIds).not.toContain(ordinary.id);
    expect(pool.items.every((member) => member.needsPlacement)).toBe(true);

    const others = await admin.officer.membership.list({ needsPlacement: false, limit: 100 });
    expect(others.items.every((member) => !member.needsPlacement)).toBe(true);

    const chair = callerFor(db, { actor: people.unitChair });
    const chairPool = await chair.officer.membership.list({ needsPlacement: true, limit: 100 });
    expect(chairPool.items.map((member) => member.id)).toContain(atEducation.id);
    expect(chairPool.items.map((member) => member.id)).not.toContain(atFederation.id);
  });
});

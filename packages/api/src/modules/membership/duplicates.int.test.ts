import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { CURRENT_CONSENT_VERSION, residentIdCheckCharacter } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, personas } from '../../testing/harness';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/** A valid resident ID for a birth date and sequence. */
function residentId(birth: string, sequence: string): string {
  const first17 = `110105${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

describe.each(testDatabaseTargets())('possible duplicates on %s', (target) => {
  let db: TestDb;
  let people: Awaited<ReturnType<typeof personas>>;
  const unitId = async (code: string) =>
    (await db.prisma.orgUnit.findUniqueOrThrow({ where: { code } })).id;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    people = await personas(db);
  });
  afterAll(async () => {
    await db.dispose();
  });

  let sequence = 100;
  /** Applies through the public API; returns the new record's id. */
  async function apply(overrides: {
    name?: string;
    birth?: string;
    idNumber?: string;
    phone?: string;
    unit?: string;
  }): Promise<string> {
    const id = randomUUID();
    sequence += 1;
    await callerFor(db).public.membership.applyToJoin({
      id,
      name: overrides.name ?? '孙丽',
      idDocument: {
        type: 'RESIDENT_ID',
        number: overrides.idNumber ?? residentId(overrides.birth ?? '19910404', String(sequence)),
      },
      phone: overrides.phone ?? `1370000${String(sequence).padStart(4, '0')}`,
      email: `dup-${id}@example.org`,
      orgUnitId: await unitId(overrides.unit ?? 'BJ-NO1-HS'),
      consentVersion: CURRENT_CONSENT_VERSION,
    });
    return id;
  }

  it('finds the same phone, email, document and name with birth date, with the reasons', async () => {
    const subject = await apply({ name: '郑凯', birth: '19870612', phone: '13811110001' });
    const samePhone = await apply({ name: '郑楷', phone: '13811110001', unit: 'BJ-UNIV' });
    const sameNameAndBirth = await apply({ name: '郑凯', birth: '19870612' });
    const sameNameOtherBirth = await apply({ name: '郑凯', birth: '19870613' });
    const sameEmail = await apply({ name: '郑开' });
    const subjectRow = await db.prisma.member.findUniqueOrThrow({ where: { id: subject } });
    // Applications cannot share an email (each makes an account); imported records can.
    await db.prisma.member.update({
      where: { id: sameEmail },
      data: { email: subjectRow.email },
    });

    const chair = callerFor(db, { actor: people.unitChair });
    const found = await chair.officer.membership.duplicates({ id: subject });
    const reasons = new Map(found.candidates.map((c) => [c.member.id, c.reasons]));
    expect(reasons.get(samePhone)).toEqual(['PHONE']);
    expect(reasons.get(sameNameAndBirth)).toEqual(['NAME_BIRTH_DATE']);
    expect(reasons.get(sameEmail)).toEqual(['EMAIL']);
    expect(reasons.has(sameNameOtherBirth)).toBe(false);
    expect(reasons.has(subject)).toBe(false);
    expect(found.candidates).toHaveLength(3);
    expect(found.outsideScope).toBe(0);
    // Summaries only: nothing of the document beyond its last four characters.
    expect(JSON.stringify(found)).not.toMatch(/idHash|idCipher/);
  });

  it('finds a rejected record with the same document, and leaves merged records out', async () => {
    const number = residentId('19790301', '555');
    const first = await apply({ name: '钱进', idNumber: number });
    const chair = callerFor(db, { actor: people.unitChair });
    await chair.officer.membership.changeStatus({
      id: first,
      action: 'REJECT',
      reason: '材料不全',
      expectedVersion: 1,
    });
    const second = await apply({ name: '钱进', idNumber: number });
    const found = await chair.officer.membership.duplicates({ id: second });
    expect(found.candidates).toEqual([
      {
        member: expect.objectContaining({ id: first, status: 'REJECTED' }) as unknown,
        reasons: ['ID', 'NAME_BIRTH_DATE'],
      },
    ]);

    await db.prisma.member.update({ where: { id: first }, data: { status: 'MERGED' } });
    expect(await chair.officer.membership.duplicates({ id: second })).toEqual({
      candidates: [],
      outsideScope: 0,
    });
  });

  it('counts candidates outside the caller’s scope without showing them', async () => {
    const subject = await apply({ name: '冯磊', phone: '13922220002' });
    const outside = await apply({ name: '冯雷', phone: '13922220002', unit: 'BJ-MECH' });

    const chair = callerFor(db, { actor: people.unitChair });
    const chairView = await chair.officer.membership.duplicates({ id: subject });
    expect(chairView.candidates).toEqual([]);
    expect(chairView.outsideScope).toBe(1);
    expect(JSON.stringify(chairView)).not.toContain(outside);
    expect(JSON.stringify(chairView)).not.toContain('冯雷');

    const admin = callerFor(db, { actor: people.federationAdmin });
    const adminView = await admin.officer.membership.duplicates({ id: subject });
    expect(adminView.outsideScope).toBe(0);
    expect(adminView.candidates.map((c) => [c.member.id, c.reasons])).toEqual([
      [outside, ['PHONE']],
    ]);
  });
});

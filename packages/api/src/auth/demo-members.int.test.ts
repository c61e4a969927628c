import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { isChinaMobileE164, parseCreditCode, parseResidentId } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCipherContext, idDocumentHash } from '../modules/membership/membership.service';
import { callerFor, personas, testAuthFor, testCipherFor } from '../testing/harness';
import { DEMO_EMPLOYERS } from './demo-members-data';
import { planDemoMembers, seedDemoMembers } from './demo-members';
import { DEMO_MEMBERS, seedDemoIdentities } from './demo-identities';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

const TODAY = new Date('2026-11-23T08:00:00Z');

describe.each(testDatabaseTargets())('demo members on %s', (target) => {
  let db: TestDb;
  let first: Awaited<ReturnType<typeof seedDemoMembers>>;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    await seedDemoIdentities(testAuthFor(db).auth, db.prisma);
    first = await seedDemoMembers(db, testCipherFor(db), { today: TODAY });
  }, 120_000);
  afterAll(async () => {
    await db.dispose();
  });

  const unitByCode = async (code: string) =>
    db.prisma.orgUnit.findUniqueOrThrow({ where: { code } });

  it('loads about 3,000 members over every grassroots unit, mostly active, with a queue of 20', async () => {
    expect(first.seeded).toBe(true);
    const total = await db.prisma.member.count();
    expect(first.members).toBe(total);
    expect(total).toBeGreaterThan(2900);
    expect(total).toBeLessThan(3200);

    const byStatus = Object.fromEntries(
      (await db.prisma.member.groupBy({ by: ['status'], _count: true })).map((row) => [
        row.status,
        row._count,
      ]),
    );
    expect(byStatus.APPLICANT).toBe(20);
    expect(byStatus.ACTIVE ?? 0).toBeGreaterThan(total * 0.8);
    for (const status of ['LAPSED', 'SUSPENDED', 'RESIGNED']) {
      expect(byStatus[status] ?? 0).toBeGreaterThan(0);
      expect(byStatus[status] ?? 0).toBeLessThan(total * 0.1);
    }

    const grassroots = await db.prisma.orgUnit.findMany({ where: { kind: 'GRASSROOTS' } });
    for (const unit of grassroots) {
      const count = await db.prisma.member.count({ where: { orgUnitId: unit.id } });
      expect(count, unit.code).toBeGreaterThan(20);
    }
    // Members sit in grassroots units, except applicants waiting in a holding pool.
    const pool = await db.prisma.member.findMany({
      where: { needsPlacement: true },
      select: { status: true, orgUnit: { select: { kind: true } }, employer: true },
    });
    expect(pool.length).toBeGreaterThanOrEqual(3);
    for (const member of pool) {
      expect(member.status).toBe('APPLICANT');
      expect(member.orgUnit.kind).not.toBe('GRASSROOTS');
      expect(member.employer?.orgUnitId).toBeNull();
    }
    expect(
      await db.prisma.member.count({
        where: { needsPlacement: false, orgUnit: { kind: { not: 'GRASSROOTS' } } },
      }),
    ).toBe(0);
  });

  it('gives employers real-looking credit codes, workforce sizes and workplaces', async () => {
    const employers = await db.prisma.employer.findMany({ include: { workplaces: true } });
    expect(employers).toHaveLength(DEMO_EMPLOYERS.length);
    expect(employers.filter((employer) => employer.orgUnitId === null).length).toBeGreaterThan(1);
    for (const employer of employers) {
      if (employer.creditCode) expect(parseCreditCode(employer.creditCode).ok).toBe(true);
    }
    expect(employers.filter((employer) => employer.creditCode).length).toBeGreaterThan(10);
    const steel = employers.find((employer) => employer.name === '华兴钢铁集团有限公司');
    expect(steel?.orgUnitId).toBe((await unitByCode('HX-STEEL')).id);
    expect(steel?.workforceSize).toBeGreaterThan(0);
    expect(steel?.workplaces.map((workplace) => workplace.name)).toContain('炼钢厂区');

    // Members' workplaces belong to their employer.
    const rows = await db.prisma.member.findMany({
      where: { workplaceId: { not: null } },
      select: { employerId: true, workplace: { select: { employerId: true } } },
    });
    expect(rows.every((row) => row.workplace?.employerId === row.employerId)).toBe(true);
  });

  it('keeps every ID number encrypted as applications do; each decrypts to a valid resident ID matching the record', async () => {
    const cipher = testCipherFor(db);
    const members = await db.prisma.member.findMany({
      select: {
        id: true,
        name: true,
        sex: true,
        birthDate: true,
        idCipher: true,
        idHash: true,
        idLast4: true,
        phone: true,
        searchName: true,
        searchGrams: true,
        orgUnitPath: true,
        orgUnit: { select: { path: true } },
      },
    });
    const hashes = new Set<string>();
    for (const member of members) {
      expect(member.idCipher).toMatch(/^v1\./);
      const number = cipher.decrypt(member.idCipher ?? '', idCipherContext(member.id));
      const parsed = parseResidentId(number, TODAY);
      expect(parsed.ok, number).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.facts.sex).toBe(member.sex);
      expect(parsed.facts.birthDate).toBe(member.birthDate?.toISOString().slice(0, 10));
      expect(member.idLast4).toBe(number.slice(-4));
      expect(member.idHash).toBe(idDocumentHash(cipher, 'RESIDENT_ID', number));
      hashes.add(member.idHash ?? '');
      expect(isChinaMobileE164(member.phone ?? '')).toBe(true);
      expect(member.searchName).toBe(member.name);
      expect(member.searchGrams).toContain(Array.from(member.name)[0]);
      expect(member.orgUnitPath).toBe(member.orgUnit.path);
    }
    // No two records share a document: a living duplicate would have been refused at applying.
    expect(hashes.size).toBe(members.length);
  });

  it('numbers every member who was approved, uniquely, and continues the counter after them', async () => {
    const numbered = await db.prisma.member.findMany({
      where: { status: { not: 'APPLICANT' } },
      select: { memberNumber: true },
    });
    const numbers = numbered.map((member) => member.memberNumber);
    expect(numbers.every((number) => number !== null && /^\d{10}$/.test(number))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(
      await db.prisma.member.count({ where: { status: 'APPLICANT', memberNumber: { not: null } } }),
    ).toBe(0);

    // The next approval takes the number after the demo's last one.
    const people = await personas(db);
    const applicant = await db.prisma.member.findFirstOrThrow({
      where: {
        status: 'APPLICANT',
        needsPlacement: false,
        orgUnitPath: { startsWith: (await unitByCode('BJ-EDU')).path },
      },
    });
    const approved = await callerFor(db, {
      actor: people.unitChair,
    }).officer.membership.changeStatus({
      id: applicant.id,
      action: 'APPROVE',
      expectedVersion: applicant.version,
    });
    expect(Number(approved.memberNumber)).toBe(numbers.length + 1);
  });

  it('writes a status history that ends in each record’s status', async () => {
    const members = await db.prisma.member.findMany({
      select: {
        status: true,
        version: true,
        joinedAt: true,
        statusChanges: {
          orderBy: { occurredAt: 'asc' },
          select: { fromStatus: true, toStatus: true, action: true, reason: true },
        },
      },
    });
    for (const member of members) {
      const history = member.statusChanges;
      expect(history[0]?.action).toBe('APPLY');
      expect(history.at(-1)?.toStatus).toBe(member.status);
      expect(history).toHaveLength(member.version);
      for (const [index, step] of history.entries()) {
        if (index > 0) expect(step.fromStatus).toBe(history[index - 1]?.toStatus);
        if (!['APPLY', 'APPROVE'].includes(step.action)) expect(step.reason).toBeTruthy();
      }
      expect(member.joinedAt === null).toBe(member.status === 'APPLICANT');
    }
  });

  it('holds likely duplicates in the queue: by phone, and by name and birth date', async () => {
    const applicants = await db.prisma.member.findMany({ where: { status: 'APPLICANT' } });
    let byPhone = 0;
    let byNameAndBirth = 0;
    for (const applicant of applicants) {
      const living = {
        id: { not: applicant.id },
        status: { in: ['APPLICANT' as const, 'ACTIVE' as const, 'LAPSED' as const] },
      };
      if (await db.prisma.member.count({ where: { ...living, phone: applicant.phone } })) {
        byPhone += 1;
      }
      const sameNameAndBirth = await db.prisma.member.count({
        where: { ...living, name: applicant.name, birthDate: applicant.birthDate },
      });
      if (sameNameAndBirth) byNameAndBirth += 1;
    }
    // One applicant shares a member's phone and two share each other's; with name and birth
    // date, a lapsed member's return counts too.
    expect(byPhone).toBeGreaterThanOrEqual(3);
    expect(byNameAndBirth).toBeGreaterThanOrEqual(4);
  });

  it('links the demo member account to an active membership in a school', async () => {
    const account = await db.prisma.authUser.findUniqueOrThrow({
      where: { email: DEMO_MEMBERS[0]?.email ?? '' },
    });
    const me = await callerFor(db, {
      actor: { type: 'MEMBER', id: account.id, grants: [] },
    }).member.membership.me();
    expect(me).toMatchObject({
      name: '张伟',
      status: 'ACTIVE',
      orgUnitName: '滨江市第一中学工会',
      employerName: '滨江市第一中学',
    });
    expect(me?.memberNumber).toMatch(/^\d{10}$/);
  });

  it('gives each member a current spell of employment, started before applying, as an adult', async () => {
    const members = await db.prisma.member.findMany({
      select: {
        id: true,
        employerId: true,
        workplaceId: true,
        jobTitle: true,
        birthDate: true,
        appliedAt: true,
        employment: {
          select: {
            employerId: true,
            workplaceId: true,
            jobTitle: true,
            startedOn: true,
            endedOn: true,
            source: true,
          },
        },
      },
    });
    for (const member of members) {
      expect(member.employment).toHaveLength(1);
      const [spell] = member.employment;
      if (!spell) continue;
      expect(spell).toMatchObject({
        employerId: member.employerId,
        workplaceId: member.workplaceId,
        jobTitle: member.jobTitle,
        endedOn: null,
        source: 'APPLICATION',
      });
      const started = spell.startedOn?.getTime() ?? Number.NaN;
      expect(started).toBeLessThanOrEqual(member.appliedAt.getTime());
      const adult = new Date(member.birthDate ?? 0);
      adult.setUTCFullYear(adult.getUTCFullYear() + 18);
      expect(started).toBeGreaterThanOrEqual(adult.getTime());
    }
    // Not everyone started on the same day.
    const days = new Set(members.map((member) => member.employment[0]?.startedOn?.getTime()));
    expect(days.size).toBeGreaterThan(members.length / 3);

    // The member page reads it through the employment history.
    const people = await personas(db);
    const edu = await unitByCode('BJ-EDU');
    const someone = await db.prisma.member.findFirstOrThrow({
      where: { orgUnitPath: { startsWith: edu.path }, status: 'ACTIVE' },
      select: { id: true, employer: { select: { name: true } }, jobTitle: true },
    });
    const history = await callerFor(db, {
      actor: people.unitChair,
    }).officer.employment.history({ memberId: someone.id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      employerName: someone.employer?.name,
      jobTitle: someone.jobTitle,
      endedOn: null,
    });
  });

  it('draws the same union every time', () => {
    const names = (plan: ReturnType<typeof planDemoMembers>) =>
      plan.map((member) => `${member.name}/${member.idNumber}/${member.phone}`);
    expect(names(planDemoMembers(TODAY))).toEqual(names(planDemoMembers(TODAY)));
  });

  it('finds members by one Chinese character within the chair’s scope only', async () => {
    const people = await personas(db);
    const edu = await unitByCode('BJ-EDU');
    const chair = await callerFor(db, { actor: people.unitChair }).officer.membership.list({
      query: '王',
      limit: 100,
    });
    expect(chair.items.length).toBeGreaterThan(5);
    const inEdu = await db.prisma.member.findMany({
      where: { id: { in: chair.items.map((member) => member.id) } },
      select: { orgUnitPath: true, name: true },
    });
    for (const member of inEdu) {
      expect(member.orgUnitPath.startsWith(edu.path)).toBe(true);
      expect(member.name).toContain('王');
    }
    const admin = await callerFor(db, { actor: people.federationAdmin }).officer.membership.list({
      query: '王',
      limit: 100,
    });
    const everywhere = await db.prisma.member.findMany({
      where: { id: { in: admin.items.map((member) => member.id) } },
      select: { orgUnitPath: true },
    });
    expect(everywhere.some((member) => !member.orgUnitPath.startsWith(edu.path))).toBe(true);
  });

  it('adds nothing on a second start', async () => {
    const before = {
      members: await db.prisma.member.count(),
      employers: await db.prisma.employer.count(),
      changes: await db.prisma.memberStatusChange.count(),
      employment: await db.prisma.employmentRecord.count(),
    };
    const again = await seedDemoMembers(db, testCipherFor(db), { today: TODAY });
    expect(again.seeded).toBe(false);
    expect({
      members: await db.prisma.member.count(),
      employers: await db.prisma.employer.count(),
      changes: await db.prisma.memberStatusChange.count(),
      employment: await db.prisma.employmentRecord.count(),
    }).toEqual(before);
  });
});

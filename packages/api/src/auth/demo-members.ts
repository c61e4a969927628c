import { randomUUID } from 'node:crypto';
import type { Database, Prisma } from '@unionhall/db';
import {
  composeCreditCode,
  CURRENT_CONSENT_VERSION,
  nameGrams,
  normalizeForSearch,
  residentIdCheckCharacter,
  type TMemberStatus,
} from '@unionhall/domain';
import type { FieldCipher } from '../crypto/field-cipher';
import {
  idCipherContext,
  idDocumentHash,
  MEMBER_NUMBER_LENGTH,
} from '../modules/membership/membership.service';
import {
  DEMO_EMPLOYERS,
  FEMALE_NAME_CHARACTERS,
  GIVEN_NAMES,
  LOCAL_REGIONS,
  MALE_NAME_CHARACTERS,
  MIGRANT_REGIONS,
  MOBILE_PREFIXES,
  PROVINCE_REGIONS,
  REASONS,
  SURNAMES,
  WORKFORCE,
  type DemoEmployer,
  type EmployerKind,
} from './demo-members-data';
import { DEMO_MEMBERS, DEMO_OFFICERS } from './demo-identities';
import { memberSortName } from '../modules/membership/sort-name';

const MARKER = 'demo_members_loaded_at';
/** The counter changeMemberStatus takes member numbers from; the demo's numbers come first. */
const MEMBER_NUMBER_COUNTER = 'member_number_seq';
/** Every first start draws the same union from this seed. */
const SEED = 0x62_6a_66_74;
/** Rows per INSERT: a few large statements, each well under a megabyte or two of JSON. */
const BATCH = 1000;
const DAY_MS = 86_400_000;

/** mulberry32: a small, fast, seedable generator; quality is ample for demo data. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return pick(entries)[0];
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof createRandom>;

type Sex = 'MALE' | 'FEMALE';

interface Person {
  name: string;
  sex: Sex;
  birthDate: string;
  idNumber: string;
  phone: string;
  email: string | null;
}

interface StatusStep {
  fromStatus: TMemberStatus | null;
  toStatus: TMemberStatus;
  action: string;
  reason: string | null;
  actorType: 'MEMBER' | 'OFFICER';
  occurredAt: Date;
}

interface PlannedMember extends Person {
  unitCode: string;
  needsPlacement: boolean;
  employer: DemoEmployer;
  workplace: string | null;
  jobTitle: string;
  status: TMemberStatus;
  tags: string[];
  appliedAt: Date;
  joinedAt: Date | null;
  consent: boolean;
  history: StatusStep[];
  /** The demo member account this record belongs to, by email. */
  accountEmail?: string;
}

/** Draws people with unique ID numbers and phone numbers. */
function peopleFactory(random: Random) {
  const idNumbers = new Set<string>();
  const phones = new Set<string>(DEMO_MEMBERS.map((member) => member.phoneNumber));

  const givenName = (sex: Sex, birthYear: number) => {
    if (random.chance(0.4)) {
      return random.pick(GIVEN_NAMES[sex][birthYear >= 1995 ? 'younger' : 'older']);
    }
    const pool = sex === 'MALE' ? MALE_NAME_CHARACTERS : FEMALE_NAME_CHARACTERS;
    const first = random.pick(pool);
    if (random.chance(0.5)) return first;
    // Doubled characters (婷婷, 晶晶) are common in women's names, rare in men's.
    if (sex === 'FEMALE' && random.chance(0.06)) return `${first}${first}`;
    let second = random.pick(pool);
    while (second === first) second = random.pick(pool);
    return `${first}${second}`;
  };

  const region = (kind: EmployerKind) => {
    const migrants = kind === 'riders' || kind === 'delivery' || kind === 'warehouse' ? 0.55 : 0.2;
    const roll = random.next();
    if (roll < migrants) return random.pick(MIGRANT_REGIONS);
    if (roll < migrants + 0.15) return random.pick(PROVINCE_REGIONS);
    return random.pick(LOCAL_REGIONS);
  };

  const residentId = (regionCode: string, birthDate: string, sex: Sex) => {
    for (;;) {
      // The sequence's last digit is odd for men and even for women (GB 11643).
      const parity = random.int(0, 4) * 2 + (sex === 'MALE' ? 1 : 0);
      const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(random.int(0, 99)).padStart(2, '0')}${parity}`;
      const id = `${first17}${residentIdCheckCharacter(first17)}`;
      if (!idNumbers.has(id)) {
        idNumbers.add(id);
        return id;
      }
    }
  };

  const phone = () => {
    for (;;) {
      const value = `+86${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
      if (!phones.has(value)) {
        phones.add(value);
        return value;
      }
    }
  };

  const email = (phoneNumber: string) => {
    const national = phoneNumber.slice(3);
    const roll = random.next();
    if (roll < 0.55) return `${random.int(10_000, 3_999_999_999)}@qq.com`;
    if (roll < 0.8) return `${national}@163.com`;
    return `${national}@139.com`;
  };

  /** Someone aged between `ages` on `today`, born on a real date. */
  const person = (kind: EmployerKind, today: Date, emailShare: number): Person => {
    const workforce = WORKFORCE[kind];
    const sex: Sex = random.chance(workforce.male) ? 'MALE' : 'FEMALE';
    const [youngest, oldest] = workforce.ages;
    const age = random.int(youngest, oldest);
    const year = today.getUTCFullYear() - age - 1;
    const birth = new Date(Date.UTC(year, 0, 1) + random.int(0, 364) * DAY_MS);
    const birthDate = birth.toISOString().slice(0, 10);
    const phoneNumber = phone();
    return {
      name: `${random.weighted(SURNAMES)}${givenName(sex, year)}`,
      sex,
      birthDate,
      idNumber: residentId(region(kind), birthDate, sex),
      phone: phoneNumber,
      email: random.chance(emailShare) ? email(phoneNumber) : null,
    };
  };

  return { person, residentId, phone, email };
}

function ageOn(birthDate: string, day: Date): number {
  return (day.getTime() - new Date(`${birthDate}T00:00:00Z`).getTime()) / (365.25 * DAY_MS);
}

/** A title for the employer's kind of work that someone of this age can hold. */
function jobTitle(random: Random, kind: EmployerKind, birthDate: string, today: Date): string {
  const age = ageOn(birthDate, today);
  const open = WORKFORCE[kind].titles.filter(([, , minAge]) => age >= (minAge ?? 0));
  return random.weighted(open.map(([title, weight]) => [title, weight] as const));
}

/** A moment between `from` and `to`, at a plausible office hour (China time). */
function between(random: Random, from: Date, to: Date): Date {
  const days = Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
  const day = Math.floor(from.getTime() / DAY_MS) + random.int(0, days);
  // 09:00-17:00 in UTC+8 is 01:00-09:00 UTC.
  return new Date(day * DAY_MS + random.int(1 * 60, 9 * 60 - 1) * 60_000);
}

/**
 * The status an established member is in, and the history that led there. Riders and couriers
 * come and go more, so their records lapse and end more often.
 */
function membershipStory(
  random: Random,
  kind: EmployerKind,
  appliedAt: Date,
  joinedAt: Date,
  today: Date,
): { status: TMemberStatus; history: StatusStep[] } {
  const history: StatusStep[] = [
    ...applicantHistory(appliedAt),
    {
      fromStatus: 'APPLICANT',
      toStatus: 'ACTIVE',
      action: 'APPROVE',
      reason: null,
      actorType: 'OFFICER',
      occurredAt: joinedAt,
    },
  ];
  const mobile = kind === 'riders' || kind === 'delivery';
  const status = random.weighted<TMemberStatus>(
    mobile
      ? [
          ['ACTIVE', 78],
          ['LAPSED', 13],
          ['SUSPENDED', 1],
          ['RESIGNED', 8],
        ]
      : [
          ['ACTIVE', 89],
          ['LAPSED', 5],
          ['SUSPENDED', 1],
          ['RESIGNED', 5],
        ],
  );
  const later = (after: Date) => between(random, new Date(after.getTime() + 30 * DAY_MS), today);
  const step = (
    from: TMemberStatus,
    to: TMemberStatus,
    action: string,
    reason: string,
    at: Date,
    actorType: 'MEMBER' | 'OFFICER' = 'OFFICER',
  ): StatusStep => ({ fromStatus: from, toStatus: to, action, reason, actorType, occurredAt: at });

  // A joined date less than a month back leaves no room for later changes.
  if (today.getTime() - joinedAt.getTime() < 60 * DAY_MS) return { status: 'ACTIVE', history };
  if (status === 'ACTIVE') {
    if (random.chance(0.04)) {
      const lapsed = later(joinedAt);
      history.push(step('ACTIVE', 'LAPSED', 'LAPSE', random.pick(REASONS.lapse), lapsed));
      if (today.getTime() - lapsed.getTime() > 45 * DAY_MS) {
        history.push(
          step('LAPSED', 'ACTIVE', 'REINSTATE', random.pick(REASONS.reinstate), later(lapsed)),
        );
      } else {
        return { status: 'LAPSED', history };
      }
    }
    return { status: 'ACTIVE', history };
  }
  if (status === 'LAPSED') {
    history.push(step('ACTIVE', 'LAPSED', 'LAPSE', random.pick(REASONS.lapse), later(joinedAt)));
  } else if (status === 'SUSPENDED') {
    history.push(
      step('ACTIVE', 'SUSPENDED', 'SUSPEND', random.pick(REASONS.suspend), later(joinedAt)),
    );
  } else {
    const byMember = random.chance(0.4);
    history.push(
      step(
        'ACTIVE',
        'RESIGNED',
        'RESIGN',
        random.pick(byMember ? REASONS.resignByMember : REASONS.resignByOfficer),
        later(joinedAt),
        byMember ? 'MEMBER' : 'OFFICER',
      ),
    );
  }
  return { status, history };
}

function tagsFor(random: Random, kind: EmployerKind, birthDate: string, today: Date): string[] {
  const tags: string[] = [];
  const age = ageOn(birthDate, today);
  if (age >= 40 && random.chance(0.015)) tags.push('劳模');
  if (random.chance(0.03)) tags.push('困难职工');
  // 青年 in the union's sense: 35 and under, for the youth committee's lists.
  if (age <= 35 && random.chance(0.45)) tags.push('青年');
  const industrial: EmployerKind[] = ['steel', 'heavyIndustry', 'materials', 'machinery'];
  if (industrial.includes(kind) && age >= 30 && random.chance(0.04)) tags.push('技术能手');
  return tags;
}

/** Riders' and couriers' unions and the software firm's are young; the others are old. */
const UNION_AGE_YEARS: Partial<Record<EmployerKind, number>> = {
  riders: 6,
  delivery: 9,
  software: 11,
  materials: 12,
};

function applicantHistory(appliedAt: Date): StatusStep[] {
  return [
    {
      fromStatus: null,
      toStatus: 'APPLICANT',
      action: 'APPLY',
      reason: null,
      actorType: 'MEMBER',
      occurredAt: appliedAt,
    },
  ];
}

/**
 * The whole demo union as plain data: deterministic for a given `today` (dates before it are
 * measured back from it, so the queue always holds last week's applications).
 */
export function planDemoMembers(today: Date): PlannedMember[] {
  const random = createRandom(SEED);
  const people = peopleFactory(random);
  const planned: PlannedMember[] = [];

  // The demo member account (张伟, a teacher at 滨江市第一中学) has a real membership.
  const school = DEMO_EMPLOYERS.find((employer) => employer.kind === 'school');
  const demoAccount = DEMO_MEMBERS[0];
  if (school?.unitCode && demoAccount) {
    const birthDate = '1988-03-15';
    const joinedAt = new Date(Date.UTC(today.getUTCFullYear() - 11, 8, 10, 2));
    const appliedAt = new Date(joinedAt.getTime() - 14 * DAY_MS);
    planned.push({
      name: demoAccount.name,
      sex: 'MALE',
      birthDate,
      idNumber: people.residentId('330108', birthDate, 'MALE'),
      phone: demoAccount.phoneNumber,
      email: demoAccount.email,
      unitCode: school.unitCode,
      needsPlacement: false,
      employer: school,
      workplace: school.workplaces[0]?.name ?? null,
      jobTitle: '教师',
      status: 'ACTIVE',
      tags: [],
      appliedAt,
      joinedAt,
      consent: true,
      history: [
        ...applicantHistory(appliedAt),
        {
          fromStatus: 'APPLICANT',
          toStatus: 'ACTIVE',
          action: 'APPROVE',
          reason: null,
          actorType: 'OFFICER',
          occurredAt: joinedAt,
        },
      ],
      accountEmail: demoAccount.email,
    });
  }

  // Established members: joined since their union was founded, never before they turned 18.
  for (const employer of DEMO_EMPLOYERS) {
    const unitCode = employer.unitCode;
    if (!unitCode) continue;
    const founded = today.getTime() - (UNION_AGE_YEARS[employer.kind] ?? 20) * 365.25 * DAY_MS;
    for (let index = 0; index < employer.members; index += 1) {
      const person = people.person(employer.kind, today, 0.35);
      const adult = new Date(`${person.birthDate}T00:00:00Z`).getTime() + 18.5 * 365.25 * DAY_MS;
      const earliest = new Date(Math.max(adult, founded));
      const joinedAt = between(random, earliest, new Date(today.getTime() - 21 * DAY_MS));
      const appliedAt = new Date(joinedAt.getTime() - random.int(2, 30) * DAY_MS);
      const story = membershipStory(random, employer.kind, appliedAt, joinedAt, today);
      planned.push({
        ...person,
        unitCode,
        needsPlacement: false,
        employer,
        workplace: employer.workplaces.length ? random.pick(employer.workplaces).name : null,
        jobTitle: jobTitle(random, employer.kind, person.birthDate, today),
        status: story.status,
        tags: tagsFor(random, employer.kind, person.birthDate, today),
        appliedAt,
        joinedAt,
        // Records from before online applications have no consent on file.
        consent: today.getTime() - joinedAt.getTime() < 365 * DAY_MS,
        history: story.history,
      });
    }
  }

  // The queue: this month's applications, a holding pool, and likely duplicates.
  const recent = () => between(random, new Date(today.getTime() - 20 * DAY_MS), today);
  const byName = (name: string) => {
    const employer = DEMO_EMPLOYERS.find((candidate) => candidate.name === name);
    if (!employer) throw new Error(`demo employer ${name} missing`);
    return employer;
  };
  const applicant = (
    employer: DemoEmployer,
    unitCode: string,
    overrides: Partial<PlannedMember> = {},
  ): PlannedMember => {
    const person = people.person(employer.kind, today, 1);
    const appliedAt = recent();
    return {
      ...person,
      email: person.email ?? people.email(person.phone),
      unitCode,
      needsPlacement: false,
      employer,
      workplace: employer.workplaces.length ? random.pick(employer.workplaces).name : null,
      jobTitle: jobTitle(random, employer.kind, person.birthDate, today),
      status: 'APPLICANT',
      tags: [],
      appliedAt,
      joinedAt: null,
      consent: true,
      history: applicantHistory(appliedAt),
      ...overrides,
    };
  };
  const queue: [string, number][] = [
    ['滨江市第一中学', 2],
    ['滨江大学', 1],
    ['滨江大学附属医院', 1],
    ['华兴钢铁集团有限公司', 2],
    ['云帆科技有限公司', 2],
    ['万家超市连锁有限公司', 1],
    ['滨江速达同城配送服务有限公司', 2],
    ['星河物流股份有限公司城东配送站', 1],
  ];
  for (const [name, count] of queue) {
    const employer = byName(name);
    for (let index = 0; index < count; index += 1) {
      if (employer.unitCode) planned.push(applicant(employer, employer.unitCode));
    }
  }
  // Workers of employers without a union wait in a regional unit's holding pool.
  for (const [name, unitCode] of [
    ['滨江智云数据服务有限公司', 'BJ-HTZ-FTU'],
    ['滨江智云数据服务有限公司', 'BJ-HTZ-FTU'],
    ['滨江机械制造有限公司', 'BJ-FTU'],
    ['滨江机械制造有限公司', 'BJ-FTU'],
  ] as const) {
    planned.push(applicant(byName(name), unitCode, { needsPlacement: true }));
  }

  // Likely duplicates for the console to catch. The ID numbers differ (a living record with
  // the same number is refused at application), so only the phone or name and birth date tell.
  const established = planned.filter(
    (member) => member.status === 'ACTIVE' && !member.accountEmail,
  );
  const lapsed = planned.filter((member) => member.status === 'LAPSED');
  const samePhone = established[137];
  const sameBirth = lapsed[11];
  if (samePhone && sameBirth) {
    // A member applies again, from the same phone, with an ID number typed differently.
    planned.push(
      applicant(samePhone.employer, samePhone.unitCode, {
        name: samePhone.name,
        sex: samePhone.sex,
        phone: samePhone.phone,
        birthDate: samePhone.birthDate,
        idNumber: people.residentId(
          samePhone.idNumber.slice(0, 6),
          samePhone.birthDate,
          samePhone.sex,
        ),
      }),
    );
    // A lapsed member rejoins with a new phone and an ID issued where they live now.
    planned.push(
      applicant(sameBirth.employer, sameBirth.unitCode, {
        name: sameBirth.name,
        sex: sameBirth.sex,
        birthDate: sameBirth.birthDate,
        idNumber: people.residentId(random.pick(LOCAL_REGIONS), sameBirth.birthDate, sameBirth.sex),
      }),
    );
  }
  // Someone applied on paper and online: same name, birth date and phone; the ID mistyped once.
  const twice = applicant(byName('万家超市连锁有限公司'), 'WJ-MART');
  planned.push(twice, {
    ...twice,
    idNumber: people.residentId(twice.idNumber.slice(0, 6), twice.birthDate, twice.sex),
    appliedAt: new Date(twice.appliedAt.getTime() + 2 * DAY_MS),
    history: applicantHistory(new Date(twice.appliedAt.getTime() + 2 * DAY_MS)),
  });
  return planned;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) {
    out.push(items.slice(index, index + size));
  }
  return out;
}

/**
 * Field → PostgreSQL type of the rows the demo inserts; `satisfies` makes the compiler hold
 * these lists to the Prisma input types, so a renamed field fails to build, not to seed.
 */
const MEMBER_COLUMNS = {
  id: 'uuid',
  memberNumber: 'text',
  userId: 'uuid',
  orgUnitId: 'uuid',
  orgUnitPath: 'text',
  needsPlacement: 'boolean',
  status: '"MemberStatus"',
  name: 'text',
  searchName: 'text',
  sortName: 'text',
  searchGrams: 'text[]',
  sex: 'text',
  birthDate: 'date',
  idType: '"IdDocumentType"',
  idCipher: 'text',
  idHash: 'text',
  idLast4: 'text',
  phone: 'text',
  email: 'text',
  employerId: 'uuid',
  workplaceId: 'uuid',
  jobTitle: 'text',
  tags: 'text[]',
  consentVersion: 'text',
  consentAt: 'timestamptz',
  appliedAt: 'timestamptz',
  joinedAt: 'timestamptz',
  version: 'integer',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
} as const satisfies Partial<Record<keyof Prisma.MemberCreateManyInput, string>>;

const STATUS_CHANGE_COLUMNS = {
  memberId: 'uuid',
  fromStatus: '"MemberStatus"',
  toStatus: '"MemberStatus"',
  action: 'text',
  reason: 'text',
  actorType: 'text',
  actorId: 'text',
  occurredAt: 'timestamptz',
} as const satisfies Partial<Record<keyof Prisma.MemberStatusChangeCreateManyInput, string>>;

const EMPLOYMENT_COLUMNS = {
  memberId: 'uuid',
  employerId: 'uuid',
  workplaceId: 'uuid',
  jobTitle: 'text',
  startedOn: 'date',
  source: '"EmploymentSource"',
  createdAt: 'timestamptz',
} as const satisfies Partial<Record<keyof Prisma.EmploymentRecordCreateManyInput, string>>;

type Row<Columns> = { [Field in keyof Columns]: unknown };

/** Hire dates come from a generator of their own, so adding them left the drawn union as it was. */
const HIRE_SEED = 0x68_69_72_65;

/**
 * When a member started with their current employer: before they applied to its union (people
 * join after some time in the job), at most fifteen years before, and not before they were 18.
 */
function hireDate(random: Random, birthDate: string, appliedAt: Date): string {
  const adult = new Date(`${birthDate}T00:00:00Z`);
  adult.setUTCFullYear(adult.getUTCFullYear() + 18);
  const latest = new Date(appliedAt.getTime() - 30 * DAY_MS);
  const earliest = new Date(Math.max(adult.getTime(), appliedAt.getTime() - 15 * 365.25 * DAY_MS));
  const day = earliest < latest ? between(random, earliest, latest) : appliedAt;
  return day.toISOString().slice(0, 10);
}

/**
 * Inserts rows as one JSON parameter expanded by jsonb_to_recordset. Prisma's createMany
 * binds every cell as its own parameter, which on PGlite costs about a second per thousand
 * members; one JSON document is parsed by PostgreSQL itself, five times faster. The
 * statement is built from the constant column lists above only; the data is a bound value.
 */
async function insertJsonRows<Columns extends Record<string, string>>(
  tx: Prisma.TransactionClient,
  table: string,
  columns: Columns,
  rows: Row<Columns>[],
): Promise<void> {
  const fields = Object.entries(columns);
  const snake = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  const sql = `INSERT INTO "${table}" (${fields.map(([field]) => `"${snake(field)}"`).join(', ')})
    SELECT ${fields.map(([field]) => `r."${field}"`).join(', ')}
    FROM jsonb_to_recordset($1::jsonb) AS r(${fields.map(([field, type]) => `"${field}" ${type}`).join(', ')})`;
  for (const batch of chunks(rows, BATCH)) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(batch));
  }
}

/**
 * Loads the demo union's employers, workplaces and about 3,000 members on the first start,
 * after the demo tree (seedDemoData) and the demo accounts (seedDemoIdentities). ID numbers are
 * encrypted and indexed exactly as applications are (membership.service), so search, reveal
 * and duplicate checks treat them as real records. A marker row keeps later starts from adding
 * anything; nothing happens without the demo tree.
 */
export async function seedDemoMembers(
  db: Pick<Database, 'prisma'>,
  cipher: FieldCipher,
  options: { today?: Date } = {},
): Promise<{ seeded: boolean; members: number; employers: number; ms: number }> {
  const started = performance.now();
  const today = options.today ?? new Date();
  const result = await db.prisma.$transaction(
    async (tx) => {
      if (await tx.appMeta.findUnique({ where: { key: MARKER } })) return null;
      const unitRows = await tx.orgUnit.findMany({ select: { id: true, code: true, path: true } });
      const units = new Map(unitRows.map((unit) => [unit.code, unit]));
      if (!units.has('BJ-FTU')) return null;
      // Written first, so a second server starting at the same moment waits here, then fails.
      await tx.appMeta.create({ data: { key: MARKER, value: today.toISOString() } });

      const employerIds = new Map<string, string>();
      const workplaceIds = new Map<string, string>();
      const employers: Prisma.EmployerCreateManyInput[] = [];
      const workplaces: Prisma.WorkplaceCreateManyInput[] = [];
      for (const employer of DEMO_EMPLOYERS) {
        const id = randomUUID();
        employerIds.set(employer.name, id);
        const code = employer.creditCode;
        employers.push({
          id,
          name: employer.name,
          creditCode: code ? composeCreditCode(code.prefix, code.region, code.body) : null,
          orgUnitId: employer.unitCode ? (units.get(employer.unitCode)?.id ?? null) : null,
          workforceSize: employer.workforceSize,
          address: employer.address,
        });
        for (const workplace of employer.workplaces) {
          const workplaceId = randomUUID();
          workplaceIds.set(`${employer.name}/${workplace.name}`, workplaceId);
          workplaces.push({ id: workplaceId, employerId: id, ...workplace });
        }
      }
      await tx.employer.createMany({ data: employers });
      await tx.workplace.createMany({ data: workplaces });

      const accounts = await tx.authUser.findMany({
        where: {
          email: {
            in: [
              ...DEMO_MEMBERS.map((member) => member.email),
              ...DEMO_OFFICERS.map((officer) => officer.email),
            ],
          },
        },
        select: { id: true, email: true, member: { select: { id: true } } },
      });
      // An installation from before demo members may have the demo member applying already
      // from the app; that record keeps the account.
      const accountId = (email: string) =>
        accounts.find((account) => account.email === email && !account.member)?.id ?? null;
      // Historical approvals are shown as the federation's administrator's.
      const approver = accountId(DEMO_OFFICERS[0]?.email ?? '');

      const plan = planDemoMembers(today).filter((member) => units.has(member.unitCode));
      // Member numbers follow the order people joined, after any number already given.
      const counter = await tx.appMeta.findUnique({ where: { key: MEMBER_NUMBER_COUNTER } });
      let lastNumber = Number(counter?.value ?? '0');
      const joined = plan
        .filter((member) => member.joinedAt)
        .sort((a, b) => (a.joinedAt?.getTime() ?? 0) - (b.joinedAt?.getTime() ?? 0));
      const numbers = new Map<PlannedMember, string>();
      for (const member of joined) {
        lastNumber += 1;
        numbers.set(member, String(lastNumber).padStart(MEMBER_NUMBER_LENGTH, '0'));
      }

      const members: (Row<typeof MEMBER_COLUMNS> & Prisma.MemberCreateManyInput)[] = [];
      const changes: (Row<typeof STATUS_CHANGE_COLUMNS> &
        Prisma.MemberStatusChangeCreateManyInput)[] = [];
      // The current spell of employment of each member, as the member page's history shows it.
      const jobs: (Row<typeof EMPLOYMENT_COLUMNS> & Prisma.EmploymentRecordCreateManyInput)[] = [];
      const hires = createRandom(HIRE_SEED);
      for (const member of plan) {
        const unit = units.get(member.unitCode);
        if (!unit) continue;
        const id = randomUUID();
        const userId = member.accountEmail ? accountId(member.accountEmail) : null;
        const last = member.history.at(-1);
        members.push({
          id,
          memberNumber: numbers.get(member) ?? null,
          userId,
          orgUnitId: unit.id,
          orgUnitPath: unit.path,
          needsPlacement: member.needsPlacement,
          status: member.status,
          name: member.name,
          searchName: normalizeForSearch(member.name),
          sortName: memberSortName(member.name),
          searchGrams: nameGrams(member.name),
          sex: member.sex,
          birthDate: new Date(`${member.birthDate}T00:00:00Z`),
          idType: 'RESIDENT_ID',
          idCipher: cipher.encrypt(member.idNumber, idCipherContext(id)),
          idHash: idDocumentHash(cipher, 'RESIDENT_ID', member.idNumber),
          idLast4: member.idNumber.slice(-4),
          phone: member.phone,
          email: member.email,
          employerId: employerIds.get(member.employer.name) ?? null,
          workplaceId: member.workplace
            ? (workplaceIds.get(`${member.employer.name}/${member.workplace}`) ?? null)
            : null,
          jobTitle: member.jobTitle,
          tags: member.tags,
          consentVersion: member.consent ? CURRENT_CONSENT_VERSION : null,
          consentAt: member.consent ? member.appliedAt : null,
          appliedAt: member.appliedAt,
          joinedAt: member.joinedAt,
          // One version per change after the application, as changeMemberStatus counts them.
          version: member.history.length,
          createdAt: member.appliedAt,
          updatedAt: last?.occurredAt ?? member.appliedAt,
        });
        const employerId = employerIds.get(member.employer.name);
        if (employerId) {
          jobs.push({
            memberId: id,
            employerId,
            workplaceId: member.workplace
              ? (workplaceIds.get(`${member.employer.name}/${member.workplace}`) ?? null)
              : null,
            jobTitle: member.jobTitle,
            startedOn: hireDate(hires, member.birthDate, member.appliedAt),
            // Every demo member told the union their job when applying.
            source: 'APPLICATION',
            createdAt: member.appliedAt,
          });
        }
        for (const step of member.history) {
          changes.push({
            memberId: id,
            ...step,
            actorId: step.actorType === 'OFFICER' ? approver : userId,
          });
        }
      }
      await insertJsonRows(tx, 'member', MEMBER_COLUMNS, members);
      await insertJsonRows(tx, 'member_status_change', STATUS_CHANGE_COLUMNS, changes);
      await insertJsonRows(tx, 'employment_record', EMPLOYMENT_COLUMNS, jobs);
      await tx.appMeta.upsert({
        where: { key: MEMBER_NUMBER_COUNTER },
        create: { key: MEMBER_NUMBER_COUNTER, value: String(lastNumber) },
        update: { value: String(lastNumber) },
      });
      return { members: members.length, employers: employers.length };
    },
    // Thousands of rows in one transaction: more than Prisma's default five seconds on a slow disk.
    { timeout: 120_000, maxWait: 30_000 },
  );
  const ms = Math.round(performance.now() - started);
  return result ? { seeded: true, ...result, ms } : { seeded: false, members: 0, employers: 0, ms };
}

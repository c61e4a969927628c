import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  EMPLOYMENT_FOLLOW_UP_TAG,
  fieldChanges,
  UnionhallError,
  ZEndEmploymentInput,
  ZRecordLeaversInput,
  ZUpdateEmploymentInput,
  type TEmploymentRecord,
  type TEndEmploymentInput,
  type TUpdateEmploymentInput,
  unionToday,
  type TEmploymentSource,
  type TLeaverOutcome,
  type TRecordLeaversInput,
  type TRecordLeaversResult,
} from '@unionhall/domain';
import { OutOfScopeError, type Scope } from '../../access';
import type { AuditWriter } from '../../audit';
import type { Actor } from '../../context';
import { insertRows } from '../../bulk-insert';
import type { FieldCipher } from '../../crypto/field-cipher';
import { idDocumentHash } from './membership.service';

type Tx = Prisma.TransactionClient;

/** A calendar date as the database stores it (midnight UTC). */
function dateOnly(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** Today's date where the union works (Beijing), from the domain's calendar rule. */
export { unionToday };

export interface EmploymentEntry {
  memberId: string;
  employerId: string;
  workplaceId?: string | null;
  jobTitle?: string | null;
  /** The first day at this employer (YYYY-MM-DD); null when unknown; today when absent. */
  startedOn?: string | null;
}

/**
 * Records that members now work where the entries say: each member's open record (if any)
 * ends today and a new open one starts. An entry that repeats the open record (same
 * employer, workplace and job) changes nothing, so callers may call this on every save.
 */
export async function recordEmployment(
  tx: Tx,
  source: TEmploymentSource,
  entries: readonly EmploymentEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const todayText = unionToday();
  const today = dateOnly(todayText);
  const open = await tx.employmentRecord.findMany({
    where: { memberId: { in: entries.map((entry) => entry.memberId) }, endedOn: null },
    select: { id: true, memberId: true, employerId: true, workplaceId: true, jobTitle: true },
  });
  const openByMember = new Map(open.map((record) => [record.memberId, record]));
  const changed = entries.filter((entry) => {
    const current = openByMember.get(entry.memberId);
    return !(
      current &&
      current.employerId === entry.employerId &&
      current.workplaceId === (entry.workplaceId ?? null) &&
      current.jobTitle === (entry.jobTitle ?? null)
    );
  });
  if (changed.length === 0) return;
  const toClose = changed.flatMap((entry) => {
    const current = openByMember.get(entry.memberId);
    return current ? [current.id] : [];
  });
  if (toClose.length > 0) {
    await tx.employmentRecord.updateMany({
      where: { id: { in: toClose } },
      data: { endedOn: today },
    });
  }
  // One statement whatever the number of entries: an import writes a thousand at a time.
  await insertRows(
    tx,
    'employment_record',
    {
      member_id: 'uuid',
      employer_id: 'uuid',
      workplace_id: 'uuid',
      job_title: 'text',
      started_on: 'date',
      source: '"EmploymentSource"',
    },
    changed.map((entry) => ({
      member_id: entry.memberId,
      employer_id: entry.employerId,
      workplace_id: entry.workplaceId ?? null,
      job_title: entry.jobTitle ?? null,
      started_on: entry.startedOn === undefined ? todayText : (entry.startedOn ?? null),
      source,
    })),
  );
}

const EMPLOYMENT_SELECT = {
  id: true,
  memberId: true,
  employerId: true,
  employer: { select: { name: true } },
  workplaceId: true,
  workplace: { select: { name: true } },
  jobTitle: true,
  startedOn: true,
  endedOn: true,
  endReason: true,
  source: true,
  createdAt: true,
  version: true,
} satisfies Prisma.EmploymentRecordSelect;

type EmploymentRow = Prisma.EmploymentRecordGetPayload<{ select: typeof EMPLOYMENT_SELECT }>;

/** A calendar date column as YYYY-MM-DD. */
function dayText(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

function toEmploymentRecord(row: EmploymentRow): TEmploymentRecord {
  return {
    id: row.id,
    employerId: row.employerId,
    employerName: row.employer.name,
    workplaceId: row.workplaceId,
    workplaceName: row.workplace?.name ?? null,
    jobTitle: row.jobTitle,
    startedOn: dayText(row.startedOn),
    endedOn: dayText(row.endedOn),
    endReason: row.endReason,
    source: row.source,
    createdAt: row.createdAt,
    version: row.version,
  };
}

/** A member's employment, newest first; members outside the scope are not found. */
export async function employmentHistory(
  prisma: PrismaClient,
  scope: Scope,
  memberId: string,
): Promise<TEmploymentRecord[]> {
  const member = await prisma.member.findUnique({
    where: { id: memberId },
    select: { orgUnitPath: true },
  });
  if (!member) throw new UnionhallError('NOT_FOUND', `member ${memberId} not found`);
  if (!scope.covers(member.orgUnitPath)) throw new OutOfScopeError(`member ${memberId}`);
  const rows = await prisma.employmentRecord.findMany({
    where: { memberId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: EMPLOYMENT_SELECT,
  });
  return rows.map(toEmploymentRecord);
}

export interface EmploymentEditDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  scope: Scope;
  actor: Actor;
}

/** A spell whose member lies in the scope; anything else is "not found" like a missing id. */
async function spellInScope(tx: Tx, scope: Scope, id: string) {
  const spell = await tx.employmentRecord.findUnique({
    where: { id },
    select: {
      ...EMPLOYMENT_SELECT,
      member: {
        select: { id: true, orgUnitId: true, orgUnitPath: true, employerId: true, status: true },
      },
    },
  });
  if (!spell) throw new UnionhallError('NOT_FOUND', `employment record ${id} not found`);
  if (!scope.covers(spell.member.orgUnitPath) || spell.member.status === 'MERGED') {
    throw new OutOfScopeError(`employment record ${id}`);
  }
  return spell;
}

/** The fields an edit can change, as the audit row records them. */
function auditedSpell(spell: {
  employerId: string;
  workplaceId: string | null;
  jobTitle: string | null;
  startedOn: string | null;
  endedOn: string | null;
  endReason: string | null;
}) {
  return { ...spell };
}

const SPELL_FIELDS = [
  'employerId',
  'workplaceId',
  'jobTitle',
  'startedOn',
  'endedOn',
  'endReason',
] as const;

/**
 * Writes an edit of a spell based on `expectedVersion`, keeps the member record in step
 * (its employer, workplace and job are those of the open spell; a spell that ends takes
 * them away) and writes the audit row, all in the caller's transaction.
 */
async function writeSpell(
  tx: Tx,
  deps: EmploymentEditDeps,
  spell: Awaited<ReturnType<typeof spellInScope>>,
  next: {
    employerId: string;
    workplaceId: string | null;
    jobTitle: string | null;
    startedOn: string | null;
    endedOn: string | null;
    endReason: string | null;
  },
  expectedVersion: number,
  action: 'member.employment.update' | 'member.employment.end',
): Promise<TEmploymentRecord> {
  const updated = await tx.employmentRecord.updateMany({
    where: { id: spell.id, version: expectedVersion },
    data: {
      employerId: next.employerId,
      workplaceId: next.workplaceId,
      jobTitle: next.jobTitle,
      startedOn: next.startedOn ? dateOnly(next.startedOn) : null,
      endedOn: next.endedOn ? dateOnly(next.endedOn) : null,
      endReason: next.endReason,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) {
    throw new UnionhallError('VERSION_CONFLICT', `employment record ${spell.id} changed meanwhile`);
  }
  const member = spell.member;
  if (next.endedOn === null) {
    // The open spell is where the member works now: the record (and the list's employer
    // filter) follows it.
    await tx.member.update({
      where: { id: member.id },
      data: {
        employerId: next.employerId,
        workplaceId: next.workplaceId,
        jobTitle: next.jobTitle,
        version: { increment: 1 },
      },
    });
  } else if (spell.endedOn === null && member.employerId === spell.employerId) {
    // The spell the member record showed has ended: it keeps no employer it no longer has.
    await tx.member.update({
      where: { id: member.id },
      data: { employerId: null, workplaceId: null, version: { increment: 1 } },
    });
  }
  const before = toEmploymentRecord(spell);
  await deps.audit(tx, {
    action,
    outcome: 'SUCCESS',
    targetType: 'Member',
    targetId: member.id,
    orgUnitId: member.orgUnitId,
    changes: {
      ...fieldChanges(auditedSpell(before), auditedSpell(next), { fields: SPELL_FIELDS }),
      employmentRecordId: { before: null, after: spell.id },
    },
  });
  return toEmploymentRecord(
    await tx.employmentRecord.findUniqueOrThrow({
      where: { id: spell.id },
      select: EMPLOYMENT_SELECT,
    }),
  );
}

/** An employer (and workplace of it) an officer may record: known, and not another union's. */
async function employerForSpell(
  tx: Tx,
  scope: Scope,
  employerId: string,
  workplaceId: string | null,
): Promise<void> {
  const employer = await tx.employer.findUnique({
    where: { id: employerId },
    select: { orgUnit: { select: { path: true } } },
  });
  if (!employer) throw new UnionhallError('NOT_FOUND', `employer ${employerId} not found`);
  // Employers without a unit yet (named by applicants) are open to all; another union's
  // employers look like missing ones, as everywhere.
  if (employer.orgUnit && !scope.covers(employer.orgUnit.path)) {
    throw new OutOfScopeError(`employer ${employerId}`);
  }
  if (workplaceId) {
    const workplace = await tx.workplace.findFirst({
      where: { id: workplaceId, employerId },
      select: { id: true },
    });
    if (!workplace) throw new UnionhallError('NOT_FOUND', `workplace ${workplaceId} not found`);
  }
}

/**
 * An officer corrects a spell of a member's employment (employer, workplace, job, dates).
 * Based on the version the officer saw; audited. A closed spell may be reopened only while
 * the member has no other open spell (at most one open spell per member).
 */
export async function updateEmployment(
  deps: EmploymentEditDeps,
  raw: TUpdateEmploymentInput,
): Promise<TEmploymentRecord> {
  const input = ZUpdateEmploymentInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const spell = await spellInScope(tx, deps.scope, input.id);
    await employerForSpell(tx, deps.scope, input.employerId, input.workplaceId);
    if (spell.endedOn !== null && input.endedOn === null) {
      const open = await tx.employmentRecord.findFirst({
        where: { memberId: spell.memberId, endedOn: null, id: { not: spell.id } },
        select: { id: true },
      });
      if (open) {
        throw new UnionhallError('EMPLOYMENT_ALREADY_OPEN', `member ${spell.memberId} works`);
      }
    }
    return writeSpell(
      tx,
      deps,
      spell,
      {
        employerId: input.employerId,
        workplaceId: input.workplaceId,
        jobTitle: input.jobTitle === '' ? null : input.jobTitle,
        startedOn: input.startedOn,
        endedOn: input.endedOn,
        endReason:
          input.endedOn === null
            ? null
            : input.endReason === undefined
              ? spell.endReason
              : input.endReason || null,
      },
      input.expectedVersion,
      'member.employment.update',
    );
  });
}

/** An officer ends a member's open spell on the day they left; audited. */
export async function endEmployment(
  deps: EmploymentEditDeps,
  raw: TEndEmploymentInput,
): Promise<TEmploymentRecord> {
  const input = ZEndEmploymentInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const spell = await spellInScope(tx, deps.scope, input.id);
    if (spell.endedOn !== null) {
      throw new UnionhallError('EMPLOYMENT_ALREADY_ENDED', `employment record ${spell.id}`);
    }
    const startedOn = dayText(spell.startedOn);
    if (startedOn && input.endedOn < startedOn) {
      throw new UnionhallError('VALIDATION_FAILED', 'a spell cannot end before it started');
    }
    return writeSpell(
      tx,
      deps,
      spell,
      {
        employerId: spell.employerId,
        workplaceId: spell.workplaceId,
        jobTitle: spell.jobTitle,
        startedOn,
        endedOn: input.endedOn,
        endReason: input.endReason ?? null,
      },
      input.expectedVersion,
      'member.employment.end',
    );
  });
}

export interface LeaversDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  cipher: FieldCipher;
  scope: Scope;
}

/**
 * An employer's report of who left. Each leaver's open record at that employer closes on the
 * day they left, and the member is tagged for follow-up: the union, not the employer,
 * decides whether they transfer or lapse, so the membership status stays as it is. Posting
 * the same leavers again changes nothing. Members outside the caller's scope, or not
 * employed there, are "not found" alike. One audit row per call, with the counts.
 */
export async function recordLeavers(
  deps: LeaversDeps,
  raw: TRecordLeaversInput,
): Promise<TRecordLeaversResult> {
  const input = ZRecordLeaversInput.parse(raw);
  return deps.prisma.$transaction(
    async (tx) => {
      const employer = await tx.employer.findUnique({
        where: { id: input.employerId },
        select: { id: true, orgUnit: { select: { id: true, path: true } } },
      });
      // An employer the caller cannot see is as unknown as one that does not exist: the
      // employer's own unit must be in scope.
      if (!employer) {
        throw new UnionhallError('NOT_FOUND', `employer ${input.employerId} not found`);
      }
      if (!employer.orgUnit || !deps.scope.covers(employer.orgUnit.path)) {
        throw new OutOfScopeError(`employer ${input.employerId}`);
      }
      const inScope: Prisma.MemberWhereInput = {
        OR: deps.scope.roots.map((root) => ({ orgUnitPath: { startsWith: root } })),
      };
      const results: TRecordLeaversResult['results'] = [];
      for (const [index, leaver] of input.leavers.entries()) {
        const key: Prisma.MemberWhereInput = leaver.idNumber
          ? { idHash: idDocumentHash(deps.cipher, 'RESIDENT_ID', leaver.idNumber) }
          : leaver.memberNumber
            ? { memberNumber: leaver.memberNumber }
            : { phone: leaver.phone ?? '' };
        const member = await tx.member.findFirst({
          where: {
            AND: [key, inScope, { status: { not: 'MERGED' } }],
            // At that employer now, or once (a repeated post finds the closed record).
            OR: [
              { employerId: employer.id },
              { employment: { some: { employerId: employer.id } } },
            ],
          },
          orderBy: { createdAt: 'desc' },
          select: { id: true, employerId: true, tags: true },
        });
        let outcome: TLeaverOutcome = 'notFound';
        if (member) {
          outcome = await closeEmployment(tx, member, employer.id, leaver.leftOn, leaver.reason);
        }
        results.push({ index, outcome });
      }
      const counts = {
        closed: results.filter((result) => result.outcome === 'closed').length,
        alreadyClosed: results.filter((result) => result.outcome === 'alreadyClosed').length,
        notFound: results.filter((result) => result.outcome === 'notFound').length,
      };
      await deps.audit(tx, {
        action: 'member.employment.leavers',
        outcome: 'SUCCESS',
        targetType: 'Employer',
        targetId: employer.id,
        orgUnitId: employer.orgUnit.id,
        changes: {
          posted: { before: null, after: input.leavers.length },
          closed: { before: null, after: counts.closed },
          alreadyClosed: { before: null, after: counts.alreadyClosed },
          notFound: { before: null, after: counts.notFound },
        },
      });
      return { results, counts };
    },
    // Up to 500 rows, each a few statements: more than Prisma's 5-second default on a busy box.
    { timeout: 60_000, maxWait: 15_000 },
  );
}

async function closeEmployment(
  tx: Tx,
  member: { id: string; employerId: string | null; tags: string[] },
  employerId: string,
  leftOn: string,
  reason: string | undefined,
): Promise<TLeaverOutcome> {
  const open = await tx.employmentRecord.findFirst({
    where: { memberId: member.id, employerId, endedOn: null },
    select: { id: true },
  });
  if (!open) {
    // A member employed there before the history existed has no record: one is written
    // (closed) so that the history shows the spell and a repeated post finds it closed.
    if (member.employerId !== employerId) return 'alreadyClosed';
    await tx.employmentRecord.create({
      data: {
        memberId: member.id,
        employerId,
        endedOn: dateOnly(leftOn),
        endReason: reason ?? null,
        source: 'HR_FEED',
      },
    });
  } else {
    await tx.employmentRecord.update({
      where: { id: open.id },
      data: { endedOn: dateOnly(leftOn), endReason: reason ?? null },
    });
  }
  // The member record keeps no employer it no longer has.
  await tx.member.update({
    where: { id: member.id },
    data: {
      ...(member.employerId === employerId ? { employerId: null, workplaceId: null } : {}),
      tags: member.tags.includes(EMPLOYMENT_FOLLOW_UP_TAG)
        ? member.tags
        : [...member.tags, EMPLOYMENT_FOLLOW_UP_TAG],
      version: { increment: 1 },
    },
  });
  return 'closed';
}

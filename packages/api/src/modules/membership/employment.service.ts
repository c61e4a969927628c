import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  EMPLOYMENT_FOLLOW_UP_TAG,
  UnionhallError,
  ZRecordLeaversInput,
  type TEmploymentRecord,
  type TEmploymentSource,
  type TLeaverOutcome,
  type TRecordLeaversInput,
  type TRecordLeaversResult,
} from '@unionhall/domain';
import { OutOfScopeError, type Scope } from '../../access';
import type { AuditWriter } from '../../audit';
import { insertRows } from '../../bulk-insert';
import type { FieldCipher } from '../../crypto/field-cipher';
import { idDocumentHash } from './membership.service';

type Tx = Prisma.TransactionClient;

/** A calendar date as the database stores it (midnight UTC). */
function dateOnly(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * Today's date where the union works. Employment dates are calendar days in China, so a
 * change at 07:00 Beijing time (23:00 UTC the day before) ends a spell on the Beijing day.
 */
export function unionToday(now: Date = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}

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
    include: { employer: { select: { name: true } }, workplace: { select: { name: true } } },
  });
  const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);
  return rows.map((row) => ({
    id: row.id,
    employerId: row.employerId,
    employerName: row.employer.name,
    workplaceName: row.workplace?.name ?? null,
    jobTitle: row.jobTitle,
    startedOn: day(row.startedOn),
    endedOn: day(row.endedOn),
    endReason: row.endReason,
    source: row.source,
    createdAt: row.createdAt,
  }));
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

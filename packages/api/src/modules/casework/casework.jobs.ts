import type { Database, PrismaClient } from '@unionhall/db';
import {
  addCalendarDays,
  beijingDate,
  reminderDue,
  roleGrant,
  type TRole,
} from '@unionhall/domain';
import type { Actor } from '../../context';
import { defineHandler, type EventHandler, type ScheduledTask } from '../../jobs/handlers';
import { notify } from '../../notifications/notify';
import { CASE_CALENDAR, fromDateColumn, recordEvent, toDateColumn, type Tx } from './case-support';
import { officerCaseLink } from './casework.service';

const SYSTEM: Actor = { type: 'SYSTEM', id: null, grants: [] };

/** Every morning at 08:00 Beijing time, before the working day starts. */
export const CASEWORK_SCHEDULES: readonly ScheduledTask[] = [
  { name: 'case-deadlines', cron: '0 8 * * *', event: 'schedule.case-deadlines' },
];

/**
 * The longest run of rest days plus one: a reminder window (from the working day before the
 * deadline) never reaches further ahead than this.
 */
const REMINDER_LOOKAHEAD_DAYS = 12;

const CANDIDATE_SELECT = {
  id: true,
  memberId: true,
  number: true,
  title: true,
  deadline: true,
  assigneeId: true,
  orgUnitId: true,
  orgUnitPath: true,
  assignee: { select: { name: true } },
} as const;

/**
 * Who hears that a case is overdue: the chairs of the case's unit, or of the nearest unit above
 * it that has one; where no unit on the way up has a chair, its nearest admins.
 */
async function escalationRecipients(tx: Tx, unitPath: string): Promise<string[]> {
  const lineage = unitPath.split('/').filter((id) => id.length > 0);
  const grants = await tx.roleGrant.findMany({
    where: {
      orgUnitId: { in: lineage },
      role: { in: ['UNIT_CHAIR', 'UNION_ADMIN', 'FEDERATION_ADMIN'] },
      user: { disabledAt: null },
    },
    select: { userId: true, role: true, orgUnit: { select: { depth: true, path: true } } },
  });
  const pick = (roles: readonly TRole[]) => {
    const matching = grants.filter(
      (grant) =>
        roles.includes(grant.role) &&
        roleGrant(grant.role, grant.orgUnit.path).permissions.includes('case.handle'),
    );
    const deepest = Math.max(-1, ...matching.map((grant) => grant.orgUnit.depth));
    return [
      ...new Set(
        matching.filter((grant) => grant.orgUnit.depth === deepest).map((grant) => grant.userId),
      ),
    ];
  };
  const chairs = pick(['UNIT_CHAIR']);
  return chairs.length > 0 ? chairs : pick(['UNION_ADMIN', 'FEDERATION_ADMIN']);
}

/**
 * The daily deadline run. Each open case is reminded to its assignee from the working day
 * before its deadline, and escalated to the chair once the deadline has passed: each once per
 * deadline (the case row remembers which deadline it handled, and the notify keys name it, so
 * a run repeated for the same slot or a later morning tells nobody twice). An extension or a
 * new stage brings a new deadline, which is reminded and escalated afresh.
 */
export async function runDeadlineReminders(
  prisma: PrismaClient,
  now: Date,
): Promise<{ reminded: number; escalated: number }> {
  const today = beijingDate(now);
  let reminded = 0;
  let escalated = 0;

  const soon = await prisma.memberCase.findMany({
    where: {
      status: 'OPEN',
      assigneeId: { not: null },
      deadline: {
        gte: toDateColumn(today),
        lte: toDateColumn(addCalendarDays(today, REMINDER_LOOKAHEAD_DAYS)),
      },
    },
    select: { ...CANDIDATE_SELECT, remindedFor: true },
  });
  for (const row of soon) {
    const deadline = fromDateColumn(row.deadline);
    if (!deadline || !row.assigneeId) continue;
    if (fromDateColumn(row.remindedFor) === deadline) continue;
    if (!reminderDue(CASE_CALENDAR, deadline, today)) continue;
    const assigneeId = row.assigneeId;
    const done = await prisma.$transaction(async (tx) => {
      // Only the run that moves remindedFor to this deadline tells anyone.
      const claimed = await tx.memberCase.updateMany({
        where: {
          id: row.id,
          status: 'OPEN',
          deadline: toDateColumn(deadline),
          assigneeId,
          OR: [{ remindedFor: null }, { remindedFor: { not: toDateColumn(deadline) } }],
        },
        data: { remindedFor: toDateColumn(deadline) },
      });
      if (claimed.count === 0) return false;
      await notify(tx, {
        userId: assigneeId,
        category: 'my_requests',
        template: 'case.deadline-soon',
        params: { caseNumber: row.number, title: row.title, deadline },
        link: officerCaseLink(row.id),
        key: `case.deadline-soon:${row.id}:${deadline}`,
      });
      await recordEvent(tx, row, SYSTEM, 'DEADLINE_REMINDED', { deadline }, false);
      return true;
    });
    if (done) reminded += 1;
  }

  const overdue = await prisma.memberCase.findMany({
    where: { status: 'OPEN', deadline: { lt: toDateColumn(today) } },
    select: { ...CANDIDATE_SELECT, escalatedFor: true },
    orderBy: { deadline: 'asc' },
    take: 1000,
  });
  for (const row of overdue) {
    const deadline = fromDateColumn(row.deadline);
    if (!deadline || fromDateColumn(row.escalatedFor) === deadline) continue;
    const done = await prisma.$transaction(async (tx) => {
      const claimed = await tx.memberCase.updateMany({
        where: {
          id: row.id,
          status: 'OPEN',
          deadline: toDateColumn(deadline),
          OR: [{ escalatedFor: null }, { escalatedFor: { not: toDateColumn(deadline) } }],
        },
        data: { escalatedFor: toDateColumn(deadline) },
      });
      if (claimed.count === 0) return false;
      const recipients = await escalationRecipients(tx, row.orgUnitPath);
      for (const userId of recipients) {
        await notify(tx, {
          userId,
          category: 'my_requests',
          template: 'case.deadline-passed',
          params: {
            caseNumber: row.number,
            title: row.title,
            deadline,
            assigneeName: row.assignee?.name ?? null,
          },
          link: officerCaseLink(row.id),
          key: `case.deadline-passed:${row.id}:${deadline}`,
        });
      }
      // Recorded on the case even when nobody could be told, so the console shows it.
      await recordEvent(
        tx,
        row,
        SYSTEM,
        'DEADLINE_ESCALATED',
        { deadline, recipients: String(recipients.length) },
        false,
      );
      return true;
    });
    if (done) escalated += 1;
  }
  return { reminded, escalated };
}

export function caseworkHandlers({ db }: { db: Database }): EventHandler[] {
  return [
    defineHandler({
      name: 'case.deadlines',
      event: 'schedule.case-deadlines',
      async handle(event) {
        await runDeadlineReminders(db.prisma, new Date(event.payload.firedAt));
      },
    }),
  ];
}

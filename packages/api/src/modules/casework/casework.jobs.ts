import type { Database, PrismaClient } from '@unionhall/db';
import { addCalendarDays, beijingDate, reminderDue } from '@unionhall/domain';
import type { Actor } from '../../context';
import { defineHandler, type EventHandler, type ScheduledTask } from '../../jobs/handlers';
import { notify } from '../../notifications/notify';
import {
  CASE_CALENDAR,
  escalationRecipients,
  fromDateColumn,
  recordEvent,
  toDateColumn,
} from './case-support';
import { officerCaseLink } from './casework.service';
import { escalateMediation } from './mediation.service';

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
 * The daily deadline run. Each open case is reminded to its assignee from the working day
 * before its deadline, and escalated to the chair once the deadline has passed: each once per
 * deadline (the case row remembers which deadline it handled, and the notify keys name it, so
 * a run repeated for the same slot or a later morning tells nobody twice). An extension or a
 * new stage brings a new deadline, which is reminded and escalated afresh.
 */
export async function runDeadlineReminders(
  prisma: PrismaClient,
  now: Date,
): Promise<{ reminded: number; escalated: number; mediationsEscalated: number }> {
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
  const mediationsEscalated = await escalateOverdueAgreements(prisma, today);
  return { reminded, escalated, mediationsEscalated };
}

/**
 * Mediation agreements whose pay-by day has passed with nobody recording whether they were
 * kept: each flags its open case for escalation once (escalateMediation remembers the
 * agreement it handled, so a repeated run or a later morning tells nobody twice).
 */
async function escalateOverdueAgreements(prisma: PrismaClient, today: string): Promise<number> {
  const due = await prisma.caseMediation.findMany({
    where: {
      agreementNo: { gt: 0 },
      honoured: null,
      payBy: { lt: toDateColumn(today) },
      case: { status: 'OPEN' },
    },
    select: {
      agreementNo: true,
      escalatedFor: true,
      payBy: true,
      case: { select: { ...CANDIDATE_SELECT, status: true } },
    },
    orderBy: { payBy: 'asc' },
    take: 1000,
  });
  let count = 0;
  for (const row of due) {
    const payBy = fromDateColumn(row.payBy);
    if (!payBy || row.escalatedFor === row.agreementNo) continue;
    const done = await prisma.$transaction((tx) =>
      escalateMediation(tx, row.case, row.agreementNo, payBy, 'OVERDUE', SYSTEM),
    );
    if (done) count += 1;
  }
  return count;
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

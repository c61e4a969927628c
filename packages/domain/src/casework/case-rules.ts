import type { TCaseStage, TCaseTypeDefinition } from './case-type';
import {
  addCalendarDays,
  beijingDate,
  deadlineFor,
  isWorkingDay,
  type TIsoDate,
  type TTimeLimit,
  type WorkingCalendar,
} from './working-calendar';

/**
 * The stage machine of a case and its deadline rule, pure so they are tested on awkward dates
 * and shared by the API and the console.
 */

export type StageMove =
  | { ok: true; stage: TCaseStage }
  | { ok: false; reason: 'unknown_stage' | 'terminal' | 'not_forward' };

/**
 * Where a case may go from `currentKey`: the next stage in order, or a later one named by
 * `toKey` (negotiation can skip straight to arbitration; intake can go to closed when the
 * request was answered on the spot). Never backwards and never out of a terminal stage: a
 * case that needs more work after that is a new case, linked to the old one.
 */
export function moveStage(
  type: Pick<TCaseTypeDefinition, 'stages'>,
  currentKey: string,
  toKey?: string,
): StageMove {
  const from = type.stages.findIndex((stage) => stage.key === currentKey);
  const current = type.stages[from];
  if (!current) return { ok: false, reason: 'unknown_stage' };
  if (current.terminal) return { ok: false, reason: 'terminal' };
  if (toKey === undefined) {
    const next = type.stages[from + 1];
    return next ? { ok: true, stage: next } : { ok: false, reason: 'terminal' };
  }
  const to = type.stages.findIndex((stage) => stage.key === toKey);
  const target = type.stages[to];
  if (!target) return { ok: false, reason: 'unknown_stage' };
  if (to <= from) return { ok: false, reason: 'not_forward' };
  return { ok: true, stage: target };
}

/** The first terminal stage after `currentKey` (where closing a case puts it). */
export function closingStage(
  type: Pick<TCaseTypeDefinition, 'stages'>,
  currentKey: string,
): TCaseStage | null {
  const from = type.stages.findIndex((stage) => stage.key === currentKey);
  const current = type.stages[from];
  if (current?.terminal) return current;
  return type.stages.slice(from + 1).find((stage) => stage.terminal) ?? null;
}

/**
 * The deadline of the stage a case is in: the stage's time limit counted from the day (Beijing
 * time) the case entered it, in calendar or working days by the calendar, plus the extensions
 * agreed during this stage. A terminal stage has none.
 */
export function stageDeadline(
  calendar: WorkingCalendar,
  stage: Pick<TCaseStage, 'limit'>,
  enteredAt: Date,
  extensions: readonly TTimeLimit[] = [],
): TIsoDate | null {
  if (!stage.limit) return null;
  return deadlineFor(calendar, beijingDate(enteredAt), stage.limit, extensions);
}

/** A deadline has passed once its whole day is over in Beijing. */
export function isOverdue(deadline: TIsoDate | null, now: Date): boolean {
  return deadline !== null && deadline < beijingDate(now);
}

/** The last working day before `date`: when the assignee is reminded of a deadline. */
export function previousWorkingDay(calendar: WorkingCalendar, date: TIsoDate): TIsoDate {
  let day = addCalendarDays(date, -1);
  for (let i = 0; i < 366 && !isWorkingDay(calendar, day); i++) day = addCalendarDays(day, -1);
  return day;
}

/**
 * Whether the assignee should be reminded today: from the working day before the deadline up
 * to the deadline itself. A window rather than one day, so a reminder job that missed a
 * morning (a server down over a holiday) still reminds; notify keys make it once.
 */
export function reminderDue(calendar: WorkingCalendar, deadline: TIsoDate, today: TIsoDate) {
  return today >= previousWorkingDay(calendar, deadline) && today <= deadline;
}

/** Monday to Sunday of the week `today` is in: the console's "due this week". */
export function weekOf(today: TIsoDate): { from: TIsoDate; to: TIsoDate } {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const fromMonday = (weekday + 6) % 7;
  const from = addCalendarDays(today, -fromMonday);
  return { from, to: addCalendarDays(from, 6) };
}

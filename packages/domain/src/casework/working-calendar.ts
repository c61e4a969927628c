import { z } from 'zod';

/**
 * Deadlines in working days need a calendar that is data, not code: China's statutory
 * holidays move every year and come with make-up working days (调休), often on a Saturday or
 * Sunday. The State Council publishes each year's schedule; officers load it as data and the
 * rules here only read it.
 */

/** A calendar date, as the union counts days: Beijing time, no clock. */
export const ZIsoDate = z.iso.date();
export type TIsoDate = z.infer<typeof ZIsoDate>;

export const ZCalendarDayKind = z.enum(['holiday', 'workday']);

/** One exception to the weekly pattern: a holiday on a weekday, or a make-up working weekend. */
export const ZCalendarDay = z.object({
  date: ZIsoDate,
  kind: ZCalendarDayKind,
  /** e.g. 春节 / Spring Festival. */
  name: z.string().min(1).max(60),
});
export type TCalendarDay = z.infer<typeof ZCalendarDay>;

export interface WorkingCalendar {
  /** Days off that would otherwise be working days (and holidays that fall on weekends). */
  holidays: ReadonlySet<string>;
  /** Saturdays or Sundays that are working days (make-up days). */
  workdays: ReadonlySet<string>;
  /** Years whose official schedule is loaded; other years count weekends only. */
  years: ReadonlySet<number>;
}

export function buildWorkingCalendar(
  days: readonly TCalendarDay[],
  years?: readonly number[],
): WorkingCalendar {
  return {
    holidays: new Set(days.filter((day) => day.kind === 'holiday').map((day) => day.date)),
    workdays: new Set(days.filter((day) => day.kind === 'workday').map((day) => day.date)),
    years: new Set(years ?? days.map((day) => Number(day.date.slice(0, 4)))),
  };
}

function toUtcDate(date: TIsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtcDate(date: Date): TIsoDate {
  return date.toISOString().slice(0, 10);
}

export function addCalendarDays(date: TIsoDate, days: number): TIsoDate {
  const next = toUtcDate(date);
  next.setUTCDate(next.getUTCDate() + days);
  return fromUtcDate(next);
}

/** Today in Beijing (UTC+8, no daylight saving), whatever the server's time zone. */
export function beijingDate(instant: Date): TIsoDate {
  return fromUtcDate(new Date(instant.getTime() + 8 * 3600 * 1000));
}

export function isWorkingDay(calendar: WorkingCalendar, date: TIsoDate): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = toUtcDate(date).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day on or after `date`. */
export function nextWorkingDayFrom(calendar: WorkingCalendar, date: TIsoDate): TIsoDate {
  let day = date;
  // A year has at most a few runs of non-working days; the longest (Spring Festival) is ~9.
  for (let i = 0; i < 366 && !isWorkingDay(calendar, day); i++) day = addCalendarDays(day, 1);
  return day;
}

/**
 * The nth working day after `start` (the start day itself is not counted, as a time limit
 * "within 15 working days of receipt" runs from the next day).
 */
export function addWorkingDays(calendar: WorkingCalendar, start: TIsoDate, days: number): TIsoDate {
  let day = start;
  let left = days;
  while (left > 0) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(calendar, day)) left--;
  }
  return day;
}

export const ZTimeLimitUnit = z.enum(['calendar_days', 'working_days']);
export type TTimeLimitUnit = z.infer<typeof ZTimeLimitUnit>;

export const ZTimeLimit = z.object({
  amount: z.number().int().min(1).max(365),
  unit: ZTimeLimitUnit,
});
export type TTimeLimit = z.infer<typeof ZTimeLimit>;

/**
 * The last day of a time limit that starts on `start`, with agreed extensions added on.
 * In calendar days, a period that would end on a rest day ends on the next working day
 * instead (the rule of Chinese procedure law for periods: 期间届满的最后一日是法定休假日的，
 * 以法定休假日后的第一日为期间的最后一日). Working days count only working days.
 */
export function deadlineFor(
  calendar: WorkingCalendar,
  start: TIsoDate,
  limit: TTimeLimit,
  extensions: readonly TTimeLimit[] = [],
): TIsoDate {
  let end = start;
  for (const part of [limit, ...extensions]) {
    end =
      part.unit === 'working_days'
        ? addWorkingDays(calendar, end, part.amount)
        : nextWorkingDayFrom(calendar, addCalendarDays(end, part.amount));
  }
  return end;
}

/** Whether the calendar holds the official schedule for every year a deadline touches. */
export function calendarCovers(calendar: WorkingCalendar, from: TIsoDate, to: TIsoDate): boolean {
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    if (!calendar.years.has(year)) return false;
  }
  return true;
}

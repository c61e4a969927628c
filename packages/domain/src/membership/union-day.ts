import { z } from 'zod';

/**
 * Today's date where the union works, as YYYY-MM-DD. Dates in member records are calendar
 * days in China: at 07:00 Beijing time (23:00 UTC the day before) it is already the Beijing
 * day. Browser-safe (Intl), so the console and the API agree on "today".
 */
export function unionToday(now: Date = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}

/** Whether a YYYY-MM-DD date is today or earlier in Beijing (ISO dates compare as text). */
export function isNotInFuture(day: string, now: Date = new Date()): boolean {
  return day <= unionToday(now);
}

/**
 * A calendar date that has already come: a birth date, the first or last day of a job, the
 * day someone left. A date in the future is a typing mistake (or a year's slip), never a fact.
 */
export const ZPastDate = z.iso
  .date()
  .refine((day) => isNotInFuture(day), { message: 'validation.dateInFuture' });

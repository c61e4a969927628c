import { z } from 'zod';
import { ZLocale } from '../locale-schema';

/**
 * Quiet hours: a daily period in which push and SMS wait (email does not: it makes no sound
 * on its own, and a message waiting in the inbox is what email is for). Times are Beijing
 * time, where the union works; China has kept UTC+8 all year since 1991, so the offset is a
 * constant and no time zone database is needed in the browser.
 */
export const BEIJING_UTC_OFFSET_MINUTES = 8 * 60;

const MINUTES_PER_DAY = 24 * 60;
const MS_PER_MINUTE = 60_000;

/** "HH:MM", 00:00 to 23:59. */
export const ZClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  message: 'validation.clockTime',
});

export function clockToMinutes(value: string): number {
  const [hours = '0', minutes = '0'] = value.split(':');
  return Number(hours) * 60 + Number(minutes);
}

export function minutesToClock(value: number): string {
  const minutes = ((value % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A quiet period in minutes after midnight, Beijing time. `end` may be before `start`. */
export interface QuietHours {
  start: number;
  end: number;
}

/** 22:00 to 08:00. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: 22 * 60, end: 8 * 60 };

/**
 * When the quiet period that `now` falls in ends, or null when `now` is not quiet. The start
 * is inside the period and the end is not, so at exactly 08:00 messages go out; a period
 * whose start is after its end runs across midnight (22:00–08:00). Equal start and end mean
 * no quiet period.
 */
export function quietHoursEnd(now: Date, quiet: QuietHours | null): Date | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const minuteStart = Math.floor(now.getTime() / MS_PER_MINUTE);
  const local =
    (((minuteStart + BEIJING_UTC_OFFSET_MINUTES) % MINUTES_PER_DAY) + MINUTES_PER_DAY) %
    MINUTES_PER_DAY;
  const inside =
    quiet.start < quiet.end
      ? local >= quiet.start && local < quiet.end
      : local >= quiet.start || local < quiet.end;
  if (!inside) return null;
  const untilEnd = (quiet.end - local + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return new Date((minuteStart + untilEnd) * MS_PER_MINUTE);
}

/**
 * The email digest: a summary of what a person has not read yet, sent at 08:00 Beijing time
 * every day or on Mondays, and only when there is something unread. Off unless chosen: too
 * many messages is what members complain about most.
 */
export const DIGEST_FREQUENCIES = ['OFF', 'DAILY', 'WEEKLY'] as const;
export const ZDigestFrequency = z.enum(DIGEST_FREQUENCIES);
export type TDigestFrequency = z.infer<typeof ZDigestFrequency>;

/** How far back a digest looks when it is the first: one day, or one week. */
export function digestPeriodMs(frequency: Exclude<TDigestFrequency, 'OFF'>): number {
  return (frequency === 'DAILY' ? 1 : 7) * MINUTES_PER_DAY * MS_PER_MINUTE;
}

/** How a person is written to and when they are left alone. */
export const ZNotificationSettings = z.object({
  /** The language of email, SMS and push (in-app follows the app's language). */
  language: ZLocale,
  digest: ZDigestFrequency,
  quietHours: z.object({
    enabled: z.boolean(),
    start: ZClockTime,
    end: ZClockTime,
  }),
  version: z.number().int().positive(),
});
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;

export const ZUpdateNotificationSettingsInput = z.object({
  language: ZLocale,
  quietHours: z
    .object({ enabled: z.boolean(), start: ZClockTime, end: ZClockTime })
    .refine((value) => !value.enabled || value.start !== value.end, {
      message: 'validation.quietHoursEmpty',
      path: ['end'],
    }),
  /** Left out, the digest stays as it is (clients older than the digest do not send it). */
  digest: ZDigestFrequency.optional(),
  /** The version the form was based on; settings that changed meanwhile are a conflict. */
  expectedVersion: z.number().int().positive(),
});
export type TUpdateNotificationSettingsInput = z.infer<typeof ZUpdateNotificationSettingsInput>;

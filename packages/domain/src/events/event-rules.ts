/**
 * Union events (活动): sports days, lectures, training, symposiums, volunteer work and
 * festivities that a unit organises for the members of its subtree. These rules are pure and
 * zod-free, so the PWA can use them without bringing zod along.
 */

import type { TLocale } from '../locale';

export const EVENT_KINDS = [
  'CULTURAL',
  'SPORTS',
  'TRAINING',
  'SYMPOSIUM',
  'VOLUNTEER',
  'OTHER',
] as const;
export type TEventKind = (typeof EVENT_KINDS)[number];

/** What each kind is called; both front ends and the notifications use these. */
export const EVENT_KIND_LABELS: Record<TEventKind, Record<TLocale, string>> = {
  CULTURAL: { 'zh-CN': '文化活动', en: 'Cultural' },
  SPORTS: { 'zh-CN': '体育活动', en: 'Sports' },
  TRAINING: { 'zh-CN': '培训', en: 'Training' },
  SYMPOSIUM: { 'zh-CN': '座谈会', en: 'Symposium' },
  VOLUNTEER: { 'zh-CN': '志愿服务', en: 'Volunteering' },
  OTHER: { 'zh-CN': '其他', en: 'Other' },
};

/**
 * DRAFT → PUBLISHED → CANCELLED. A draft can also be cancelled (nobody hears of it). Members
 * see published and cancelled events; cancellation is final.
 */
export const EVENT_STATES = ['DRAFT', 'PUBLISHED', 'CANCELLED'] as const;
export type TEventState = (typeof EVENT_STATES)[number];

/** Signed-up members are reminded this long before the start. */
export const EVENT_REMINDER_LEAD_MS = 24 * 3600 * 1000;

/** When the reminder of an event starting at `startsAt` is due. */
export function eventReminderAt(startsAt: Date): Date {
  return new Date(startsAt.getTime() - EVENT_REMINDER_LEAD_MS);
}

/** The fields the sign-up rules look at. */
export interface EventForSignUp {
  state: TEventState;
  startsAt: Date;
  signUpDeadline: Date | null;
  capacity: number | null;
}

/** Why a member cannot sign up now; the API answers each with its own error code. */
export type TSignUpRefusal = 'NOT_OPEN' | 'CANCELLED' | 'CLOSED' | 'FULL';

/** Sign-up closes at the deadline, or at the start when there is none. */
export function signUpClosesAt(event: Pick<EventForSignUp, 'startsAt' | 'signUpDeadline'>): Date {
  return event.signUpDeadline ?? event.startsAt;
}

/**
 * Whether one more member may sign up, given how many are signed up now: only to a published
 * event, before its sign-up deadline (and its start), while there is room.
 */
export function signUpRefusal(
  event: EventForSignUp,
  signedUp: number,
  now: Date,
): TSignUpRefusal | null {
  if (event.state === 'CANCELLED') return 'CANCELLED';
  if (event.state !== 'PUBLISHED') return 'NOT_OPEN';
  if (now.getTime() >= signUpClosesAt(event).getTime()) return 'CLOSED';
  if (now.getTime() >= event.startsAt.getTime()) return 'CLOSED';
  if (event.capacity !== null && signedUp >= event.capacity) return 'FULL';
  return null;
}

/**
 * Whether a signed-up member may still withdraw: until the event starts (illness does not wait
 * for the sign-up deadline). Withdrawing from a cancelled event changes nothing worth saying.
 */
export function canWithdraw(event: Pick<EventForSignUp, 'state' | 'startsAt'>, now: Date): boolean {
  return event.state === 'PUBLISHED' && now.getTime() < event.startsAt.getTime();
}

/** Whether the event has ended (it leaves the members' list of upcoming events). */
export function eventIsOver(event: { endsAt: Date }, now: Date): boolean {
  return now.getTime() >= event.endsAt.getTime();
}

/** The validation message key of the first problem with an event's times, or null. */
export type TEventTimesProblem =
  'validation.eventEndsBeforeStart' | 'validation.eventDeadlineAfterStart';

export function eventTimesProblem(times: {
  startsAt: Date;
  endsAt: Date;
  signUpDeadline: Date | null;
}): { path: 'endsAt' | 'signUpDeadline'; message: TEventTimesProblem } | null {
  if (times.endsAt.getTime() <= times.startsAt.getTime()) {
    return { path: 'endsAt', message: 'validation.eventEndsBeforeStart' };
  }
  if (times.signUpDeadline && times.signUpDeadline.getTime() > times.startsAt.getTime()) {
    return { path: 'signUpDeadline', message: 'validation.eventDeadlineAfterStart' };
  }
  return null;
}

/** A capacity below the members already signed up would turn people away after the fact. */
export function capacityTooSmall(capacity: number | null, signedUp: number): boolean {
  return capacity !== null && capacity < signedUp;
}

/**
 * Event times are entered and shown in Beijing time, wherever the officer's browser is: the
 * union works on Beijing time, and China has kept UTC+8 all year since 1991, so this is
 * arithmetic, with no time zone database.
 */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** "YYYY-MM-DDTHH:MM" in Beijing time, the value of a `datetime-local` input. */
export function toBeijingDateTimeLocal(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16);
}

/** The moment a "YYYY-MM-DDTHH:MM" value names in Beijing time, or null if it is not one. */
export function fromBeijingDateTimeLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  if (year === undefined || month === undefined || day === undefined) return null;
  if (hour === undefined || minute === undefined || hour > 23 || minute > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const date = new Date(utc - BEIJING_OFFSET_MS);
  // 2026-02-30 rolls over to March: not a real day.
  return toBeijingDateTimeLocal(date) === value ? date : null;
}

/** How an event's time reads, in Beijing time, in the reader's language. */
export function formatEventTime(date: Date, locale: TLocale): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(date);
}

/**
 * An event's start and end in the reader's language, Beijing time, the date written once when
 * both fall on the same Beijing day: "2026年11月27日 15:00–17:00", "Nov 27, 2026, 3:00 PM – 5:00 PM".
 */
export function formatEventSpan(start: Date, end: Date, locale: TLocale): string {
  const from = formatEventTime(start, locale);
  const sameDay =
    toBeijingDateTimeLocal(start).slice(0, 10) === toBeijingDateTimeLocal(end).slice(0, 10);
  if (sameDay) {
    const until = new Intl.DateTimeFormat(locale, {
      timeStyle: 'short',
      timeZone: 'Asia/Shanghai',
    }).format(end);
    return locale === 'zh-CN' ? `${from}–${until}` : `${from} – ${until}`;
  }
  const to = formatEventTime(end, locale);
  return locale === 'zh-CN' ? `${from} 至 ${to}` : `${from} to ${to}`;
}

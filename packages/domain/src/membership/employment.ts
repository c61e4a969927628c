import { z } from 'zod';
import { ZChinaMobile } from '../identity/phone-number-schema';
import { ZPastDate } from './union-day';

/** Where an employment record came from. */
export const ZEmploymentSource = z.enum([
  'APPLICATION',
  'CHANGE_REQUEST',
  'IMPORT',
  'HR_FEED',
  'OFFICER',
  'MERGE',
]);
export type TEmploymentSource = z.infer<typeof ZEmploymentSource>;

/**
 * The tag a member gets when their employer reports that they left. The union decides what
 * follows (a transfer to the new employer's unit, or a lapse); the feed never changes the
 * membership status itself. Officers find these members with the list's tag filter.
 */
export const EMPLOYMENT_FOLLOW_UP_TAG = '待跟进';

const ZDate = z.iso.date();

/** One spell of employment, as the member page shows it. */
export const ZEmploymentRecord = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  workplaceId: z.uuid().nullable(),
  workplaceName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  startedOn: ZDate.nullable(),
  endedOn: ZDate.nullable(),
  endReason: z.string().nullable(),
  source: ZEmploymentSource,
  createdAt: z.date(),
  /** Edits name the version they were based on (VERSION_CONFLICT when stale). */
  version: z.number().int().positive(),
});
export type TEmploymentRecord = z.infer<typeof ZEmploymentRecord>;

export const ZEmploymentHistoryInput = z.object({ memberId: z.uuid() });

const ZJobTitle = z.string().trim().max(100);
const ZEndReason = z.string().trim().max(200);

/** A spell cannot end before it started. */
function datesInOrder(spell: { startedOn?: string | null; endedOn?: string | null }): boolean {
  return !spell.startedOn || !spell.endedOn || spell.startedOn <= spell.endedOn;
}

/**
 * An officer's correction of one spell: employer, workplace, job and dates as they really
 * were. A closed spell keeps an end date (ending an open one is `ZEndEmploymentInput`).
 */
export const ZUpdateEmploymentInput = z
  .object({
    id: z.uuid(),
    employerId: z.uuid(),
    workplaceId: z.uuid().nullable(),
    jobTitle: ZJobTitle.nullable(),
    startedOn: ZPastDate.nullable(),
    endedOn: ZPastDate.nullable(),
    endReason: ZEndReason.nullable().optional(),
    expectedVersion: z.number().int().positive(),
  })
  .refine(datesInOrder, { path: ['endedOn'], message: 'validation.employmentDates' });
export type TUpdateEmploymentInput = z.input<typeof ZUpdateEmploymentInput>;

/** An officer ends a member's open spell (the member left that job). */
export const ZEndEmploymentInput = z.object({
  id: z.uuid(),
  endedOn: ZPastDate,
  endReason: ZEndReason.min(1).optional(),
  expectedVersion: z.number().int().positive(),
});
export type TEndEmploymentInput = z.input<typeof ZEndEmploymentInput>;

/**
 * One leaver as an employer's HR system knows them: by ID number, member number or phone
 * (exactly one), the day they left, and why.
 */
export const ZLeaver = z
  .object({
    idNumber: z.string().trim().min(6).max(32).optional(),
    memberNumber: z.string().trim().min(1).max(32).optional(),
    phone: ZChinaMobile.optional(),
    leftOn: ZPastDate,
    reason: z.string().trim().min(1).max(200).optional(),
  })
  .refine(
    (leaver) =>
      [leaver.idNumber, leaver.memberNumber, leaver.phone].filter((key) => key !== undefined)
        .length === 1,
    { message: 'validation.leaverKey' },
  );
export type TLeaver = z.input<typeof ZLeaver>;

export const MAX_LEAVERS = 500;

export const ZRecordLeaversInput = z.object({
  employerId: z.uuid(),
  leavers: z.array(ZLeaver).min(1).max(MAX_LEAVERS),
});
export type TRecordLeaversInput = z.input<typeof ZRecordLeaversInput>;

/**
 * What happened to each posted leaver, in order. `notFound` covers members outside the
 * caller's scope too, so the answer reveals nothing about them.
 */
export const ZLeaverOutcome = z.enum(['closed', 'alreadyClosed', 'notFound']);
export type TLeaverOutcome = z.infer<typeof ZLeaverOutcome>;

export const ZRecordLeaversResult = z.object({
  results: z.array(z.object({ index: z.number().int(), outcome: ZLeaverOutcome })),
  counts: z.object({
    closed: z.number().int(),
    alreadyClosed: z.number().int(),
    notFound: z.number().int(),
  }),
});
export type TRecordLeaversResult = z.infer<typeof ZRecordLeaversResult>;

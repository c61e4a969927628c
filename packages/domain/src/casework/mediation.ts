import { z } from 'zod';
import { ZCaseId, ZCaseText } from './case';
import type { TCaseKind } from './case-type';
import { ZIsoDate, type TIsoDate } from './working-calendar';

/**
 * Mediation as a structured record on a case: who sits at the table, the sessions held, the
 * agreement reached and whether the employer kept it. An agreement that is not kept by its
 * date is what sends a case on to arbitration, so the follow-up is what the union watches.
 */

/** The stage key the default types use for mediation (RIGHTS and MEDIATION alike). */
export const MEDIATION_STAGE_KEY = 'mediation';

const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => ![...value].some((char) => (char.codePointAt(0) ?? 0) < 0x20), {
      message: 'validation.noControlChars',
    });

/** An amount of money in yuan with at most two decimals, as text so no float rounds it. */
export const ZMoneyAmount = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, { message: 'validation.moneyAmount' });

/**
 * `expectedVersion` is the mediation record's version; 0 while the case has none yet, so two
 * officers starting the record at once cannot both win.
 */
const versioned = { caseId: ZCaseId, expectedVersion: z.number().int().min(0) };

export const ZMediationPartiesInput = z.object({
  ...versioned,
  /** Who speaks for the member's side (the member, a union representative). */
  memberSide: line(200),
  employerName: line(200),
  /** The employer's contact person and how to reach them. */
  employerContact: line(200),
  /** The officer mediating; they must be able to handle cases of the case's unit. */
  mediatorId: z.uuid().nullable(),
});
export type TMediationPartiesInput = z.input<typeof ZMediationPartiesInput>;

export const ZMediationSessionInput = z.object({
  caseId: ZCaseId,
  heldOn: ZIsoDate,
  place: line(200),
  attendees: z.array(line(100)).min(1).max(30),
  notes: ZCaseText,
});
export type TMediationSessionInput = z.input<typeof ZMediationSessionInput>;

export const ZMediationAgreementInput = z.object({
  ...versioned,
  terms: ZCaseText,
  /** Back wages the employer agreed to pay, if the agreement is about money. */
  backWages: ZMoneyAmount.nullable().default(null),
  /** The day by which the employer must have done what it agreed (Beijing). */
  payBy: ZIsoDate,
});
export type TMediationAgreementInput = z.input<typeof ZMediationAgreementInput>;

export const ZMediationFollowUpInput = z.object({
  ...versioned,
  honoured: z.boolean(),
  note: ZCaseText,
});
export type TMediationFollowUpInput = z.input<typeof ZMediationFollowUpInput>;

export const MEDIATION_FOLLOW_UP_STATES = [
  'NO_AGREEMENT',
  'PENDING',
  'HONOURED',
  'NOT_HONOURED',
  'OVERDUE',
] as const;
export const ZMediationFollowUpState = z.enum(MEDIATION_FOLLOW_UP_STATES);
export type TMediationFollowUpState = z.infer<typeof ZMediationFollowUpState>;

export const ZMediationSession = z.object({
  id: z.uuid(),
  heldOn: ZIsoDate,
  place: z.string(),
  attendees: z.array(z.string()),
  notes: z.string(),
  createdAt: z.date(),
});
export type TMediationSession = z.infer<typeof ZMediationSession>;

export const ZMediation = z.object({
  caseId: ZCaseId,
  /** 0 while nothing has been recorded. */
  version: z.number().int(),
  /** Whether mediation applies to the case now (its kind or its stage) and it is open. */
  editable: z.boolean(),
  parties: z
    .object({
      memberSide: z.string(),
      employerName: z.string(),
      employerContact: z.string(),
      mediator: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    })
    .nullable(),
  sessions: z.array(ZMediationSession),
  agreement: z
    .object({
      /** Counts agreements on the case: a revised agreement is followed up afresh. */
      number: z.number().int(),
      terms: z.string(),
      backWages: z.string().nullable(),
      payBy: ZIsoDate,
      recordedAt: z.date(),
    })
    .nullable(),
  followUp: z.object({ honoured: z.boolean(), note: z.string(), recordedAt: z.date() }).nullable(),
  state: ZMediationFollowUpState,
  /** When the case was flagged for escalation over this agreement, if it was. */
  escalatedAt: z.date().nullable(),
});
export type TMediation = z.infer<typeof ZMediation>;

/**
 * Whether a case takes a mediation record: a mediation case, or any case while it is in a
 * mediation stage (a rights case mediates before it goes to arbitration).
 */
export function mediationApplies(kind: TCaseKind, stageKey: string): boolean {
  return kind === 'MEDIATION' || stageKey === MEDIATION_STAGE_KEY;
}

/**
 * Where the follow-up of an agreement stands on `today` (Beijing). The pay-by day itself is
 * still the employer's: the agreement is overdue only once that whole day has passed.
 */
export function mediationFollowUpState(
  agreement: { payBy: TIsoDate } | null,
  followUp: { honoured: boolean } | null,
  today: TIsoDate,
): TMediationFollowUpState {
  if (!agreement) return 'NO_AGREEMENT';
  if (followUp) return followUp.honoured ? 'HONOURED' : 'NOT_HONOURED';
  return agreement.payBy < today ? 'OVERDUE' : 'PENDING';
}

/** An agreement broken, or not known to be kept after its date, goes up (to arbitration). */
export function mediationNeedsEscalation(state: TMediationFollowUpState): boolean {
  return state === 'NOT_HONOURED' || state === 'OVERDUE';
}

import { z } from 'zod';
import { ZIdDocumentType, ZMemberId } from './member';
import { ZMemberStatus } from './member-status';

/**
 * The fields an officer picks one record's value of when merging two records of the same
 * person. Tags are not picked: the survivor gets both records' tags.
 */
export const MERGE_FIELDS = [
  'name',
  'idDocument',
  'phone',
  'email',
  'address',
  'birthDate',
  'employer',
  'workplace',
  'jobTitle',
  'orgUnit',
] as const;
export const ZMergeField = z.enum(MERGE_FIELDS);
export type TMergeField = z.infer<typeof ZMergeField>;

/** Which record's value wins: the survivor's (kept) or the other record's (merged away). */
export const ZMergeSide = z.enum(['SURVIVOR', 'OTHER']);
export type TMergeSide = z.infer<typeof ZMergeSide>;

export const ZMergePair = z.object({
  /** The record that stays: it keeps its id, member number and status. */
  survivorId: ZMemberId,
  /** The record that is merged into the survivor and ends as MERGED. */
  otherId: ZMemberId,
});

const notTheSame = (input: { survivorId: string; otherId: string }) =>
  input.survivorId !== input.otherId;
const sameRecordIssue = { path: ['otherId'], message: 'validation.mergeSameRecord' };

/** The two records to compare before merging. */
export const ZMergePreviewInput = ZMergePair.refine(notTheSame, sameRecordIssue);

export const ZMergeMembersInput = ZMergePair.extend({
  survivorVersion: z.number().int().positive(),
  otherVersion: z.number().int().positive(),
  /** Per field, whose value to keep; a field left out keeps the survivor's value. */
  picks: z.partialRecord(ZMergeField, ZMergeSide).default({}),
}).refine(notTheSame, sameRecordIssue);
export type TMergeMembersInput = z.input<typeof ZMergeMembersInput>;

/** One record's mergeable values as officers see them: the ID only as type and last four. */
export const ZMergeRecord = z.object({
  id: ZMemberId,
  version: z.number().int().positive(),
  status: ZMemberStatus,
  memberNumber: z.string().nullable(),
  hasAccount: z.boolean(),
  name: z.string(),
  idType: ZIdDocumentType,
  idLast4: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  birthDate: z.string().nullable(),
  employerId: z.uuid().nullable(),
  employerName: z.string().nullable(),
  workplaceId: z.uuid().nullable(),
  workplaceName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  tags: z.array(z.string()),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
});
export type TMergeRecord = z.infer<typeof ZMergeRecord>;

/** Why a merge cannot go ahead, for the console to explain before the officer tries. */
export const ZMergeBlocker = z.enum([
  /** One of the records is already merged into another. */
  'ALREADY_MERGED',
  /** The other record cannot be merged away from its status (rejected, resigned, deceased). */
  'OTHER_CLOSED',
  /** The survivor is closed (rejected, resigned, deceased): keep the living record instead. */
  'SURVIVOR_CLOSED',
  /** The survivor is an application and the other a membership: keep the membership instead. */
  'KEEP_MEMBERSHIP',
]);
export type TMergeBlocker = z.infer<typeof ZMergeBlocker>;

/** Facts the officer should know before merging; the merge records them in the history. */
export const ZMergeNote = z.enum([
  /** Both records have member numbers: the survivor's stays, the other's is noted. */
  'TWO_MEMBER_NUMBERS',
  /** Both records have sign-in accounts: the survivor's stays linked, the other's is not. */
  'TWO_ACCOUNTS',
  /** Only the other record has a sign-in account: it moves to the survivor. */
  'ACCOUNT_MOVES',
]);
export type TMergeNote = z.infer<typeof ZMergeNote>;

export const ZMergePreview = z.object({
  survivor: ZMergeRecord,
  other: ZMergeRecord,
  /** Fields whose values differ between the two records. */
  differences: z.array(ZMergeField),
  blockers: z.array(ZMergeBlocker),
  notes: z.array(ZMergeNote),
});
export type TMergePreview = z.infer<typeof ZMergePreview>;

/** An entry of a member's timeline; `summaryKey` and `params` make the sentence to show. */
export const ZTimelineEntry = z.object({
  /** Unique across sources and stable: `<source>:<id>`. */
  key: z.string(),
  type: z.string(),
  occurredAt: z.date(),
  actorType: z.enum(['ANONYMOUS', 'MEMBER', 'OFFICER', 'INTEGRATOR', 'SYSTEM']),
  /** The record the event happened on: the member's, or a record merged into it. */
  memberId: ZMemberId,
  summaryKey: z.string(),
  params: z.record(z.string(), z.string()),
});
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;

export const ZTimelineInput = z.object({
  id: ZMemberId,
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type TTimelineInput = z.input<typeof ZTimelineInput>;

export const ZTimelinePage = z.object({
  items: z.array(ZTimelineEntry),
  nextCursor: z.string().nullable(),
});
export type TTimelinePage = z.infer<typeof ZTimelinePage>;

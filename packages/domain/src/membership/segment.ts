import { z } from 'zod';
import { ZMemberId, ZMemberListInput } from './member';

const noControlChars = (value: string) =>
  ![...value].some((char) => (char.codePointAt(0) ?? 0) < 0x20);

/**
 * What a segment selects: the member list filters, without the order, page cursor or size. Saved as
 * JSON on the segment, so the shape is parsed again whenever a segment is read.
 */
export const ZMemberSegmentFilters = ZMemberListInput.omit({
  cursor: true,
  limit: true,
  order: true,
});
export type TMemberSegmentFilters = z.infer<typeof ZMemberSegmentFilters>;

export const ZMemberSegmentId = z.uuid();

export const ZMemberSegment = z.object({
  id: ZMemberSegmentId,
  name: z.string(),
  filters: ZMemberSegmentFilters,
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  version: z.number().int(),
});
export type TMemberSegment = z.infer<typeof ZMemberSegment>;

/** Unique within the unit that owns the segment (SEGMENT_NAME_TAKEN otherwise). */
const ZSegmentName = z.string().trim().min(1).max(60).refine(noControlChars, {
  message: 'validation.noControlChars',
});

export const ZCreateMemberSegmentInput = z.object({
  name: ZSegmentName,
  /** The unit the segment belongs to: who may see it, and the widest set it can select. */
  orgUnitId: z.uuid(),
  filters: ZMemberSegmentFilters,
});
export type TCreateMemberSegmentInput = z.input<typeof ZCreateMemberSegmentInput>;

export const ZRenameMemberSegmentInput = z.object({
  id: ZMemberSegmentId,
  name: ZSegmentName,
  expectedVersion: z.number().int().positive(),
});
export type TRenameMemberSegmentInput = z.input<typeof ZRenameMemberSegmentInput>;

export const ZDeleteMemberSegmentInput = z.object({
  id: ZMemberSegmentId,
  expectedVersion: z.number().int().positive(),
});

/** A tag in use on members within the caller's scope, with how many carry it. */
export const ZMemberTagCount = z.object({ tag: z.string(), count: z.number().int() });
export type TMemberTagCount = z.infer<typeof ZMemberTagCount>;

/** The most tags one member carries: tags are labels for filtering, not free-form notes. */
export const MAX_MEMBER_TAGS = 20;

export const ZMemberTag = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .refine(noControlChars, { message: 'validation.noControlChars' });

/**
 * Replaces a member's tags with the given list (the editor sends the whole set, so adding and
 * removing are one call). Versioned like every other member edit.
 */
export const ZSetMemberTagsInput = z.object({
  id: ZMemberId,
  tags: z
    .array(ZMemberTag)
    .max(MAX_MEMBER_TAGS, { message: 'validation.memberTagsTooMany' })
    .superRefine((tags, ctx) => {
      // Compared after trimming, so "夜班" and " 夜班" are the same tag.
      const seen = new Set<string>();
      tags.forEach((tag, index) => {
        if (seen.has(tag)) {
          ctx.addIssue({ code: 'custom', path: [index], message: 'validation.memberTagDuplicate' });
        }
        seen.add(tag);
      });
    }),
  expectedVersion: z.number().int().positive(),
});
export type TSetMemberTagsInput = z.input<typeof ZSetMemberTagsInput>;

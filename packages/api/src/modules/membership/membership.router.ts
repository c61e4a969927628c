import {
  ZApplyInput,
  ZCardVerification,
  ZMemberCard,
  ZVerifyCardInput,
  ZChangeMemberStatusInput,
  ZMemberId,
  ZMemberDuplicates,
  ZMemberListInput,
  ZMemberPage,
  ZMemberStatus,
  ZMemberSummary,
  ZMemberTagCount,
  ZPlaceMemberInput,
  ZSetMemberTagsInput,
  ZMergeMembersInput,
  ZMergePreviewInput,
  ZMergePreview,
  ZEmployerChoice,
  ZEmployerChoicesInput,
  ZSetMemberWorkplaceInput,
  ZTimelineInput,
  ZTimelinePage,
} from '@unionhall/domain';
import { z } from 'zod';
import { serviceDeps } from '../../audit';
import { limitedPublicProcedure, memberProcedure, officerProcedure, router } from '../../trpc';
import { findDuplicates } from './duplicates.service';
import { mergeMembers, mergePreview } from './merge.service';
import { memberTimeline } from './timeline';
// Registers the membership module's own timeline sources.
import './timeline-sources';
import { memberCard, verifyCard } from './card.service';
import {
  applyToJoin,
  changeMemberStatus,
  employerChoices,
  getMember,
  listMembers,
  myMembership,
  revealIdNumber,
  setMemberWorkplace,
} from './membership.service';
import { placeMember } from './placement.service';
import { memberTags } from './segments.service';
import { setMemberTags } from './tags.service';

const ZStatusHistoryEntry = z.object({
  fromStatus: ZMemberStatus.nullable(),
  toStatus: ZMemberStatus,
  action: z.string(),
  reason: z.string().nullable(),
  occurredAt: z.date(),
});

/** Joining: open to anyone (the application creates the applicant's account). */
export const publicMembershipRouter = router({
  applyToJoin: limitedPublicProcedure('apply')
    .input(ZApplyInput)
    .output(z.object({ id: z.uuid(), status: ZMemberStatus }))
    .mutation(({ ctx, input }) => applyToJoin({ ...serviceDeps(ctx), cipher: ctx.cipher }, input)),
  /**
   * Employers to choose when applying (those of the chosen unit) or asking for a change (by
   * name), with their workplaces. Names only: no counts, no addresses.
   */
  employerChoices: limitedPublicProcedure('lookup')
    .input(ZEmployerChoicesInput)
    .output(z.array(ZEmployerChoice))
    .query(({ ctx, input }) => employerChoices(ctx.db.prisma, input)),
  /** An officer's scanner (or anyone shown a card) checks it against the current status. */
  verifyCard: limitedPublicProcedure('lookup')
    .input(ZVerifyCardInput)
    .output(ZCardVerification)
    .query(({ ctx, input }) => verifyCard(ctx.db.prisma, ctx.cardSigner, input.token)),
});

/** The signed-in member's own record. */
export const memberMembershipRouter = router({
  me: memberProcedure
    .output(ZMemberSummary.extend({ statusHistory: z.array(ZStatusHistoryEntry) }).nullable())
    .query(({ ctx }) => myMembership(ctx.db.prisma, ctx.actor.id ?? '')),
  /** The digital member card, for ACTIVE members; null otherwise. */
  card: memberProcedure
    .output(ZMemberCard.nullable())
    .query(({ ctx }) => memberCard(ctx.db.prisma, ctx.cardSigner, ctx.actor.id ?? '')),
});

/** Officers' member records, inside their scope. */
export const officerMembershipRouter = router({
  list: officerProcedure('member.read')
    .input(ZMemberListInput)
    .output(ZMemberPage)
    .query(({ ctx, input }) => listMembers(ctx.db, ctx.scope, input)),
  /** Tags in use on members in scope, with counts, for the list's tag filter. */
  tags: officerProcedure('member.read')
    .output(z.array(ZMemberTagCount))
    .query(({ ctx }) => memberTags(ctx.db.prisma, ctx.scope)),
  /** Replaces a member's tags (the whole list: adding and removing are one edit). */
  setTags: officerProcedure('member.manage')
    .input(ZSetMemberTagsInput)
    .output(z.object({ id: ZMemberId, tags: z.array(z.string()), version: z.number().int() }))
    .mutation(({ ctx, input }) => setMemberTags({ ...serviceDeps(ctx), scope: ctx.scope }, input)),
  /** The member now works at another workplace of their employer (a new spell from today). */
  setWorkplace: officerProcedure('member.manage')
    .input(ZSetMemberWorkplaceInput)
    .output(
      z.object({ id: ZMemberId, workplaceId: z.uuid().nullable(), version: z.number().int() }),
    )
    .mutation(({ ctx, input }) =>
      setMemberWorkplace({ ...serviceDeps(ctx), scope: ctx.scope }, input),
    ),
  get: officerProcedure('member.read')
    .input(z.object({ id: ZMemberId }))
    .output(
      ZMemberSummary.extend({
        employerId: z.uuid().nullable(),
        workplaceId: z.uuid().nullable(),
        workplaceName: z.string().nullable(),
        email: z.string().nullable(),
        sex: z.string().nullable(),
        birthDate: z.string().nullable(),
        idType: z.string(),
        jobTitle: z.string().nullable(),
        tags: z.array(z.string()),
        consentVersion: z.string().nullable(),
        consentAt: z.date().nullable(),
        /** On a merged record: the living record that carries the member on, if visible. */
        mergedInto: z
          .object({ id: ZMemberId, name: z.string(), memberNumber: z.string().nullable() })
          .nullable(),
        statusHistory: z.array(ZStatusHistoryEntry.extend({ actorType: z.string() })),
      }),
    )
    .query(({ ctx, input }) => getMember(ctx.db.prisma, ctx.scope, input.id)),
  /** Records that may be the same person; those outside the caller's scope only counted. */
  duplicates: officerProcedure('member.read')
    .input(z.object({ id: ZMemberId }))
    .output(ZMemberDuplicates)
    .query(({ ctx, input }) => findDuplicates(ctx.db.prisma, ctx.scope, input.id)),
  revealIdNumber: officerProcedure('member.sensitive')
    .input(z.object({ id: ZMemberId }))
    .output(z.object({ idType: z.string(), idNumber: z.string().nullable() }))
    .mutation(({ ctx, input }) => revealIdNumber(ctx, ctx.scope, input.id)),
  changeStatus: officerProcedure('member.manage')
    .input(ZChangeMemberStatusInput)
    .output(ZMemberSummary)
    .mutation(({ ctx, input }) =>
      changeMemberStatus(
        { ...serviceDeps(ctx), cipher: ctx.cipher, scope: ctx.scope, actor: ctx.actor },
        input,
      ),
    ),
  /** Places an applicant from the holding pool in a unit of the caller's scope. */
  place: officerProcedure('member.manage')
    .input(ZPlaceMemberInput)
    .output(ZMemberSummary)
    .mutation(({ ctx, input }) =>
      placeMember({ ...serviceDeps(ctx), scope: ctx.scope, actor: ctx.actor }, input),
    ),
  /** Two records of the same person side by side, before merging them. */
  mergePreview: officerProcedure('member.manage')
    .input(ZMergePreviewInput)
    .output(ZMergePreview)
    .query(({ ctx, input }) => mergePreview(ctx.db.prisma, ctx.scope, input)),
  /** Merges the other record into the survivor, field by field as the officer picked. */
  merge: officerProcedure('member.manage')
    .input(ZMergeMembersInput)
    .output(ZMemberSummary)
    .mutation(({ ctx, input }) =>
      mergeMembers(
        { ...serviceDeps(ctx), cipher: ctx.cipher, scope: ctx.scope, actor: ctx.actor },
        input,
      ),
    ),
  /** Everything about a member, newest first, including the records merged into it. */
  timeline: officerProcedure('member.read')
    .input(ZTimelineInput)
    .output(ZTimelinePage)
    .query(({ ctx, input }) => memberTimeline(ctx.db.prisma, ctx.scope, input)),
});

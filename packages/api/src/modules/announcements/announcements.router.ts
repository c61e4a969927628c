import {
  ZAnnouncementAttachment,
  ZAnnouncementDetail,
  ZAnnouncementId,
  ZAnnouncementListInput,
  ZAnnouncementPage,
  ZAnnouncementReach,
  ZCreateAnnouncementInput,
  ZMemberAnnouncement,
  ZMemberAnnouncementListInput,
  ZMemberAnnouncementPage,
  ZPinAnnouncementInput,
  ZPublishAnnouncementInput,
  ZRemoveAttachmentInput,
  ZUpdateAnnouncementInput,
  ZUploadAttachmentInput,
  ZWithdrawAnnouncementInput,
} from '@unionhall/domain';
import { z } from 'zod';
import type { Scope } from '../../access';
import { serviceDeps } from '../../audit';
import type { Context } from '../../context';
import { memberProcedure, officerProcedure, router } from '../../trpc';
import {
  announcementReach,
  createAnnouncement,
  getAnnouncement,
  listAnnouncements,
  pinAnnouncement,
  publishAnnouncement,
  removeAttachment,
  updateAnnouncement,
  uploadAttachment,
  withdrawAnnouncement,
} from './announcements.service';
import {
  getMemberAnnouncement,
  listMemberAnnouncements,
  markAnnouncementOpened,
} from './member-announcements.service';

function deps(ctx: Context & { scope: Scope }) {
  return { ...serviceDeps(ctx), scope: ctx.scope, actor: ctx.actor, storage: ctx.storage };
}

const manage = () => officerProcedure('announcement.manage');

/** Officers write, schedule, pin and withdraw announcements for the units in their scope. */
export const officerAnnouncementsRouter = router({
  list: manage()
    .input(ZAnnouncementListInput)
    .output(ZAnnouncementPage)
    .query(({ ctx, input }) => listAnnouncements(ctx.db.prisma, ctx.scope, input)),
  get: manage()
    .input(z.object({ id: ZAnnouncementId }))
    .output(ZAnnouncementDetail)
    .query(({ ctx, input }) => getAnnouncement(ctx.db.prisma, ctx.scope, input.id)),
  create: manage()
    .input(ZCreateAnnouncementInput)
    .output(ZAnnouncementDetail)
    .mutation(({ ctx, input }) => createAnnouncement(deps(ctx), input)),
  update: manage()
    .input(ZUpdateAnnouncementInput)
    .output(ZAnnouncementDetail)
    .mutation(({ ctx, input }) => updateAnnouncement(deps(ctx), input)),
  /** Now, or at `publishAt` (a schedule the background work carries out). */
  publish: manage()
    .input(ZPublishAnnouncementInput)
    .output(ZAnnouncementDetail)
    .mutation(({ ctx, input }) => publishAnnouncement(deps(ctx), input)),
  withdraw: manage()
    .input(ZWithdrawAnnouncementInput)
    .output(ZAnnouncementDetail)
    .mutation(({ ctx, input }) => withdrawAnnouncement(deps(ctx), input)),
  pin: manage()
    .input(ZPinAnnouncementInput)
    .output(ZAnnouncementDetail)
    .mutation(({ ctx, input }) => pinAnnouncement(deps(ctx), input)),
  /** Recipients, delivered, opened. */
  reach: manage()
    .input(z.object({ id: ZAnnouncementId }))
    .output(ZAnnouncementReach)
    .query(({ ctx, input }) => announcementReach(ctx.db.prisma, ctx.scope, input.id)),
  /**
   * An image or file, base64 in the body (at most 5 MB; apps/server gives this procedure
   * alone the larger body limit). Its type is checked by its content on the server.
   */
  uploadAttachment: manage()
    .input(ZUploadAttachmentInput)
    .output(ZAnnouncementAttachment)
    .mutation(({ ctx, input }) => uploadAttachment(deps(ctx), input)),
  removeAttachment: manage()
    .input(ZRemoveAttachmentInput)
    .output(z.object({ id: z.uuid(), announcementVersion: z.number().int() }))
    .mutation(({ ctx, input }) => removeAttachment(deps(ctx), input.id)),
});

/** The signed-in member's announcements: their unit's and its ancestors'. */
export const memberAnnouncementsRouter = router({
  list: memberProcedure
    .input(ZMemberAnnouncementListInput)
    .output(ZMemberAnnouncementPage)
    .query(({ ctx, input }) => listMemberAnnouncements(ctx.db.prisma, ctx.actor.id, input)),
  get: memberProcedure
    .input(z.object({ id: ZAnnouncementId }))
    .output(ZMemberAnnouncement)
    .query(({ ctx, input }) => getMemberAnnouncement(ctx.db.prisma, ctx.actor.id, input.id)),
  markOpened: memberProcedure
    .input(z.object({ id: ZAnnouncementId }))
    .output(z.object({ id: z.uuid(), openedAt: z.date() }))
    .mutation(({ ctx, input }) => markAnnouncementOpened(ctx.db.prisma, ctx.actor.id, input.id)),
});

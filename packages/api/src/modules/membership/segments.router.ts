import {
  ZCreateMemberSegmentInput,
  ZDeleteMemberSegmentInput,
  ZMemberSegment,
  ZRenameMemberSegmentInput,
} from '@unionhall/domain';
import { z } from 'zod';
import { serviceDeps } from '../../audit';
import { officerProcedure, router } from '../../trpc';
import { createSegment, deleteSegment, listSegments, renameSegment } from './segments.service';

/** Saved member searches: seen with member.read; saved, renamed and deleted with member.manage. */
export const officerSegmentsRouter = router({
  list: officerProcedure('member.read')
    .output(z.array(ZMemberSegment))
    .query(({ ctx }) => listSegments(ctx.db.prisma, ctx.scope)),
  create: officerProcedure('member.manage')
    .input(ZCreateMemberSegmentInput)
    .output(ZMemberSegment)
    .mutation(({ ctx, input }) =>
      createSegment({ ...serviceDeps(ctx), scope: ctx.scope, actor: ctx.actor }, input),
    ),
  rename: officerProcedure('member.manage')
    .input(ZRenameMemberSegmentInput)
    .output(ZMemberSegment)
    .mutation(({ ctx, input }) =>
      renameSegment({ ...serviceDeps(ctx), scope: ctx.scope, actor: ctx.actor }, input),
    ),
  delete: officerProcedure('member.manage')
    .input(ZDeleteMemberSegmentInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) =>
      deleteSegment({ ...serviceDeps(ctx), scope: ctx.scope, actor: ctx.actor }, input),
    ),
});

import {
  ZChangeRequest,
  ZChangeRequestQueuePage,
  ZMyDetails,
  ZDecideRequestInput,
  ZRequestChangeInput,
  ZRequestQueueInput,
  ZTransferQueueInput,
  ZTransferQueuePage,
  ZRequestTransferInput,
  ZResignInput,
  ZTransfer,
  ZUpdateContactInput,
} from '@unionhall/domain';
import { z } from 'zod';
import { serviceDeps } from '../../audit';
import { memberProcedure, officerProcedure, router } from '../../trpc';
import {
  decideChangeRequest,
  decideTransfer,
  listChangeRequests,
  listTransfers,
} from './requests.service';
import {
  cancelChangeRequest,
  exportMyData,
  myDetails,
  myChangeRequests,
  myTransfers,
  requestChange,
  requestTransfer,
  resign,
  updateContact,
} from './self-service.service';

/** What a member keeps current and asks for themselves. */
export const memberProfileRouter = router({
  details: memberProcedure
    .output(ZMyDetails)
    .query(({ ctx }) => myDetails(ctx.db.prisma, ctx.actor)),
  updateContact: memberProcedure
    .input(ZUpdateContactInput)
    .output(
      z.object({
        phone: z.string().nullable(),
        email: z.string().nullable(),
        address: z.string().nullable(),
        version: z.number().int(),
      }),
    )
    .mutation(({ ctx, input }) =>
      updateContact({ ...serviceDeps(ctx), cipher: ctx.cipher, actor: ctx.actor }, input),
    ),
  requestChange: memberProcedure
    .input(ZRequestChangeInput)
    .output(ZChangeRequest)
    .mutation(({ ctx, input }) =>
      requestChange({ ...serviceDeps(ctx), cipher: ctx.cipher, actor: ctx.actor }, input),
    ),
  changeRequests: memberProcedure
    .output(z.array(ZChangeRequest))
    .query(({ ctx }) => myChangeRequests(ctx.db.prisma, ctx.actor)),
  cancelChangeRequest: memberProcedure
    .input(z.object({ id: z.uuid() }))
    .output(ZChangeRequest)
    .mutation(({ ctx, input }) =>
      cancelChangeRequest({ ...serviceDeps(ctx), cipher: ctx.cipher, actor: ctx.actor }, input.id),
    ),
  requestTransfer: memberProcedure
    .input(ZRequestTransferInput)
    .output(ZTransfer)
    .mutation(({ ctx, input }) =>
      requestTransfer({ ...serviceDeps(ctx), cipher: ctx.cipher, actor: ctx.actor }, input),
    ),
  transfers: memberProcedure
    .output(z.array(ZTransfer))
    .query(({ ctx }) => myTransfers(ctx.db.prisma, ctx.actor)),
  resign: memberProcedure
    .input(ZResignInput)
    .output(z.object({ status: z.string() }))
    .mutation(({ ctx, input }) =>
      resign({ ...serviceDeps(ctx), cipher: ctx.cipher, actor: ctx.actor }, input),
    ),
  /** The member's own data as JSON (a mutation: it is an audited read, never cached). */
  exportData: memberProcedure
    .output(z.record(z.string(), z.unknown()))
    .mutation(({ ctx }) => exportMyData(ctx)),
});

/** Officers' review of members' change requests and transfers, within their scope. */
export const officerMemberRequestsRouter = router({
  changeRequests: officerProcedure('member.read')
    .input(ZRequestQueueInput)
    .output(ZChangeRequestQueuePage)
    .query(({ ctx, input }) => listChangeRequests(ctx.db.prisma, ctx.scope, input)),
  decideChange: officerProcedure('member.manage')
    .input(ZDecideRequestInput)
    .output(ZChangeRequest)
    .mutation(({ ctx, input }) =>
      decideChangeRequest(
        { ...serviceDeps(ctx), cipher: ctx.cipher, actor: ctx.actor, scope: ctx.scope },
        input,
      ),
    ),
  transfers: officerProcedure('member.read')
    .input(ZTransferQueueInput)
    .output(ZTransferQueuePage)
    .query(({ ctx, input }) => listTransfers(ctx.db.prisma, ctx.scope, input)),
  decideTransfer: officerProcedure('member.manage')
    .input(ZDecideRequestInput)
    .output(ZTransfer)
    .mutation(({ ctx, input }) =>
      decideTransfer(
        { ...serviceDeps(ctx), cipher: ctx.cipher, actor: ctx.actor, scope: ctx.scope },
        input,
      ),
    ),
});

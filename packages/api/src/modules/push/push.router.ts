import {
  UnionhallError,
  ZPushEndpointInput,
  ZPushPublicKey,
  ZPushSubscribeInput,
} from '@unionhall/domain';
import { z } from 'zod';
import { serviceDeps } from '../../audit';
import { memberProcedure, router } from '../../trpc';
import { subscribe, subscriptionStatus, unsubscribe } from './push.service';

/** Web push for the member's devices: the PWA's "Turn on notifications on this phone". */
export const memberPushRouter = router({
  /** The server's VAPID public key, which the browser subscribes with. */
  publicKey: memberProcedure.output(ZPushPublicKey).query(({ ctx }) => {
    if (!ctx.vapidPublicKey) throw new UnionhallError('NOT_FOUND', 'web push is not set up');
    return { publicKey: ctx.vapidPublicKey };
  }),
  status: memberProcedure
    .input(ZPushEndpointInput)
    .output(z.object({ subscribed: z.boolean() }))
    .query(({ ctx, input }) => subscriptionStatus(ctx.db.prisma, ctx.actor, input.endpoint)),
  subscribe: memberProcedure
    .input(ZPushSubscribeInput)
    .output(z.object({ subscribed: z.literal(true) }))
    .mutation(({ ctx, input }) => subscribe({ ...serviceDeps(ctx), actor: ctx.actor }, input)),
  unsubscribe: memberProcedure
    .input(ZPushEndpointInput)
    .output(z.object({ unsubscribed: z.literal(true) }))
    .mutation(({ ctx, input }) => unsubscribe({ ...serviceDeps(ctx), actor: ctx.actor }, input)),
});

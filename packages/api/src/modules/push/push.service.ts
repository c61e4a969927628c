import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  ZPushSubscribeInput,
  ZPushEndpointInput,
  type TPushSubscribeInput,
  type TPushEndpointInput,
} from '@unionhall/domain';
import type { AuditWriter } from '../../audit';
import type { Actor } from '../../context';
import type { PushSubscriptionKeys } from '../../notifications/channels';

export interface PushDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  actor: Actor;
}

function userIdOf(actor: Actor): string {
  // memberProcedure has checked the audience; a member always has an id.
  if (!actor.id) throw new Error('a signed-in member has an id');
  return actor.id;
}

/**
 * Registers this browser for push for the signed-in member. One person may have several
 * devices, so subscriptions are per endpoint: the same endpoint again (the app re-sends it on
 * every start, and browsers may rotate keys) updates its keys. An endpoint belongs to one
 * browser profile, so when another member signs in on that browser and turns notifications on,
 * the subscription moves to them: the device shows the notifications of whoever is using it.
 */
export async function subscribe(
  deps: PushDeps,
  raw: TPushSubscribeInput,
): Promise<{ subscribed: true }> {
  const input = ZPushSubscribeInput.parse(raw);
  const userId = userIdOf(deps.actor);
  const device = input.userAgent ?? null;
  await deps.prisma.$transaction(async (tx) => {
    const existing = await tx.pushSubscription.findUnique({
      where: { endpoint: input.endpoint },
      select: { id: true, userId: true },
    });
    const data = {
      userId,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      userAgent: device,
    };
    if (existing?.userId === userId) {
      await tx.pushSubscription.update({ where: { id: existing.id }, data });
      return;
    }
    const saved = existing
      ? await tx.pushSubscription.update({ where: { id: existing.id }, data })
      : await tx.pushSubscription.create({ data: { endpoint: input.endpoint, ...data } });
    // The endpoint is a capability URL (whoever knows it can push to the device): kept out of
    // the audit row, which records the device instead.
    await deps.audit(tx, {
      action: 'push.subscribe',
      outcome: 'SUCCESS',
      targetType: 'PushSubscription',
      targetId: saved.id,
      changes: {
        userId: { before: existing?.userId ?? null, after: userId },
        userAgent: { before: null, after: device },
      },
    });
  });
  return { subscribed: true };
}

/**
 * Turns push off for one of the member's own browsers. An endpoint that is not theirs (or no
 * longer exists) is left alone and answers the same, so nobody can switch off another
 * person's notifications or learn whether an endpoint is registered.
 */
export async function unsubscribe(
  deps: PushDeps,
  raw: TPushEndpointInput,
): Promise<{ unsubscribed: true }> {
  const input = ZPushEndpointInput.parse(raw);
  const userId = userIdOf(deps.actor);
  await deps.prisma.$transaction(async (tx) => {
    const own = await tx.pushSubscription.findFirst({
      where: { endpoint: input.endpoint, userId },
      select: { id: true, userAgent: true },
    });
    if (!own) return;
    await tx.pushSubscription.delete({ where: { id: own.id } });
    await deps.audit(tx, {
      action: 'push.unsubscribe',
      outcome: 'SUCCESS',
      targetType: 'PushSubscription',
      targetId: own.id,
      changes: { userAgent: { before: own.userAgent, after: null } },
    });
  });
  return { unsubscribed: true };
}

/** Whether this browser's endpoint is registered for the signed-in member. */
export async function subscriptionStatus(
  prisma: PrismaClient,
  actor: Actor,
  endpoint: string,
): Promise<{ subscribed: boolean }> {
  const found = await prisma.pushSubscription.findFirst({
    where: { endpoint, userId: userIdOf(actor) },
    select: { id: true },
  });
  return { subscribed: found !== null };
}

/**
 * For the notification delivery: a user's devices, as the push port takes them. The delivery
 * sends to each, then calls `pushDelivered` or, when the push service says the subscription is
 * gone, `forgetPushSubscription`.
 */
export async function pushSubscriptionsOf(
  prisma: PrismaClient | Prisma.TransactionClient,
  userId: string,
): Promise<PushSubscriptionKeys[]> {
  const rows = await prisma.pushSubscription.findMany({
    where: { userId },
    select: { endpoint: true, p256dh: true, auth: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) => ({
    endpoint: row.endpoint,
    keys: { p256dh: row.p256dh, auth: row.auth },
  }));
}

/** The push service answered 404 or 410: the browser dropped the subscription for good. */
export async function forgetPushSubscription(
  prisma: PrismaClient | Prisma.TransactionClient,
  endpoint: string,
): Promise<void> {
  await prisma.pushSubscription.deleteMany({ where: { endpoint } });
}

/** Records that a device was reached, so stale subscriptions can be told from live ones. */
export async function pushDelivered(
  prisma: PrismaClient | Prisma.TransactionClient,
  endpoint: string,
  at: Date,
): Promise<void> {
  await prisma.pushSubscription.updateMany({ where: { endpoint }, data: { lastUsedAt: at } });
}

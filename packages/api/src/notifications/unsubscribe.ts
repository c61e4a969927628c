import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { appendAuditEvent, type PrismaClient } from '@unionhall/db';
import {
  defaultChannelEnabled,
  isChannelLocked,
  ZNotificationCategory,
  type TNotificationCategory,
} from '@unionhall/domain';
import { z } from 'zod';

/** What an unsubscribe link stops: the email of one category, or the email digest. */
export type UnsubscribeTopic = TNotificationCategory | 'digest';

/** Who an unsubscribe link is for, which emails it stops, and when it was made. */
export interface UnsubscribeClaims {
  userId: string;
  category: UnsubscribeTopic;
  issuedAt: Date;
}

/**
 * Signs and checks the one-click unsubscribe links in emails (RFC 8058). A link carries the
 * user, the category and its issue time, signed with HMAC-SHA256 under a key derived from
 * the auth secret, so it needs no row of its own and cannot be forged or pointed at another
 * person or category. It does not expire: mail providers keep offering the button on old mail.
 */
export interface UnsubscribeTokens {
  sign(claims: { userId: string; category: UnsubscribeTopic }, issuedAt?: Date): string;
  verify(token: string): UnsubscribeClaims | null;
}

const ZPayload = z.tuple([
  z.literal(1),
  z.uuid(),
  z.union([ZNotificationCategory, z.literal('digest')]),
  z.number().int().nonnegative(),
]);

export function createUnsubscribeTokens(secret: string): UnsubscribeTokens {
  // A key of its own: a leaked link's MAC says nothing about the secret's other uses.
  const key = Buffer.from(
    hkdfSync('sha256', secret, 'unionhall', 'notification-unsubscribe/v1', 32),
  );
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();

  return {
    sign({ userId, category }, issuedAt = new Date()) {
      const payload = Buffer.from(
        JSON.stringify([1, userId, category, Math.floor(issuedAt.getTime() / 1000)]),
      ).toString('base64url');
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    verify(token) {
      if (token.length > 400) return null;
      const [payload, signature, ...rest] = token.split('.');
      if (!payload || !signature || rest.length > 0) return null;
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const parsed = ZPayload.safeParse(
          JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
        );
        if (!parsed.success) return null;
        const [, userId, category, seconds] = parsed.data;
        return { userId, category, issuedAt: new Date(seconds * 1000) };
      } catch {
        return null;
      }
    },
  };
}

export type UnsubscribeOutcome =
  | { status: 'invalid' }
  | {
      /**
       * `unsubscribed`: email for the category is now off. `unchanged`: it already was (the
       * link used twice). `superseded`: the person switched it back on after the link was
       * made, and an old link must not undo that choice.
       */
      status: 'unsubscribed' | 'unchanged' | 'superseded';
      category: UnsubscribeTopic;
    };

/** What the confirmation page needs to know before anything changes. */
export function readUnsubscribeToken(
  tokens: UnsubscribeTokens,
  token: string,
): UnsubscribeClaims | null {
  const claims = tokens.verify(token);
  if (!claims) return null;
  return claims.category === 'digest' || !isChannelLocked(claims.category, 'email') ? claims : null;
}

/**
 * Turns the category's email off for the link's owner. Safe to replay: using a link again
 * changes nothing, and a link older than the person's last choice for that cell is ignored.
 */
export async function unsubscribeByToken(
  prisma: PrismaClient,
  tokens: UnsubscribeTokens,
  token: string,
  requestId: string,
): Promise<UnsubscribeOutcome> {
  const claims = readUnsubscribeToken(tokens, token);
  if (!claims) return { status: 'invalid' };
  const { userId, category } = claims;
  return prisma.$transaction(async (tx) => {
    const user = await tx.authUser.findUnique({ where: { id: userId }, select: { kind: true } });
    if (!user) return { status: 'invalid' } as const;
    if (category === 'digest') {
      // The digest is one setting, off or on: the link turns it off. (Unlike a category, it
      // keeps no time of its own choice, so a link cannot tell an older choice from a newer.)
      const turnedOff = await tx.notificationSettings.updateMany({
        where: { userId, digest: { not: 'OFF' } },
        data: { digest: 'OFF', version: { increment: 1 } },
      });
      if (turnedOff.count === 0) return { status: 'unchanged', category } as const;
      await appendAuditEvent(tx, {
        actorType: user.kind,
        actorId: userId,
        action: 'notification.unsubscribe',
        outcome: 'SUCCESS',
        targetType: 'NotificationSettings',
        targetId: userId,
        requestId,
        changes: { digest: { before: 'ON', after: 'OFF' } },
      });
      return { status: 'unsubscribed', category } as const;
    }
    const id = { userId, category, channel: 'email' };
    const current = await tx.notificationPreference.findUnique({
      where: { userId_category_channel: id },
    });
    // The signature has whole seconds; a choice made in the same second as the link predates it.
    if (current && current.updatedAt.getTime() >= claims.issuedAt.getTime() + 1000) {
      return { status: current.enabled ? 'superseded' : 'unchanged', category } as const;
    }
    const before = current ? current.enabled : defaultChannelEnabled(category, 'email');
    if (!before) return { status: 'unchanged', category } as const;
    await tx.notificationPreference.upsert({
      where: { userId_category_channel: id },
      create: { ...id, enabled: false },
      update: { enabled: false, updatedAt: new Date() },
    });
    await appendAuditEvent(tx, {
      actorType: user.kind,
      actorId: userId,
      action: 'notification.unsubscribe',
      outcome: 'SUCCESS',
      targetType: 'NotificationPreference',
      targetId: `${userId}:${category}:email`,
      requestId,
      changes: { enabled: { before, after: false } },
    });
    return { status: 'unsubscribed', category } as const;
  });
}

import { randomUUID } from 'node:crypto';
import type { Prisma } from '@unionhall/db';
import {
  ZNotificationCategory,
  ZNotificationLink,
  type TNotificationCategory,
} from '@unionhall/domain';
import { emitEvent } from '../jobs/events';
import { parseTemplateParams, type TemplateKey, type TemplateParams } from './templates';

export interface NotifyInput<K extends TemplateKey> {
  /** The recipient's user id (members and officers are both users). */
  userId: string;
  category: TNotificationCategory;
  template: K;
  params: TemplateParams<K>;
  /** A path on this site to open, e.g. `/card` in the PWA or `/admin/members/…`. */
  link?: string | null;
  /**
   * Idempotence key, unique per recipient: telling someone the same thing again (a retried
   * request, a job run twice) with the same key writes nothing.
   */
  key: string;
}

/**
 * Tells someone something. Call it inside the transaction of the change it is about: the
 * notification is in their centre as soon as that commits (and never if it rolls back), and
 * the `notification.created` event it writes there sends push, email and SMS in the
 * background, per their preferences and quiet hours (delivery.ts).
 */
export async function notify<K extends TemplateKey>(
  tx: Prisma.TransactionClient,
  input: NotifyInput<K>,
): Promise<{ id: string; created: boolean }> {
  const category = ZNotificationCategory.parse(input.category);
  const params = parseTemplateParams(input.template, input.params);
  const link = input.link == null ? null : ZNotificationLink.parse(input.link);
  const id = randomUUID();
  const written = await tx.notification.createMany({
    data: [
      {
        id,
        userId: input.userId,
        category,
        template: input.template,
        params,
        link,
        key: input.key,
      },
    ],
    skipDuplicates: true,
  });
  if (written.count === 0) {
    const existing = await tx.notification.findUniqueOrThrow({
      where: { userId_key: { userId: input.userId, key: input.key } },
      select: { id: true },
    });
    return { id: existing.id, created: false };
  }
  await emitEvent(
    tx,
    'notification.created',
    { notificationId: id },
    { key: `notification.created:${id}` },
  );
  return { id, created: true };
}

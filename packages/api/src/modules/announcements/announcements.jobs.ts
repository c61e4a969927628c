import { appendAuditEvent, type Database } from '@unionhall/db';
import { emitEvent } from '../../jobs/events';
import { defineHandler, type EventHandler } from '../../jobs/handlers';
import { audienceWhere, tellMember } from './audience';

/** Members are told in batches, each in its own transaction, so a crash loses one batch. */
export const FAN_OUT_BATCH = 500;

/**
 * The background work of announcements: publishing scheduled ones at their time, and telling
 * the members of a published one. Both are idempotent, as handlers must be.
 */
export function announcementHandlers({ db }: { db: Database }): EventHandler[] {
  return [
    defineHandler({
      name: 'announcements.publish-scheduled',
      event: 'announcement.publish-due',
      async handle(event) {
        const { announcementId, publishAt } = event.payload;
        await db.prisma.$transaction(async (tx) => {
          // Only a state change from SCHEDULED at this very time publishes: a second run, an
          // announcement rescheduled, published by hand or withdrawn meanwhile all match none.
          const now = new Date();
          const published = await tx.announcement.updateMany({
            where: { id: announcementId, state: 'SCHEDULED', publishAt: new Date(publishAt) },
            data: { state: 'PUBLISHED', publishedAt: now, version: { increment: 1 } },
          });
          if (published.count === 0) return;
          const row = await tx.announcement.findUniqueOrThrow({
            where: { id: announcementId },
            select: { orgUnitId: true },
          });
          await appendAuditEvent(tx, {
            actorType: 'SYSTEM',
            actorId: null,
            action: 'announcement.publish',
            outcome: 'SUCCESS',
            targetType: 'Announcement',
            targetId: announcementId,
            orgUnitId: row.orgUnitId,
            changes: {
              state: { before: 'SCHEDULED', after: 'PUBLISHED' },
              publishAt: { before: publishAt, after: publishAt },
            },
          });
          await emitEvent(
            tx,
            'announcement.published',
            { announcementId },
            { key: `announcement.published:${announcementId}` },
          );
        });
      },
    }),
    defineHandler({
      name: 'announcements.fan-out',
      event: 'announcement.published',
      async handle(event) {
        const { announcementId } = event.payload;
        const announcement = await db.prisma.announcement.findUnique({
          where: { id: announcementId },
          select: {
            id: true,
            title: true,
            excerpt: true,
            state: true,
            audience: true,
            segmentId: true,
            sentAt: true,
            orgUnit: { select: { path: true, name: true } },
          },
        });
        // Withdrawn before it went out: nobody is told.
        if (!announcement || announcement.state !== 'PUBLISHED') return;
        const where = await audienceWhere(db.prisma, announcement);
        let recipients = 0;
        let after: string | undefined;
        while (where) {
          const batch = await db.prisma.member.findMany({
            where: after ? { AND: [where, { id: { gt: after } }] } : where,
            select: { id: true, userId: true },
            orderBy: { id: 'asc' },
            take: FAN_OUT_BATCH,
          });
          if (batch.length === 0) break;
          recipients += batch.length;
          const stillOut = await db.prisma.$transaction(async (tx) => {
            // Withdrawn while being sent: the rest are not told.
            const current = await tx.announcement.count({
              where: { id: announcement.id, state: 'PUBLISHED' },
            });
            if (current === 0) return false;
            // Members without a sign-in account count as recipients but cannot be told in
            // the app; the union reaches them another way (reach shows the difference).
            for (const member of batch) {
              if (!member.userId) continue;
              await tellMember(tx, {
                userId: member.userId,
                announcementId: announcement.id,
                title: announcement.title,
                excerpt: announcement.excerpt,
                unitName: announcement.orgUnit.name,
              });
            }
            return true;
          });
          if (!stillOut) return;
          after = batch.at(-1)?.id;
          if (batch.length < FAN_OUT_BATCH) break;
        }
        // Not a version bump: the count is the background work's, not an officer's edit.
        await db.prisma.announcement.update({
          where: { id: announcement.id },
          data: { recipientCount: recipients, sentAt: announcement.sentAt ?? new Date() },
        });
      },
    }),
  ];
}

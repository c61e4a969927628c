import type { Database } from '@unionhall/db';
import { announcementHandlers } from '../modules/announcements/announcements.jobs';
import { defineHandler, type JobCatalog } from './handlers';

/** Finished outbox rows are kept this long (for support questions), then removed. */
export const OUTBOX_RETENTION_DAYS = 14;

export interface JobCatalogDeps {
  db: Database;
}

/**
 * Every handler and schedule of the product. A capability adds its handlers here (built from
 * the same long-lived dependencies as the API), so both runners run the same set.
 */
export function buildJobCatalog({ db }: JobCatalogDeps): JobCatalog {
  return {
    schedules: [{ name: 'outbox-cleanup', cron: '17 3 * * *', event: 'schedule.outbox-cleanup' }],
    handlers: [
      defineHandler({
        name: 'outbox.cleanup',
        event: 'schedule.outbox-cleanup',
        async handle(event) {
          const before = new Date(
            Date.parse(event.payload.firedAt) - OUTBOX_RETENTION_DAYS * 24 * 3600 * 1000,
          );
          await db.prisma.outboxEvent.deleteMany({
            where: { status: { in: ['done', 'relayed'] }, processedAt: { lt: before } },
          });
        },
      }),
      ...announcementHandlers({ db }),
    ],
  };
}

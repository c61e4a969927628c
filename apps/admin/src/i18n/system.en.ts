import type { TSystemCatalog } from './system.zh-CN';

/** The Background work page's texts (the `system` key of the `admin` namespace), English. */
export const systemEn = {
  title: 'Background work',
  intro:
    'Notifications, reminders and scheduled work run in the background. Failed jobs are retried automatically; those out of attempts are listed here to run again once the cause is fixed.',
  mode: {
    'pg-boss': 'Runs on: the PostgreSQL job queue (pg-boss)',
    'in-process': 'Runs on: the embedded database, inside this server process',
  },
  counts: {
    label: 'Jobs at a glance',
    waiting: 'Waiting',
    running: 'Running',
    failed: 'Failed',
  },
  caption: 'Failed and retrying jobs',
  column: {
    handler: 'Job',
    event: 'Event',
    attempts: 'Attempts',
    error: 'Last error',
    created: 'Created',
    state: 'State',
  },
  dead: 'Out of attempts',
  retrying: 'Retrying',
  retry: 'Run again',
  retried: 'Queued again.',
  none: 'No failed jobs.',
  refresh: 'Refresh',
} satisfies TSystemCatalog;

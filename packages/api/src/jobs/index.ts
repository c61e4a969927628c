import type { Database } from '@unionhall/db';
import type { ApiLogger } from '../context';
import type { JobCatalog } from './handlers';
import { createInProcessRunner } from './in-process-runner';
import { createPgBossRunner } from './pg-boss-runner';
import type { JobRunner } from './runner';

export { buildJobCatalog, OUTBOX_RETENTION_DAYS, type JobCatalogDeps } from './catalog';
export { emitEvent, EVENT_PAYLOADS, type EventPayload, type EventType } from './events';
export { defineHandler, type EventHandler, type JobCatalog, type ScheduledTask } from './handlers';
export { createInProcessRunner } from './in-process-runner';
export { createPgBossRunner } from './pg-boss-runner';
export type { FailedJob, JobCounts, JobRunner } from './runner';

/**
 * The runner that fits the database: pg-boss on PostgreSQL, in-process on PGlite (which allows
 * one connection, and pg-boss needs several).
 */
export function createJobRunner(options: {
  db: Database;
  logger: ApiLogger;
  catalog: JobCatalog;
  /** The PostgreSQL URL, when the database is PostgreSQL. */
  databaseUrl?: string;
}): JobRunner {
  if (options.db.kind === 'postgres') {
    if (!options.databaseUrl) throw new Error('pg-boss needs the PostgreSQL connection URL');
    return createPgBossRunner({ ...options, connectionString: options.databaseUrl });
  }
  return createInProcessRunner(options);
}

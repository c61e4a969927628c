import { createHash } from 'node:crypto';
import type { Database } from '@unionhall/db';
import PgBoss from 'pg-boss';
import type { ApiLogger } from '../context';
import { emitEvent, parseEnvelope } from './events';
import {
  handlersFor,
  MAX_ATTEMPTS,
  SCHEDULE_TIME_ZONE,
  type EventHandler,
  type JobCatalog,
} from './handlers';
import type { FailedJob, JobCounts, JobRunner } from './runner';

export interface PgBossRunnerOptions {
  db: Database;
  /** The same PostgreSQL database: pg-boss keeps its tables in the `pgboss` schema there. */
  connectionString: string;
  logger: ApiLogger;
  catalog: JobCatalog;
  /** How often the outbox is relayed to pg-boss and workers poll. Default 1000 ms. */
  pollMs?: number;
  /** A job still active after this long is taken as crashed and retried. Default 15 minutes. */
  expireInSeconds?: number;
  /** pg-boss maintenance (expiry, archiving). Default 60 s; tests use 1. */
  maintenanceIntervalSeconds?: number;
  /** Seconds before the first retry (then doubling). Default 2. */
  retryDelaySeconds?: number;
  /** Runs before a job is failed for good. Default MAX_ATTEMPTS. */
  maxAttempts?: number;
}

interface JobData {
  eventId: string;
  type: string;
  payload: unknown;
  createdAt: string;
}

interface ClaimedRow {
  id: string;
  type: string;
  payload: unknown;
  created_at: Date;
}

const SCHEMA = 'pgboss';
/** Failed jobs stay in the job table (and so in the console) this long before archiving. */
const KEEP_FAILED_SECONDS = 30 * 24 * 3600;

/**
 * The job id for one handler's run of one event: the same event relayed twice (a crash
 * between sending and marking it relayed) gives the same id, and pg-boss ignores the second.
 */
export function jobIdFor(eventId: string, handler: string): string {
  const hex = createHash('sha256').update(`${eventId}:${handler}`).digest('hex');
  // An RFC 9562 version-8 (custom) UUID built from the hash.
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16) + hex.slice(18, 20),
    hex.slice(20, 32),
  ].join('-');
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

/**
 * PostgreSQL mode: events are relayed from the outbox into pg-boss, one job per subscribed
 * handler, and pg-boss runs them with retries and backoff, across as many workers and
 * replicas as there are. Schedules are pg-boss cron schedules that emit their event through
 * the outbox, so scheduled work flows through the same handlers.
 */
export function createPgBossRunner(options: PgBossRunnerOptions): JobRunner {
  const { db, logger, catalog } = options;
  const prisma = db.prisma;
  const pollMs = options.pollMs ?? 1000;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: SCHEMA,
    max: 4,
    application_name: 'unionhall-jobs',
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    archiveFailedAfterSeconds: KEEP_FAILED_SECONDS,
  });
  boss.on('error', (error: unknown) => logger.error({ err: errorText(error) }, 'pg-boss error'));
  const queueOptions = {
    retryLimit: (options.maxAttempts ?? MAX_ATTEMPTS) - 1,
    retryDelay: options.retryDelaySeconds ?? 2,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 15 * 60,
  };
  const queues = [
    ...new Set([
      ...catalog.handlers.map((handler) => handler.name),
      ...catalog.schedules.map((task) => task.name),
    ]),
  ];
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let relaying: Promise<number> | undefined;

  async function claim(): Promise<ClaimedRow[]> {
    // `running` here means "being relayed"; a relay cut off by a crash is picked up again
    // once its lock lapses, and the deterministic job ids make the second send a no-op.
    return prisma.$queryRaw<ClaimedRow[]>`
      UPDATE outbox_event
         SET status = 'running', attempts = attempts + 1,
             locked_until = now() + interval '1 minute'
       WHERE id IN (
         SELECT id FROM outbox_event
          WHERE (status = 'pending' AND available_at <= now())
             OR (status = 'running' AND locked_until < now())
          ORDER BY created_at
          LIMIT 100
          FOR UPDATE SKIP LOCKED)
      RETURNING id, type, payload, created_at`;
  }

  async function relayOnce(): Promise<number> {
    const rows = await claim();
    for (const row of rows) {
      try {
        for (const handler of handlersFor(catalog, row.type)) {
          const data: JobData = {
            eventId: row.id,
            type: row.type,
            payload: row.payload,
            createdAt: row.created_at.toISOString(),
          };
          await boss.send(handler.name, data, { id: jobIdFor(row.id, handler.name) });
        }
        await prisma.outboxEvent.update({
          where: { id: row.id },
          data: { status: 'relayed', processedAt: new Date(), lockedUntil: null },
        });
      } catch (error) {
        logger.warn({ eventId: row.id, err: errorText(error) }, 'outbox relay failed');
        await prisma.outboxEvent.update({
          where: { id: row.id },
          data: {
            status: 'pending',
            lastError: `relay: ${errorText(error)}`,
            failedHandler: 'relay',
            lockedUntil: null,
          },
        });
      }
    }
    return rows.length;
  }

  function relay(): Promise<number> {
    relaying ??= relayOnce().finally(() => {
      relaying = undefined;
    });
    return relaying;
  }

  function scheduleRelay() {
    if (stopped) return;
    timer = setTimeout(() => {
      relay()
        .catch((error: unknown) => logger.error({ err: errorText(error) }, 'outbox relay failed'))
        .finally(scheduleRelay);
    }, pollMs);
    timer.unref();
  }

  async function work(handler: EventHandler) {
    await boss.work<JobData>(
      handler.name,
      { pollingIntervalSeconds: Math.max(0.5, pollMs / 1000) },
      async ([job]) => {
        if (!job) return;
        await handler.handle(
          parseEnvelope({
            id: job.data.eventId,
            type: job.data.type,
            payload: job.data.payload,
            createdAt: new Date(job.data.createdAt),
          }),
        );
      },
    );
  }

  async function pendingJobs(): Promise<number> {
    const rows = await prisma.$queryRawUnsafe<{ count: bigint }[]>(
      `SELECT count(*) AS count FROM ${SCHEMA}.job
        WHERE name = ANY($1::text[]) AND state IN ('created', 'retry', 'active')
          AND start_after <= now()`,
      queues,
    );
    return Number(rows[0]?.count ?? 0);
  }

  return {
    mode: 'pg-boss',
    async start() {
      if (!stopped) return;
      await boss.start();
      for (const name of queues) await boss.createQueue(name, { name, ...queueOptions });
      for (const handler of catalog.handlers) await work(handler);
      for (const task of catalog.schedules) {
        await boss.schedule(task.name, task.cron, {}, { tz: SCHEDULE_TIME_ZONE });
        await boss.work(task.name, async ([job]) => {
          if (!job) return;
          // pg-boss creates one job per cron slot however many replicas run the schedule;
          // the key makes a retried job emit its event once.
          await prisma.$transaction((tx) =>
            emitEvent(
              tx,
              task.event,
              { firedAt: new Date().toISOString() },
              { key: `${task.name}@${job.id}` },
            ),
          );
        });
      }
      stopped = false;
      scheduleRelay();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await relaying?.catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    async drain() {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const relayed = await relay();
        if (relayed === 0 && (await pendingJobs()) === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('background work did not drain within 60 s');
    },
    async listFailed(limit = 50): Promise<FailedJob[]> {
      const jobs = await prisma.$queryRawUnsafe<
        {
          id: string;
          name: string;
          state: string;
          data: JobData | null;
          retry_count: number;
          output: unknown;
          completed_on: Date | null;
          created_on: Date;
        }[]
      >(
        `SELECT id::text AS id, name, state::text AS state, data, retry_count, output, completed_on, created_on
           FROM ${SCHEMA}.job
          WHERE name = ANY($1::text[]) AND state IN ('failed', 'retry')
          ORDER BY created_on DESC
          LIMIT $2`,
        queues,
        limit,
      );
      const stuck = await prisma.outboxEvent.findMany({
        where: { status: 'pending', lastError: { not: null } },
        orderBy: { createdAt: 'desc' },
        take: limit,
      });
      const outputText = (output: unknown): string | null => {
        if (output === null || output === undefined) return null;
        if (typeof output === 'object' && 'message' in output)
          return String((output as { message: unknown }).message).slice(0, 2000);
        return JSON.stringify(output).slice(0, 2000);
      };
      return [
        ...jobs.map((job) => ({
          id: job.id,
          handler: job.name,
          eventType: job.data?.type ?? job.name,
          attempts: job.retry_count + 1,
          lastError: outputText(job.output),
          failedAt: job.completed_on,
          createdAt: job.created_on,
          dead: job.state === 'failed',
        })),
        ...stuck.map((event) => ({
          id: event.id,
          handler: 'relay',
          eventType: event.type,
          attempts: event.attempts,
          lastError: event.lastError,
          failedAt: null,
          createdAt: event.createdAt,
          dead: false,
        })),
      ].slice(0, limit);
    },
    async retry(id) {
      const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
        `SELECT name FROM ${SCHEMA}.job WHERE id::text = $1 AND state = 'failed'`,
        id,
      );
      const name = rows[0]?.name;
      if (name === undefined) return false;
      await boss.retry(name, id);
      return true;
    },
    async counts(): Promise<JobCounts> {
      const rows = await prisma.$queryRawUnsafe<{ state: string; count: bigint }[]>(
        `SELECT state::text AS state, count(*) AS count FROM ${SCHEMA}.job
          WHERE name = ANY($1::text[]) GROUP BY state`,
        queues,
      );
      const count = (...states: string[]) =>
        rows
          .filter((row) => states.includes(row.state))
          .reduce((sum, row) => sum + Number(row.count), 0);
      const outboxWaiting = await prisma.outboxEvent.count({
        where: { status: { in: ['pending', 'running'] } },
      });
      return {
        waiting: count('created', 'retry') + outboxWaiting,
        running: count('active'),
        failed: count('failed'),
      };
    },
  };
}

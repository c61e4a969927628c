import type { Database } from '@unionhall/db';
import cronParser from 'cron-parser';
import type { ApiLogger } from '../context';
import { emitEvent, parseEnvelope } from './events';
import {
  handlersFor,
  MAX_ATTEMPTS,
  retryDelayMs,
  SCHEDULE_TIME_ZONE,
  type JobCatalog,
} from './handlers';
import type { FailedJob, JobCounts, JobRunner } from './runner';

export interface InProcessRunnerOptions {
  db: Database;
  logger: ApiLogger;
  catalog: JobCatalog;
  /** How often to look for due events and schedules. Default 1000 ms. */
  pollMs?: number;
  /** Events claimed per round. Default 20. */
  batchSize?: number;
}

interface ClaimedRow {
  id: string;
  type: string;
  payload: unknown;
  handled: string[];
  attempts: number;
  created_at: Date;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

/** The next time a cron expression fires after `after`, on Beijing time. */
export function nextCronRun(cron: string, after: Date): Date {
  return cronParser
    .parseExpression(cron, { currentDate: after, tz: SCHEDULE_TIME_ZONE })
    .next()
    .toDate();
}

/**
 * Embedded mode: the same handlers as pg-boss, run in this process from the outbox table.
 * PGlite belongs to this one process, so an event found `running` at start was cut off by a
 * crash and is simply run again (handlers are idempotent); each handler that finished is
 * recorded in `handled`, so a retry runs only those that did not.
 */
export function createInProcessRunner(options: InProcessRunnerOptions): JobRunner {
  const { db, logger, catalog } = options;
  const prisma = db.prisma;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 20;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let round: Promise<number> | undefined;

  async function fireSchedules(now: Date): Promise<void> {
    for (const task of catalog.schedules) {
      const row = await prisma.jobSchedule.findUnique({ where: { name: task.name } });
      if (!row || row.cron !== task.cron) {
        await prisma.jobSchedule.upsert({
          where: { name: task.name },
          create: { name: task.name, cron: task.cron, nextRunAt: nextCronRun(task.cron, now) },
          update: { cron: task.cron, nextRunAt: nextCronRun(task.cron, now) },
        });
        continue;
      }
      if (row.nextRunAt > now) continue;
      // One event per slot, however long the process was down: a missed night's digest is
      // sent once on start, not once per missed night.
      const slot = row.nextRunAt;
      await prisma.$transaction(async (tx) => {
        await emitEvent(
          tx,
          task.event,
          { firedAt: slot.toISOString() },
          { key: `${task.name}@${slot.toISOString()}` },
        );
        await tx.jobSchedule.update({
          where: { name: task.name },
          data: { lastRunAt: now, nextRunAt: nextCronRun(task.cron, now) },
        });
      });
    }
  }

  async function claim(): Promise<ClaimedRow[]> {
    return prisma.$queryRaw<ClaimedRow[]>`
      UPDATE outbox_event
         SET status = 'running', attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox_event
          WHERE status = 'pending' AND available_at <= now()
          ORDER BY available_at, created_at
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED)
      RETURNING id, type, payload, handled, attempts, created_at`;
  }

  async function processRow(row: ClaimedRow): Promise<void> {
    let failure: { handler: string; error: string } | undefined;
    let done = new Set(row.handled);
    try {
      const event = parseEnvelope({ ...row, createdAt: row.created_at });
      for (const handler of handlersFor(catalog, row.type)) {
        if (done.has(handler.name)) continue;
        try {
          await handler.handle(event);
          done = new Set(done).add(handler.name);
          await prisma.outboxEvent.update({
            where: { id: row.id },
            data: { handled: [...done] },
          });
        } catch (error) {
          failure = { handler: handler.name, error: errorText(error) };
          logger.warn(
            {
              eventId: row.id,
              handler: handler.name,
              attempt: row.attempts,
              err: errorText(error),
            },
            'background handler failed',
          );
        }
      }
    } catch (error) {
      failure = { handler: 'envelope', error: errorText(error) };
    }
    if (failure === undefined) {
      await prisma.outboxEvent.update({
        where: { id: row.id },
        data: { status: 'done', processedAt: new Date(), lastError: null, failedHandler: null },
      });
      return;
    }
    const dead = row.attempts >= MAX_ATTEMPTS;
    if (dead) logger.error({ eventId: row.id, type: row.type }, 'background event is dead');
    await prisma.outboxEvent.update({
      where: { id: row.id },
      data: {
        status: dead ? 'dead' : 'pending',
        lastError: `${failure.handler}: ${failure.error}`,
        failedHandler: failure.handler,
        availableAt: new Date(Date.now() + retryDelayMs(row.attempts)),
        ...(dead ? { processedAt: new Date() } : {}),
      },
    });
  }

  /** One round: fire due schedules, then claim and run due events. Returns events run. */
  async function runRound(): Promise<number> {
    await fireSchedules(new Date());
    const rows = await claim();
    for (const row of rows) await processRow(row);
    return rows.length;
  }

  function roundOnce(): Promise<number> {
    round ??= runRound().finally(() => {
      round = undefined;
    });
    return round;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      roundOnce()
        .catch((error: unknown) =>
          logger.error({ err: errorText(error) }, 'background round failed'),
        )
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  return {
    mode: 'in-process',
    async start() {
      if (!stopped) return;
      // Whatever was running when the process last stopped was cut off: run it again.
      const recovered = await prisma.outboxEvent.updateMany({
        where: { status: 'running' },
        data: { status: 'pending' },
      });
      if (recovered.count > 0)
        logger.warn({ events: recovered.count }, 'resuming background work cut off by a stop');
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round?.catch(() => undefined);
    },
    async drain() {
      // Rounds until nothing due is left; retries waiting for their backoff are not due.
      for (;;) {
        if ((await roundOnce()) === 0) return;
      }
    },
    async listFailed(limit = 50): Promise<FailedJob[]> {
      const rows = await prisma.outboxEvent.findMany({
        where: { OR: [{ status: 'dead' }, { status: 'pending', lastError: { not: null } }] },
        orderBy: { createdAt: 'desc' },
        take: limit,
        select: {
          id: true,
          type: true,
          status: true,
          attempts: true,
          lastError: true,
          failedHandler: true,
          processedAt: true,
          createdAt: true,
        },
      });
      return rows.map((row) => ({
        id: row.id,
        handler: row.failedHandler ?? row.type,
        eventType: row.type,
        attempts: row.attempts,
        lastError: row.lastError,
        failedAt: row.processedAt,
        createdAt: row.createdAt,
        dead: row.status === 'dead',
      }));
    },
    async retry(id) {
      const updated = await prisma.outboxEvent.updateMany({
        where: { id, status: 'dead' },
        data: { status: 'pending', attempts: 0, availableAt: new Date(), processedAt: null },
      });
      return updated.count === 1;
    },
    async counts(): Promise<JobCounts> {
      const groups = await prisma.outboxEvent.groupBy({
        by: ['status'],
        where: { status: { in: ['pending', 'running', 'dead'] } },
        _count: { _all: true },
      });
      const count = (status: string) =>
        groups.find((group) => group.status === status)?._count._all ?? 0;
      return { waiting: count('pending'), running: count('running'), failed: count('dead') };
    },
  };
}

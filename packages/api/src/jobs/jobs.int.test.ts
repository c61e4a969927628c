import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, type Database } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../testing/harness';
import { emitEvent, type OutboxEnvelope } from './events';
import { defineHandler, MAX_ATTEMPTS, type JobCatalog } from './handlers';
import { createInProcessRunner, nextCronRun } from './in-process-runner';
import { createPgBossRunner, jobIdFor } from './pg-boss-runner';

/** The test events: any event type does; these carry one id. */
const created = (notificationId: string) => ({ notificationId });

/** Ids are uuids; a counter keeps them readable in failures. */
let counter = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

/** A handler that records each run and can be told to fail or to hang. */
function recorder(name: string) {
  const runs: string[] = [];
  const effects = new Set<string>();
  let failuresLeft = 0;
  let holdNext = false;
  let gate: Promise<void> | undefined;
  let release = () => {};
  const handler = defineHandler({
    name,
    event: 'notification.created',
    async handle(event: OutboxEnvelope<'notification.created'>) {
      runs.push(event.payload.notificationId);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('provider unavailable');
      }
      if (holdNext) {
        // Only this run hangs (as in a crashed process); later runs go straight through.
        holdNext = false;
        await gate;
      }
      // Idempotent: the effect is keyed on the event, so a second run adds nothing.
      effects.add(event.id);
    },
  });
  return {
    handler,
    runs,
    effects,
    failNext(times: number) {
      failuresLeft = times;
    },
    hold() {
      holdNext = true;
      gate = new Promise((resolve) => (release = resolve));
      return () => release();
    },
  };
}

const catalogOf = (...handlers: ReturnType<typeof recorder>[]): JobCatalog => ({
  handlers: handlers.map((entry) => entry.handler),
  schedules: [],
});

async function emitCreated(db: Database, memberId: string, key?: string) {
  return db.prisma.$transaction((tx) =>
    emitEvent(tx, 'notification.created', created(memberId), { key }),
  );
}

/** Lets time pass for events waiting for their backoff. */
async function makeDue(db: Database) {
  await db.prisma.outboxEvent.updateMany({
    where: { status: 'pending' },
    data: { availableAt: new Date(Date.now() - 1000) },
  });
}

describe.each(testDatabaseTargets())('background work in process on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase(target);
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('runs an event written by a committed transaction once, and none for a rollback', async () => {
    const notify = recorder('test.commit');
    const runner = createInProcessRunner({ db, logger: silentLogger, catalog: catalogOf(notify) });
    const committed = uuid();
    const rolledBack = uuid();
    await emitCreated(db, committed);
    await expect(
      db.prisma.$transaction(async (tx) => {
        await emitEvent(tx, 'notification.created', created(rolledBack));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    await runner.drain();
    await runner.drain();
    expect(notify.runs).toEqual([committed]);
    expect(notify.effects.size).toBe(1);
  });

  it('writes one event per idempotence key', async () => {
    const notify = recorder('test.key');
    const runner = createInProcessRunner({ db, logger: silentLogger, catalog: catalogOf(notify) });
    const member = uuid();
    expect(await emitCreated(db, member, `created:${member}`)).toBe(true);
    expect(await emitCreated(db, member, `created:${member}`)).toBe(false);
    await runner.drain();
    expect(notify.runs).toEqual([member]);
  });

  it('retries a failing handler with backoff, without re-running the ones that succeeded', async () => {
    const flaky = recorder('test.flaky');
    const steady = recorder('test.steady');
    const runner = createInProcessRunner({
      db,
      logger: silentLogger,
      catalog: catalogOf(flaky, steady),
    });
    const member = uuid();
    await emitCreated(db, member);
    flaky.failNext(2);

    await runner.drain();
    const waiting = await db.prisma.outboxEvent.findFirstOrThrow({
      where: { payload: { path: ['notificationId'], equals: member } },
    });
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, handled: ['test.steady'] });
    expect(waiting.availableAt.getTime()).toBeGreaterThan(Date.now());
    expect(waiting.lastError).toContain('test.flaky: Error: provider unavailable');
    expect(waiting.failedHandler).toBe('test.flaky');
    // Not due yet: draining now runs nothing.
    await runner.drain();
    expect(flaky.runs).toHaveLength(1);

    await makeDue(db);
    await runner.drain();
    await makeDue(db);
    await runner.drain();
    expect(flaky.runs).toEqual([member, member, member]);
    expect(flaky.effects.size).toBe(1);
    expect(steady.runs).toEqual([member]);
    const done = await db.prisma.outboxEvent.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(done).toMatchObject({
      status: 'done',
      attempts: 3,
      lastError: null,
      failedHandler: null,
    });
  });

  it('gives up after the last attempt, lists the dead letter, and runs it again on retry', async () => {
    const broken = recorder('test.broken');
    const runner = createInProcessRunner({ db, logger: silentLogger, catalog: catalogOf(broken) });
    const member = uuid();
    await emitCreated(db, member);
    broken.failNext(MAX_ATTEMPTS);
    for (let attempt = 0; attempt < MAX_ATTEMPTS + 2; attempt++) {
      await makeDue(db);
      await runner.drain();
    }
    expect(broken.runs).toHaveLength(MAX_ATTEMPTS);
    const failed = await runner.listFailed();
    const letter = failed.find((job) => job.dead && job.eventType === 'notification.created');
    expect(letter).toMatchObject({ attempts: MAX_ATTEMPTS, handler: 'test.broken' });
    expect((await runner.counts()).failed).toBeGreaterThanOrEqual(1);

    expect(await runner.retry(letter?.id ?? '')).toBe(true);
    expect(await runner.retry(letter?.id ?? '')).toBe(false);
    await runner.drain();
    expect(broken.runs).toHaveLength(MAX_ATTEMPTS + 1);
    expect(broken.effects.size).toBe(1);
  });

  it('names the failed handler from its own column, even when the name has a colon', async () => {
    const broken = recorder('test:colon.broken');
    const runner = createInProcessRunner({ db, logger: silentLogger, catalog: catalogOf(broken) });
    const member = uuid();
    await emitCreated(db, member);
    broken.failNext(1);
    await runner.drain();
    const failed = await runner.listFailed();
    const waiting = failed.find((job) => job.handler.startsWith('test:'));
    expect(waiting).toMatchObject({ handler: 'test:colon.broken', dead: false, attempts: 1 });
    expect(waiting?.lastError).toContain('test:colon.broken: Error: provider unavailable');
    // Done on the next attempt, so the later tests' runners find nothing of it left.
    await makeDue(db);
    await runner.drain();
    expect(broken.effects.size).toBe(1);
  });

  it('fires a schedule once per slot, however often it is checked', async () => {
    const cleanup = recorder('test.unused');
    const runs: string[] = [];
    const catalog: JobCatalog = {
      handlers: [
        cleanup.handler,
        defineHandler({
          name: 'test.cleanup',
          event: 'schedule.outbox-cleanup',
          async handle(event) {
            runs.push(event.payload.firedAt);
          },
        }),
      ],
      schedules: [{ name: 'test-cleanup', cron: '0 8 * * *', event: 'schedule.outbox-cleanup' }],
    };
    const runner = createInProcessRunner({ db, logger: silentLogger, catalog });
    await runner.drain();
    const row = await db.prisma.jobSchedule.findUniqueOrThrow({ where: { name: 'test-cleanup' } });
    // 08:00 in Beijing is 00:00 UTC.
    expect(row.nextRunAt.getUTCHours()).toBe(0);
    expect(runs).toEqual([]);

    // The clock passes the slot (as after a night with the server off).
    const slot = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    await db.prisma.jobSchedule.update({
      where: { name: 'test-cleanup' },
      data: { nextRunAt: slot },
    });
    await runner.drain();
    await runner.drain();
    expect(runs).toEqual([slot.toISOString()]);
    const next = await db.prisma.jobSchedule.findUniqueOrThrow({ where: { name: 'test-cleanup' } });
    expect(next.nextRunAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('the cron clock', () => {
  it('evaluates schedules on Beijing time, across the year boundary', () => {
    // 2026-12-31 23:30 Beijing = 15:30 UTC; "08:00 daily" next fires 2027-01-01 08:00 Beijing.
    expect(nextCronRun('0 8 * * *', new Date('2026-12-31T15:30:00Z')).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    // Weekdays only: Friday 09:00 Beijing → Monday.
    expect(nextCronRun('0 9 * * 1-5', new Date('2026-11-27T01:00:00Z')).toISOString()).toBe(
      '2026-11-30T01:00:00.000Z',
    );
  });
});

describe('background work across a crash, embedded (PGlite on disk)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unionhall-jobs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs an event cut off mid-handler again after a restart: not lost, not doubled', async () => {
    const notify = recorder('test.crash');
    const first = await openDatabase({ dataDir: dir });
    await migrate(first);
    const member = uuid();
    await emitCreated(first, member);
    const runner = createInProcessRunner({
      db: first,
      logger: silentLogger,
      catalog: catalogOf(notify),
      pollMs: 10,
    });
    const release = notify.hold();
    await runner.start();
    await expect.poll(() => notify.runs.length).toBe(1);
    // The process dies here: the handler never finishes, the database is closed under it.
    await first.close();
    release();

    const second = await openDatabase({ dataDir: dir });
    try {
      const row = await second.prisma.outboxEvent.findFirstOrThrow();
      expect(row.status).toBe('running');
      const again = createInProcessRunner({
        db: second,
        logger: silentLogger,
        catalog: catalogOf(notify),
      });
      await again.start();
      await again.drain();
      await again.stop();
      expect(notify.runs).toEqual([member, member]);
      expect(notify.effects.size).toBe(1);
      const done = await second.prisma.outboxEvent.findFirstOrThrow();
      expect(done.status).toBe('done');
    } finally {
      await second.close();
    }
  });
});

describe.runIf(testDatabaseTargets().includes('postgres'))('background work on pg-boss', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await db.dispose();
  });

  const runnerFor = (catalog: JobCatalog) =>
    createPgBossRunner({
      db,
      connectionString: db.url ?? '',
      logger: silentLogger,
      catalog,
      pollMs: 100,
      expireInSeconds: 1,
      maintenanceIntervalSeconds: 1,
      retryDelaySeconds: 1,
      maxAttempts: 3,
    });

  it('relays each event to each handler exactly once, even when relayed twice', async () => {
    const notify = recorder('test-pg.relay');
    const runner = runnerFor(catalogOf(notify));
    await runner.start();
    try {
      const member = uuid();
      await emitCreated(db, member);
      await runner.drain();
      const event = await db.prisma.outboxEvent.findFirstOrThrow({
        where: { payload: { path: ['notificationId'], equals: member } },
      });
      expect(event.status).toBe('relayed');
      // A relay cut off after sending but before marking the event sends it again.
      await db.prisma.outboxEvent.update({ where: { id: event.id }, data: { status: 'pending' } });
      await runner.drain();
      const jobs = await db.prisma.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id::text AS id FROM pgboss.job WHERE name = 'test-pg.relay'`,
      );
      expect(jobs.map((job) => job.id)).toEqual([jobIdFor(event.id, 'test-pg.relay')]);
      expect(notify.runs).toEqual([member]);
    } finally {
      await runner.stop();
    }
  });

  it('retries a failing job and lists a dead one for a retry from the console', async () => {
    const flaky = recorder('test-pg.flaky');
    const runner = runnerFor(catalogOf(flaky));
    await runner.start();
    try {
      const member = uuid();
      flaky.failNext(1);
      await emitCreated(db, member);
      await expect.poll(() => flaky.effects.size, { timeout: 20_000 }).toBe(1);
      expect(flaky.runs).toEqual([member, member]);

      const dead = uuid();
      flaky.failNext(3);
      await emitCreated(db, dead);
      await expect
        .poll(async () => (await runner.listFailed()).filter((job) => job.dead).length, {
          timeout: 60_000,
          interval: 500,
        })
        .toBe(1);
      const [letter] = (await runner.listFailed()).filter((job) => job.dead);
      expect(letter).toMatchObject({ handler: 'test-pg.flaky', attempts: 3 });
      expect(letter?.lastError).toContain('provider unavailable');
      expect(await runner.retry(letter?.id ?? '')).toBe(true);
      await expect.poll(() => flaky.effects.size, { timeout: 20_000 }).toBe(2);
    } finally {
      await runner.stop();
    }
  }, 90_000);

  it('runs a job again when its worker dies mid-job: not lost, not doubled', async () => {
    const notify = recorder('test-pg.crash');
    const crashed = runnerFor(catalogOf(notify));
    const release = notify.hold();
    await crashed.start();
    const member = uuid();
    await emitCreated(db, member);
    await expect.poll(() => notify.runs.length, { timeout: 10_000 }).toBe(1);
    // The first worker hangs (as a killed replica would): its job expires and another
    // replica's worker runs it.
    const survivor = runnerFor(catalogOf(notify));
    await survivor.start();
    try {
      await expect.poll(() => notify.effects.size, { timeout: 30_000 }).toBe(1);
      expect(notify.runs).toEqual([member, member]);
    } finally {
      // The hung handler finally returns; its late completion changes nothing.
      release();
      await survivor.stop();
      await crashed.stop();
    }
    expect(notify.effects.size).toBe(1);
  }, 60_000);
});

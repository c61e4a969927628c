import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, personas, testJobsFor } from '../../testing/harness';

describe.each(testDatabaseTargets())('background work in the console on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let people: Awaited<ReturnType<typeof personas>>;
  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    people = await personas(db);
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('lists a dead letter to the federation admin, and a retry runs it to the end', async () => {
    const firedAt = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
    const dead = await db.prisma.outboxEvent.create({
      data: {
        type: 'schedule.outbox-cleanup',
        payload: { firedAt },
        status: 'dead',
        attempts: 8,
        lastError: 'outbox.cleanup: Error: database was restarting',
        failedHandler: 'outbox.cleanup',
      },
    });
    const admin = callerFor(db, { actor: people.federationAdmin });
    const overview = await admin.officer.system.jobs();
    expect(overview.mode).toBe('in-process');
    expect(overview.counts.failed).toBe(1);
    expect(overview.failed).toEqual([
      expect.objectContaining({
        id: dead.id,
        handler: 'outbox.cleanup',
        eventType: 'schedule.outbox-cleanup',
        attempts: 8,
        dead: true,
        lastError: 'outbox.cleanup: Error: database was restarting',
      }),
    ]);

    await expect(admin.officer.system.retryJob({ id: dead.id })).resolves.toEqual({
      retried: true,
    });
    // A second retry of the same letter finds nothing to retry.
    await expect(admin.officer.system.retryJob({ id: dead.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await testJobsFor(db).drain();
    expect(await db.prisma.outboxEvent.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject(
      { status: 'done', lastError: null },
    );
    expect((await admin.officer.system.jobs()).counts.failed).toBe(0);
    const audit = await db.prisma.auditEvent.findFirst({
      where: { action: 'system.job.retry', targetId: dead.id },
    });
    expect(audit).toMatchObject({ actorId: 'officer-fed-admin', outcome: 'SUCCESS' });
  });

  it('is not for a union admin', async () => {
    const unionAdmin = callerFor(db, { actor: people.unionAdmin });
    await expect(unionAdmin.officer.system.jobs()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

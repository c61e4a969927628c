import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent, AUDIT_GENESIS_HASH, canonicalJson, verifyAuditChain } from './audit';
import { createTestDatabase, testDatabaseTargets, type TestDatabase } from './testing';

describe('canonicalJson', () => {
  it('sorts keys at every level, so jsonb reordering does not change the hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe.each(testDatabaseTargets())('audit chain on %s', (target) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(target);
  });
  afterAll(async () => {
    await db.dispose();
  });

  const append = (action: string, changes?: Record<string, { before: unknown; after: unknown }>) =>
    db.prisma.$transaction((tx) =>
      appendAuditEvent(tx, {
        actorType: 'SYSTEM',
        action,
        outcome: 'SUCCESS',
        ...(changes ? { changes: JSON.parse(JSON.stringify(changes)) } : {}),
      }),
    );

  it('links each row to the one before it, starting from the genesis hash', async () => {
    const first = await append('test.first', { name: { before: null, after: 'A' } });
    const second = await append('test.second');
    expect(first.prevHash).toBe(AUDIT_GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(await verifyAuditChain(db.prisma)).toEqual({ ok: true, checked: 2 });
  });

  it('keeps one unforked chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, index) => append(`test.concurrent.${index}`)));
    const report = await verifyAuditChain(db.prisma, 5);
    expect(report).toEqual({ ok: true, checked: 14 });
  });

  it('refuses to update, delete or truncate audit rows', async () => {
    await expect(
      db.prisma.$executeRawUnsafe(`UPDATE audit_event SET action = 'x'`),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM audit_event`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE audit_event`)).rejects.toThrow(
      /append-only/,
    );
    expect(await db.prisma.auditEvent.count()).toBe(14);
  });

  it('rolls the row back with the transaction it belongs to', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await appendAuditEvent(tx, {
          actorType: 'SYSTEM',
          action: 'test.rolled-back',
          outcome: 'SUCCESS',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.prisma.auditEvent.count({ where: { action: 'test.rolled-back' } })).toBe(0);
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });

  it('detects a row changed behind the application’s back', async () => {
    // Only the table owner can switch the guard off; the verifier must still notice.
    const victim = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'test.second' },
    });
    await db.prisma.$executeRawUnsafe(
      `ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`,
    );
    await db.prisma.$executeRawUnsafe(
      `UPDATE audit_event SET actor_id = 'someone-else' WHERE seq = ${victim.seq}`,
    );
    await db.prisma.$executeRawUnsafe(
      `ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete`,
    );
    expect(await verifyAuditChain(db.prisma)).toEqual({
      ok: false,
      checked: 1,
      brokenAt: victim.seq,
      reason: 'hash-mismatch',
    });
  });
});

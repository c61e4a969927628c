import { createHash } from 'node:crypto';
import type { AuditActorType, AuditOutcome, Prisma, PrismaClient } from './generated/prisma/client';

/** The hash the first row follows. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * One advisory lock serializes audit appends across every connection and server replica, so
 * each row can name its predecessor. It is held only until the writing transaction ends.
 */
const AUDIT_CHAIN_LOCK = 0x55_48_41_55; // "UHAU"

export interface AuditEventInput {
  actorType: AuditActorType;
  actorId?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  orgUnitId?: string | null;
  requestId?: string | null;
  outcome: AuditOutcome;
  changes?: Prisma.InputJsonValue | null;
  /** Defaults to now; passed in by tests. */
  occurredAt?: Date;
}

/** JSON with object keys sorted at every level: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface HashedFields {
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  orgUnitId: string | null;
  requestId: string | null;
  outcome: string;
  changes: unknown;
}

export function auditHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256')
    .update(canonicalJson({ prevHash, ...fields }))
    .digest('hex');
}

/**
 * Appends one audit row inside the caller's transaction: if the change it records rolls back,
 * so does the row.
 */
export async function appendAuditEvent(tx: Prisma.TransactionClient, input: AuditEventInput) {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
  const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
  const fields: HashedFields = {
    occurredAt: input.occurredAt ?? new Date(),
    actorType: input.actorType,
    actorId: input.actorId ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    orgUnitId: input.orgUnitId ?? null,
    requestId: input.requestId ?? null,
    outcome: input.outcome,
    changes: input.changes ?? null,
  };
  return tx.auditEvent.create({
    data: {
      ...fields,
      actorType: input.actorType,
      outcome: input.outcome,
      changes: input.changes ?? undefined,
      prevHash,
      hash: auditHash(prevHash, fields),
    },
  });
}

export type AuditChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: bigint; reason: 'hash-mismatch' | 'link-broken' };

/** Recomputes the whole chain in order, a batch at a time. */
export async function verifyAuditChain(
  prisma: PrismaClient,
  batchSize = 1000,
): Promise<AuditChainReport> {
  let prevHash = AUDIT_GENESIS_HASH;
  let after: bigint | undefined;
  let checked = 0;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({
      where: after === undefined ? {} : { seq: { gt: after } },
      orderBy: { seq: 'asc' },
      take: batchSize,
    });
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prevHash !== prevHash)
        return { ok: false, checked, brokenAt: row.seq, reason: 'link-broken' };
      const expected = auditHash(prevHash, {
        occurredAt: row.occurredAt,
        actorType: row.actorType,
        actorId: row.actorId,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        orgUnitId: row.orgUnitId,
        requestId: row.requestId,
        outcome: row.outcome,
        changes: row.changes,
      });
      if (expected !== row.hash)
        return { ok: false, checked, brokenAt: row.seq, reason: 'hash-mismatch' };
      prevHash = row.hash;
      checked += 1;
      after = row.seq;
    }
  }
}

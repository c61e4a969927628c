import { appendAuditEvent, type AuditEventInput, type Prisma } from '@unionhall/db';
import type { Context } from './context';

/** An audit event as a service describes it; who and which request come from the context. */
export type AuditEvent = Omit<
  AuditEventInput,
  'actorType' | 'actorId' | 'requestId' | 'occurredAt'
>;

/** Writes one audit row in the given transaction, on behalf of the current request. */
export type AuditWriter = (tx: Prisma.TransactionClient, event: AuditEvent) => Promise<unknown>;

export function auditWriter(ctx: Pick<Context, 'actor' | 'requestId'>): AuditWriter {
  return (tx, event) =>
    appendAuditEvent(tx, {
      ...event,
      actorType: ctx.actor.type,
      actorId: ctx.actor.id,
      requestId: ctx.requestId,
    });
}

/** The dependencies every writing service takes: the database and this request's audit. */
export function serviceDeps(ctx: Pick<Context, 'db' | 'actor' | 'requestId'>) {
  return { prisma: ctx.db.prisma, audit: auditWriter(ctx) };
}

/** What a sensitive read was about, for its audit row. */
export interface ReadTarget {
  targetType: string;
  targetId: string;
  orgUnitId?: string | null;
}

/**
 * Reads a sensitive record (national ID, case narrative, hardship file…) and writes the audit
 * row of that read in the same transaction: if the row cannot be written, the caller gets no
 * data. `read` returns the value and what it was about; `null` (nothing found, nothing to
 * record) passes through without a row.
 */
export async function auditedRead<T>(
  ctx: Pick<Context, 'db' | 'actor' | 'requestId'>,
  action: string,
  read: (tx: Prisma.TransactionClient) => Promise<{ value: T; target: ReadTarget } | null>,
): Promise<T | null> {
  const audit = auditWriter(ctx);
  return ctx.db.prisma.$transaction(async (tx) => {
    const found = await read(tx);
    if (!found) return null;
    await audit(tx, { action, outcome: 'SUCCESS', ...found.target });
    return found.value;
  });
}

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

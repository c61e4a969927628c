import type { Prisma, PrismaClient } from '@unionhall/db';
import type { TAuditEventPage, TFindAuditEventsInput } from '@unionhall/domain';
import type { Scope } from '../../access';

const AUDIT_EVENT_SELECT = {
  seq: true,
  occurredAt: true,
  actorType: true,
  actorId: true,
  action: true,
  targetType: true,
  targetId: true,
  orgUnitId: true,
  requestId: true,
  outcome: true,
  changes: true,
} satisfies Prisma.AuditEventSelect;

type Changes = Record<string, { before: unknown; after: unknown }>;

function isChanges(value: unknown): value is Changes {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Searches the audit log, newest first, one keyset page at a time. */
/**
 * Searches the audit log within the caller's scope, newest first, one keyset page at a time.
 * Events tied to a unit are visible where the unit is; events tied to none (sign-ins,
 * refusals) only to those whose scope includes a whole tree.
 */
export async function findAuditEvents(
  prisma: PrismaClient,
  scope: Scope,
  input: TFindAuditEventsInput,
): Promise<TAuditEventPage> {
  const unitsInScope = await prisma.orgUnit.findMany({
    where: { OR: scope.roots.map((root) => ({ path: { startsWith: root } })) },
    select: { id: true },
  });
  const seesWholeTrees = scope.roots.some((root) => root.split('/').filter(Boolean).length === 1);
  const inScope: Prisma.AuditEventWhereInput = {
    OR: [
      { orgUnitId: { in: unitsInScope.map((unit) => unit.id) } },
      ...(seesWholeTrees ? [{ orgUnitId: null }] : []),
    ],
  };
  const where: Prisma.AuditEventWhereInput = {
    AND: [inScope],
    ...(input.action ? { action: { startsWith: input.action } } : {}),
    ...(input.targetType ? { targetType: input.targetType } : {}),
    ...(input.targetId ? { targetId: input.targetId } : {}),
    ...(input.actorId ? { actorId: input.actorId } : {}),
    ...(input.from || input.to
      ? {
          occurredAt: {
            ...(input.from ? { gte: input.from } : {}),
            ...(input.to ? { lt: input.to } : {}),
          },
        }
      : {}),
    ...(input.cursor ? { seq: { lt: BigInt(input.cursor) } } : {}),
  };
  const rows = await prisma.auditEvent.findMany({
    where,
    orderBy: { seq: 'desc' },
    take: input.limit + 1,
    select: AUDIT_EVENT_SELECT,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((row) => ({
      ...row,
      seq: row.seq.toString(),
      changes: isChanges(row.changes) ? row.changes : null,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.seq.toString() ?? null) : null,
  };
}

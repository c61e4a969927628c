import { Prisma, type PrismaClient } from '@unionhall/db';
import {
  UnionhallError,
  ZCreateMemberSegmentInput,
  ZDeleteMemberSegmentInput,
  ZMemberSegmentFilters,
  ZRenameMemberSegmentInput,
  type TCreateMemberSegmentInput,
  type TRenameMemberSegmentInput,
  type TMemberSegment,
  type TMemberSegmentFilters,
  type TMemberTagCount,
} from '@unionhall/domain';
import type { z } from 'zod';
import { OutOfScopeError, type Scope } from '../../access';
import type { AuditWriter } from '../../audit';
import type { Actor } from '../../context';
import { uniqueViolationFields } from '../../errors';
import { memberFilterWhere } from './membership.service';

type Tx = Prisma.TransactionClient;

export interface SegmentServiceDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  scope: Scope;
  actor: Actor;
}

const SEGMENT_SELECT = {
  id: true,
  name: true,
  filters: true,
  orgUnitId: true,
  orgUnit: { select: { name: true, path: true } },
  createdBy: true,
  createdAt: true,
  version: true,
} satisfies Prisma.MemberSegmentSelect;

type SegmentRow = Prisma.MemberSegmentGetPayload<{ select: typeof SEGMENT_SELECT }>;

/**
 * Filters are stored as JSON, so they are parsed again on the way out: a segment saved by an
 * older version whose filters no longer parse selects nothing rather than everything.
 */
function segmentFilters(row: { filters: Prisma.JsonValue }): TMemberSegmentFilters | null {
  const parsed = ZMemberSegmentFilters.safeParse(row.filters);
  return parsed.success ? parsed.data : null;
}

function toSegment(row: SegmentRow): TMemberSegment {
  const { orgUnit, filters: _raw, ...rest } = row;
  return {
    ...rest,
    orgUnitName: orgUnit.name,
    filters: segmentFilters(row) ?? { orgUnitId: row.orgUnitId, status: [] },
  };
}

async function unitInScope(db: PrismaClient | Tx, scope: Scope, id: string) {
  const unit = await db.orgUnit.findUnique({ where: { id } });
  if (!unit) throw new UnionhallError('NOT_FOUND', `org unit ${id} not found`);
  if (!scope.covers(unit.path)) throw new OutOfScopeError(`org unit ${id}`);
  return unit;
}

/**
 * Refuses a name another segment of the unit has. The unique index decides in the end: two
 * officers saving the same name at once get the same answer from it (nameTaken below).
 */
async function assertNameFree(db: Tx, orgUnitId: string, name: string, exceptId?: string) {
  const same = await db.memberSegment.findFirst({
    where: { orgUnitId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (same) throw new UnionhallError('SEGMENT_NAME_TAKEN', `segment name ${name} is taken`);
}

/** A unique violation of the (unit, name) index as the error officers understand. */
function nameTaken(error: unknown): unknown {
  return uniqueViolationFields(error)
    ? new UnionhallError('SEGMENT_NAME_TAKEN', 'segment name is taken', { cause: error })
    : error;
}

/** Segments owned by units inside the caller's scope, by name. */
export async function listSegments(prisma: PrismaClient, scope: Scope): Promise<TMemberSegment[]> {
  if (scope.roots.length === 0) return [];
  const rows = await prisma.memberSegment.findMany({
    where: { OR: scope.roots.map((root) => ({ orgUnit: { path: { startsWith: root } } })) },
    select: SEGMENT_SELECT,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 200,
  });
  return rows.map(toSegment);
}

/**
 * Saves the filters under a name, owned by a unit in the caller's scope. A unit filter must
 * lie inside the segment's unit; without one, the segment's own unit becomes the unit filter,
 * so that applying the saved filters in the list shows exactly the segment's members.
 */
export async function createSegment(
  deps: SegmentServiceDeps,
  raw: TCreateMemberSegmentInput,
): Promise<TMemberSegment> {
  const input = ZCreateMemberSegmentInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const unit = await unitInScope(tx, deps.scope, input.orgUnitId);
    const filters: TMemberSegmentFilters = { ...input.filters };
    if (filters.orgUnitId) {
      const narrower = await unitInScope(tx, deps.scope, filters.orgUnitId);
      if (!narrower.path.startsWith(unit.path)) {
        throw new UnionhallError('VALIDATION_FAILED', 'the unit filter lies outside the segment');
      }
    } else {
      filters.orgUnitId = unit.id;
    }
    await assertNameFree(tx, unit.id, input.name);
    const created = await tx.memberSegment
      .create({
        data: { name: input.name, filters, orgUnitId: unit.id, createdBy: deps.actor.id },
        select: SEGMENT_SELECT,
      })
      .catch((error: unknown) => {
        throw nameTaken(error);
      });
    await deps.audit(tx, {
      action: 'member.segment.create',
      outcome: 'SUCCESS',
      targetType: 'MemberSegment',
      targetId: created.id,
      orgUnitId: unit.id,
      changes: { name: { from: null, to: input.name }, filters: { from: null, to: filters } },
    });
    return toSegment(created);
  });
}

/** Renames a segment, based on the version the officer saw; names stay unique per unit. */
export async function renameSegment(
  deps: SegmentServiceDeps,
  raw: TRenameMemberSegmentInput,
): Promise<TMemberSegment> {
  const input = ZRenameMemberSegmentInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const segment = await segmentInScope(tx, deps.scope, input.id);
    await assertNameFree(tx, segment.orgUnitId, input.name, segment.id);
    const updated = await tx.memberSegment
      .updateMany({
        where: { id: segment.id, version: input.expectedVersion },
        data: { name: input.name, version: { increment: 1 } },
      })
      .catch((error: unknown) => {
        throw nameTaken(error);
      });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `segment ${input.id} changed meanwhile`);
    }
    await deps.audit(tx, {
      action: 'member.segment.rename',
      outcome: 'SUCCESS',
      targetType: 'MemberSegment',
      targetId: segment.id,
      orgUnitId: segment.orgUnitId,
      changes: { name: { from: segment.name, to: input.name } },
    });
    return toSegment(
      await tx.memberSegment.findUniqueOrThrow({
        where: { id: segment.id },
        select: SEGMENT_SELECT,
      }),
    );
  });
}

export async function deleteSegment(
  deps: SegmentServiceDeps,
  raw: z.input<typeof ZDeleteMemberSegmentInput>,
): Promise<{ id: string }> {
  const input = ZDeleteMemberSegmentInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const segment = await segmentInScope(tx, deps.scope, input.id);
    const deleted = await tx.memberSegment.deleteMany({
      where: { id: input.id, version: input.expectedVersion },
    });
    if (deleted.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `segment ${input.id} changed meanwhile`);
    }
    await deps.audit(tx, {
      action: 'member.segment.delete',
      outcome: 'SUCCESS',
      targetType: 'MemberSegment',
      targetId: segment.id,
      orgUnitId: segment.orgUnitId,
      changes: { name: { from: segment.name, to: null } },
    });
    return { id: segment.id };
  });
}

export async function segmentInScope(db: PrismaClient | Tx, scope: Scope, id: string) {
  const segment = await db.memberSegment.findUnique({ where: { id }, select: SEGMENT_SELECT });
  if (!segment) throw new UnionhallError('NOT_FOUND', `segment ${id} not found`);
  if (!scope.covers(segment.orgUnit.path)) throw new OutOfScopeError(`segment ${id}`);
  return segment;
}

/**
 * The where clause selecting a segment's members as the caller may see them: the saved
 * filters, inside the segment's unit, inside the caller's scope. Null when it selects nobody
 * (filters that no longer parse, or a unit filter the caller may not read). Announcements
 * (issue 6) target members through this.
 */
export async function membersOfSegmentWhere(
  db: PrismaClient | Tx,
  scope: Scope,
  segmentId: string,
): Promise<Prisma.MemberWhereInput | null> {
  const segment = await segmentInScope(db, scope, segmentId);
  const filters = segmentFilters(segment);
  if (!filters) return null;
  const and = await memberFilterWhere(db, scope, filters);
  if (!and) return null;
  and.push({ orgUnitPath: { startsWith: segment.orgUnit.path } });
  return { AND: and };
}

/**
 * Tags in use on members inside the caller's scope (merged records left out), most used
 * first. Counted in the database by unnesting the tags array, so only the tags travel.
 */
export async function memberTags(prisma: PrismaClient, scope: Scope): Promise<TMemberTagCount[]> {
  if (scope.roots.length === 0) return [];
  const inScope = Prisma.join(
    scope.roots.map((root) => Prisma.sql`m.org_unit_path LIKE ${`${root}%`}`),
    ' OR ',
  );
  const rows = await prisma.$queryRaw<{ tag: string; count: bigint | number }[]>`
    SELECT t.tag AS tag, count(*) AS count
    FROM member m CROSS JOIN LATERAL unnest(m.tags) AS t(tag)
    WHERE (${inScope}) AND m.status <> 'MERGED'
    GROUP BY t.tag
    ORDER BY count(*) DESC, t.tag ASC
    LIMIT 200`;
  return rows.map((row) => ({ tag: row.tag, count: Number(row.count) }));
}

import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  canBeChildOf,
  childPath,
  fieldChanges,
  UnionhallError,
  wouldCreateCycle,
  type TCreateOrgUnitInput,
  type TMoveOrgUnitInput,
  type TOrgUnit,
  type TRenameOrgUnitInput,
} from '@unionhall/domain';
import { OutOfScopeError, type Scope } from '../../access';
import type { AuditWriter } from '../../audit';
import { uniqueViolationFields } from '../../errors';

/** The columns a client may see. `path` is internal: the tree is rebuilt from parentId. */
export const ORG_UNIT_SELECT = {
  id: true,
  parentId: true,
  kind: true,
  name: true,
  code: true,
  depth: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.OrgUnitSelect;

type Tx = Prisma.TransactionClient;

/** What a service needs beyond its input: the database and the request's audit writer. */
export interface OrgServiceDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  /** Where the caller may manage units; anything outside is "not found". */
  scope: Scope;
}

/** The fields of a unit an audit row records when they change. */
const AUDITED_FIELDS = ['parentId', 'kind', 'name', 'code'] as const;

function unitChanges(before: Record<string, unknown> | null, after: Record<string, unknown>) {
  return fieldChanges(before, after, { fields: AUDITED_FIELDS });
}

/** All units, or, given a scope, the units inside it (each subtree with its root). */
export async function listOrgUnits(prisma: PrismaClient, scope?: Scope): Promise<TOrgUnit[]> {
  return prisma.orgUnit.findMany({
    ...(scope
      ? { where: { OR: scope.roots.map((root) => ({ path: { startsWith: root } })) } }
      : {}),
    select: ORG_UNIT_SELECT,
    orderBy: [{ depth: 'asc' }, { name: 'asc' }],
  });
}

/**
 * Changes to the tree's shape (creating and moving units) take one transaction-scoped lock,
 * so two concurrent moves cannot each pass the cycle check and together make a loop, and a
 * unit is never created from a parent path that a concurrent move is rewriting. Such changes
 * are rare; renames do not take it.
 */
const ORG_TREE_LOCK = 0x55_48_4f_54; // "UHOT"

async function lockTreeShape(tx: Tx) {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ORG_TREE_LOCK})`);
}

async function getUnitForUpdate(tx: Tx, id: string, scope: Scope) {
  const unit = await tx.orgUnit.findUnique({ where: { id } });
  if (!unit) throw new UnionhallError('NOT_FOUND', `org unit ${id} not found`);
  if (!scope.covers(unit.path)) throw new OutOfScopeError(`org unit ${id}`);
  return unit;
}

/** Translates a unique violation on org_unit into the domain error the user understands. */
function rethrowDuplicate(error: unknown): never {
  const fields = uniqueViolationFields(error);
  if (fields?.some((field) => field.includes('code'))) {
    throw new UnionhallError('ORG_DUPLICATE_CODE', 'duplicate org unit code', { cause: error });
  }
  if (fields?.some((field) => field.includes('name') || field.includes('parent'))) {
    throw new UnionhallError('ORG_DUPLICATE_NAME', 'duplicate org unit name', { cause: error });
  }
  throw error;
}

export async function createOrgUnit(
  { prisma, audit, scope }: OrgServiceDeps,
  input: TCreateOrgUnitInput,
): Promise<TOrgUnit> {
  try {
    return await prisma.$transaction(async (tx) => {
      await lockTreeShape(tx);
      const parent = await getUnitForUpdate(tx, input.parentId, scope);
      if (!canBeChildOf(input.kind, parent.kind)) {
        throw new UnionhallError('ORG_INVALID_PARENT', `${input.kind} under ${parent.kind}`);
      }
      const id = crypto.randomUUID();
      const created = await tx.orgUnit.create({
        data: {
          id,
          parentId: parent.id,
          kind: input.kind,
          name: input.name,
          code: input.code,
          path: childPath(parent.path, id),
          depth: parent.depth + 1,
        },
        select: ORG_UNIT_SELECT,
      });
      await audit(tx, {
        action: 'org.unit.create',
        targetType: 'OrgUnit',
        targetId: created.id,
        orgUnitId: created.id,
        outcome: 'SUCCESS',
        changes: unitChanges(null, created),
      });
      return created;
    });
  } catch (error) {
    rethrowDuplicate(error);
  }
}

/**
 * Applies a change only if the unit is still at the version the caller saw; otherwise tells
 * apart "gone" from "changed by someone else".
 */
async function assertVersion(tx: Tx, id: string, expectedVersion: number, scope: Scope) {
  const unit = await getUnitForUpdate(tx, id, scope);
  if (unit.version !== expectedVersion) {
    throw new UnionhallError('VERSION_CONFLICT', `org unit ${id} is at version ${unit.version}`);
  }
  return unit;
}

export async function renameOrgUnit(
  { prisma, audit, scope }: OrgServiceDeps,
  input: TRenameOrgUnitInput,
): Promise<TOrgUnit> {
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await assertVersion(tx, input.id, input.expectedVersion, scope);
      const updated = await tx.orgUnit.updateMany({
        where: { id: input.id, version: input.expectedVersion },
        data: { name: input.name, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new UnionhallError('VERSION_CONFLICT', 'concurrent rename');
      const after = await tx.orgUnit.findUniqueOrThrow({
        where: { id: input.id },
        select: ORG_UNIT_SELECT,
      });
      await audit(tx, {
        action: 'org.unit.rename',
        targetType: 'OrgUnit',
        targetId: after.id,
        orgUnitId: after.id,
        outcome: 'SUCCESS',
        changes: unitChanges(before, after),
      });
      return after;
    });
  } catch (error) {
    rethrowDuplicate(error);
  }
}

/** Moves a unit and its whole subtree under a new parent, in one transaction. */
export async function moveOrgUnit(
  { prisma, audit, scope }: OrgServiceDeps,
  input: TMoveOrgUnitInput,
): Promise<TOrgUnit> {
  try {
    return await prisma.$transaction(async (tx) => {
      await lockTreeShape(tx);
      const unit = await assertVersion(tx, input.id, input.expectedVersion, scope);
      const parent = await getUnitForUpdate(tx, input.newParentId, scope);
      if (wouldCreateCycle(unit.path, parent.path)) {
        throw new UnionhallError('ORG_CYCLE', `cannot move ${unit.id} under ${parent.id}`);
      }
      if (!canBeChildOf(unit.kind, parent.kind)) {
        throw new UnionhallError('ORG_INVALID_PARENT', `${unit.kind} under ${parent.kind}`);
      }
      const newPath = childPath(parent.path, unit.id);
      const depthDelta = parent.depth + 1 - unit.depth;
      const updated = await tx.orgUnit.updateMany({
        where: { id: unit.id, version: input.expectedVersion },
        data: {
          parentId: parent.id,
          path: newPath,
          depth: parent.depth + 1,
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw new UnionhallError('VERSION_CONFLICT', 'concurrent move');
      // Descendants keep their own versions: their own fields did not change, only where the
      // tree hangs. Their path prefix and depth follow the moved unit.
      await tx.$executeRaw`
        UPDATE org_unit
        SET path = ${newPath} || substr(path, ${unit.path.length + 1}), depth = depth + ${depthDelta}
        WHERE path LIKE ${`${unit.path}%`} AND id <> ${unit.id}::uuid`;
      const after = await tx.orgUnit.findUniqueOrThrow({
        where: { id: unit.id },
        select: ORG_UNIT_SELECT,
      });
      await audit(tx, {
        action: 'org.unit.move',
        targetType: 'OrgUnit',
        targetId: after.id,
        orgUnitId: after.id,
        outcome: 'SUCCESS',
        changes: unitChanges(unit, after),
      });
      return after;
    });
  } catch (error) {
    rethrowDuplicate(error);
  }
}

import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  fieldChanges,
  unionDensity,
  UnionhallError,
  ZEmployerInput,
  ZEmployerListInput,
  ZUpdateEmployerInput,
  ZUpdateWorkplaceInput,
  type TEmployer,
  type TEmployerInput,
  type TEmployerListInput,
  type TUpdateEmployerInput,
  type TUpdateWorkplaceInput,
} from '@unionhall/domain';
import { OutOfScopeError, type Scope } from '../../access';
import { afterNameCursor, decodeNameCursor, encodeNameCursor } from '../../keyset';
import type { AuditWriter } from '../../audit';
import { uniqueViolationFields } from '../../errors';

type Tx = Prisma.TransactionClient;

export interface EmployerServiceDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  scope: Scope;
}

const EMPLOYER_SELECT = {
  id: true,
  name: true,
  creditCode: true,
  orgUnitId: true,
  orgUnit: { select: { name: true, path: true } },
  workforceSize: true,
  address: true,
  version: true,
} satisfies Prisma.EmployerSelect;

type EmployerRow = Prisma.EmployerGetPayload<{ select: typeof EMPLOYER_SELECT }>;

const AUDITED_FIELDS = ['name', 'creditCode', 'orgUnitId', 'workforceSize', 'address'] as const;

/**
 * Who sees an employer: one linked to a unit belongs to that unit's subtree; one with no union
 * unit yet (an organizing target, often first named by an applicant) is visible to every
 * officer who may read members, so that any of them can place it.
 */
function visible(scope: Scope, row: { orgUnit: { path: string } | null }): boolean {
  return row.orgUnit === null || scope.covers(row.orgUnit.path);
}

function scopeWhere(scope: Scope): Prisma.EmployerWhereInput {
  return {
    OR: [
      { orgUnitId: null },
      ...scope.roots.map((root) => ({ orgUnit: { path: { startsWith: root } } })),
    ],
  };
}

async function activeMemberCounts(prisma: PrismaClient | Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const groups = await prisma.member.groupBy({
    by: ['employerId'],
    where: { employerId: { in: ids }, status: 'ACTIVE' },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.employerId ?? '', group._count._all]));
}

function toEmployer(row: EmployerRow, activeMembers: number): TEmployer {
  const { orgUnit, ...rest } = row;
  return {
    ...rest,
    orgUnitName: orgUnit?.name ?? null,
    activeMembers,
    density: unionDensity(activeMembers, row.workforceSize),
  };
}

function rethrowDuplicate(error: unknown): never {
  if (uniqueViolationFields(error)?.some((field) => field.includes('credit'))) {
    throw new UnionhallError('CONFLICT', 'credit code already registered', { cause: error });
  }
  throw error;
}

export async function listEmployers(prisma: PrismaClient, scope: Scope, raw: TEmployerListInput) {
  const input = ZEmployerListInput.parse(raw);
  const and: Prisma.EmployerWhereInput[] = [scopeWhere(scope)];
  if (input.orgUnitId) {
    const unit = await prisma.orgUnit.findUnique({ where: { id: input.orgUnitId } });
    if (!unit || !scope.covers(unit.path)) return { items: [], nextCursor: null };
    and.push({ orgUnit: { path: { startsWith: unit.path } } });
  }
  if (input.withoutUnion) and.push({ orgUnitId: null });
  if (input.query) and.push({ name: { contains: input.query, mode: 'insensitive' } });
  if (input.cursor) {
    const cursor = decodeNameCursor(input.cursor);
    and.push(afterNameCursor(cursor));
  }
  const rows = await prisma.employer.findMany({
    where: { AND: and },
    select: EMPLOYER_SELECT,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const counts = await activeMemberCounts(
    prisma,
    page.map((row) => row.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => toEmployer(row, counts.get(row.id) ?? 0)),
    nextCursor: rows.length > input.limit && last ? encodeNameCursor(last) : null,
  };
}

async function employerInScope(db: PrismaClient | Tx, scope: Scope, id: string) {
  const row = await db.employer.findUnique({ where: { id }, select: EMPLOYER_SELECT });
  if (!row) throw new UnionhallError('NOT_FOUND', `employer ${id} not found`);
  if (!visible(scope, row)) throw new OutOfScopeError(`employer ${id}`);
  return row;
}

async function unitInScope(db: PrismaClient | Tx, scope: Scope, id: string | null | undefined) {
  if (!id) return null;
  const unit = await db.orgUnit.findUnique({ where: { id } });
  if (!unit) throw new UnionhallError('NOT_FOUND', `org unit ${id} not found`);
  if (!scope.covers(unit.path)) throw new OutOfScopeError(`org unit ${id}`);
  return unit;
}

export async function getEmployer(prisma: PrismaClient, scope: Scope, id: string) {
  const row = await employerInScope(prisma, scope, id);
  const [counts, workplaces] = await Promise.all([
    activeMemberCounts(prisma, [id]),
    prisma.workplace.findMany({
      where: { employerId: id },
      select: { id: true, name: true, address: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return { ...toEmployer(row, counts.get(id) ?? 0), workplaces };
}

export async function createEmployer(deps: EmployerServiceDeps, raw: TEmployerInput) {
  const input = ZEmployerInput.parse(raw);
  return deps.prisma
    .$transaction(async (tx) => {
      const unit = await unitInScope(tx, deps.scope, input.orgUnitId);
      const data = {
        name: input.name,
        creditCode: input.creditCode ?? null,
        orgUnitId: unit?.id ?? null,
        workforceSize: input.workforceSize ?? null,
        address: input.address ?? null,
      };
      const created = await tx.employer.create({ data, select: EMPLOYER_SELECT });
      await deps.audit(tx, {
        action: 'employer.create',
        outcome: 'SUCCESS',
        targetType: 'Employer',
        targetId: created.id,
        orgUnitId: created.orgUnitId,
        changes: fieldChanges(null, data, { fields: AUDITED_FIELDS }),
      });
      return toEmployer(created, 0);
    })
    .catch(rethrowDuplicate);
}

/**
 * Edits an employer, including linking it to a union unit (both the old and the new unit must
 * lie in the caller's scope) — how an organizing target becomes an organized workplace.
 */
export async function updateEmployer(deps: EmployerServiceDeps, raw: TUpdateEmployerInput) {
  const input = ZUpdateEmployerInput.parse(raw);
  return deps.prisma
    .$transaction(async (tx) => {
      const before = await employerInScope(tx, deps.scope, input.id);
      const unit = await unitInScope(tx, deps.scope, input.orgUnitId);
      const data = {
        name: input.name,
        creditCode: input.creditCode ?? null,
        orgUnitId: unit?.id ?? null,
        workforceSize: input.workforceSize ?? null,
        address: input.address ?? null,
      };
      const updated = await tx.employer.updateMany({
        where: { id: input.id, version: input.expectedVersion },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        throw new UnionhallError('VERSION_CONFLICT', `employer ${input.id} changed meanwhile`);
      }
      await deps.audit(tx, {
        action: 'employer.update',
        outcome: 'SUCCESS',
        targetType: 'Employer',
        targetId: input.id,
        orgUnitId: unit?.id ?? before.orgUnitId,
        changes: fieldChanges(before, data, { fields: AUDITED_FIELDS }),
      });
      const row = await tx.employer.findUniqueOrThrow({
        where: { id: input.id },
        select: EMPLOYER_SELECT,
      });
      const counts = await activeMemberCounts(tx, [input.id]);
      return toEmployer(row, counts.get(input.id) ?? 0);
    })
    .catch(rethrowDuplicate);
}

export async function addWorkplace(
  deps: EmployerServiceDeps,
  input: { employerId: string; name: string; address?: string | null | undefined },
) {
  return deps.prisma.$transaction(async (tx) => {
    const employer = await employerInScope(tx, deps.scope, input.employerId);
    const existing = await tx.workplace.findUnique({
      where: { employerId_name: { employerId: employer.id, name: input.name } },
      select: { id: true, name: true, address: true },
    });
    // Adding the same workplace twice (a retried request) gives the one already there.
    if (existing) return existing;
    const created = await tx.workplace.create({
      data: { employerId: employer.id, name: input.name, address: input.address ?? null },
      select: { id: true, name: true, address: true },
    });
    await deps.audit(tx, {
      action: 'employer.workplace.add',
      outcome: 'SUCCESS',
      targetType: 'Employer',
      targetId: employer.id,
      orgUnitId: employer.orgUnitId,
      changes: { workplace: { before: null, after: input.name } },
    });
    return created;
  });
}

/**
 * Renames a workplace or corrects its address. Workplaces carry no version: the edit is two
 * plain fields, and the audit entry keeps both values so a lost update can be seen and redone.
 */
export async function updateWorkplace(deps: EmployerServiceDeps, raw: TUpdateWorkplaceInput) {
  const input = ZUpdateWorkplaceInput.parse(raw);
  return deps.prisma
    .$transaction(async (tx) => {
      const before = await tx.workplace.findUnique({
        where: { id: input.id },
        select: { id: true, employerId: true, name: true, address: true },
      });
      if (!before) throw new UnionhallError('NOT_FOUND', `workplace ${input.id} not found`);
      const employer = await employerInScope(tx, deps.scope, before.employerId);
      const data = { name: input.name, address: input.address ?? null };
      const updated = await tx.workplace.update({
        where: { id: input.id },
        data,
        select: { id: true, name: true, address: true },
      });
      await deps.audit(tx, {
        action: 'employer.workplace.update',
        outcome: 'SUCCESS',
        targetType: 'Employer',
        targetId: employer.id,
        orgUnitId: employer.orgUnitId,
        changes: {
          workplaceId: { before: before.id, after: before.id },
          ...fieldChanges(before, data, { fields: ['name', 'address'] }),
        },
      });
      return updated;
    })
    .catch((error: unknown) => {
      // The only unique key on a workplace is its name within the employer.
      if (uniqueViolationFields(error)) {
        throw new UnionhallError('CONFLICT', 'workplace name already used', { cause: error });
      }
      throw error;
    });
}

import type { PrismaClient } from '@unionhall/db';
import {
  UnionhallError,
  ZCaseKind,
  ZSaveCaseTypeInput,
  type TCaseTypeEntry,
  type TSaveCaseTypeInput,
} from '@unionhall/domain';
import { OutOfScopeError, type Scope } from '../../access';
import type { AuditWriter } from '../../audit';
import { ensureDefaultCaseTypes, parseStages, type Db } from './case-support';

export interface CaseTypeDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  scope: Scope;
}

async function unitInScope(db: Db, scope: Scope, id: string) {
  const unit = await db.orgUnit.findUnique({
    where: { id },
    select: { id: true, name: true, path: true },
  });
  if (!unit) throw new UnionhallError('NOT_FOUND', `org unit ${id} not found`);
  if (!scope.covers(unit.path)) throw new OutOfScopeError(`org unit ${id}`);
  return unit;
}

const kindsOf = (value: readonly string[]) =>
  value.flatMap((kind) => {
    const parsed = ZCaseKind.safeParse(kind);
    return parsed.success ? [parsed.data] : [];
  });

/**
 * The case types that apply at a unit: its own and those it inherits from the units above it,
 * nearest first, each marked whether new cases of its kinds at the unit use it.
 */
export async function listCaseTypes(
  prisma: PrismaClient,
  scope: Scope,
  orgUnitId: string,
): Promise<TCaseTypeEntry[]> {
  const unit = await unitInScope(prisma, scope, orgUnitId);
  const lineage = unit.path.split('/').filter((id) => id.length > 0);
  const root = lineage[0];
  if (root) await prisma.$transaction((tx) => ensureDefaultCaseTypes(tx, root));
  const rows = await prisma.caseType.findMany({
    where: { orgUnitId: { in: lineage } },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      kinds: true,
      stages: true,
      active: true,
      version: true,
      orgUnit: { select: { id: true, name: true, depth: true } },
    },
    orderBy: [{ orgUnit: { depth: 'desc' } }, { code: 'asc' }],
  });
  const claimed = new Set<string>();
  return rows.map((row) => {
    const kinds = kindsOf(row.kinds);
    // Nearest first: an active type is effective for the kinds no nearer type took already.
    const effective = row.active && kinds.some((kind) => !claimed.has(kind));
    if (row.active) for (const kind of kinds) claimed.add(kind);
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      nameEn: row.nameEn,
      kinds,
      stages: parseStages(row.stages),
      active: row.active,
      version: row.version,
      orgUnit: { id: row.orgUnit.id, name: row.orgUnit.name },
      inherited: row.orgUnit.id !== unit.id,
      effective,
    };
  });
}

/**
 * Writes a case type on a unit in scope. A unit has at most one active type per kind. Changing
 * a type may not drop a stage that open cases are in: they would have nowhere to stand.
 */
export async function saveCaseType(
  deps: CaseTypeDeps,
  raw: TSaveCaseTypeInput,
): Promise<TCaseTypeEntry[]> {
  const input = ZSaveCaseTypeInput.parse(raw);
  const definition = input.definition;
  await deps.prisma.$transaction(async (tx) => {
    const unit = await unitInScope(tx, deps.scope, input.orgUnitId);
    const existing = await tx.caseType.findUnique({
      where: { orgUnitId_code: { orgUnitId: unit.id, code: definition.code } },
      select: { id: true, version: true, stages: true, active: true, kinds: true },
    });
    if (input.active) {
      const clash = await tx.caseType.findFirst({
        where: {
          orgUnitId: unit.id,
          active: true,
          code: { not: definition.code },
          kinds: { hasSome: [...definition.kinds] },
        },
        select: { code: true },
      });
      if (clash) {
        throw new UnionhallError('CONFLICT', `type ${clash.code} already covers one of the kinds`);
      }
    }
    const data = {
      name: definition.name,
      nameEn: definition.nameEn,
      kinds: [...definition.kinds],
      stages: definition.stages,
      active: input.active,
    };
    if (!existing) {
      if (input.expectedVersion !== undefined) {
        throw new UnionhallError('NOT_FOUND', `no type ${definition.code} at the unit`);
      }
      const created = await tx.caseType.create({
        data: { orgUnitId: unit.id, code: definition.code, ...data },
        select: { id: true },
      });
      await deps.audit(tx, {
        action: 'case-type.create',
        outcome: 'SUCCESS',
        targetType: 'CaseType',
        targetId: created.id,
        orgUnitId: unit.id,
        changes: {
          code: { before: null, after: definition.code },
          stages: { before: null, after: definition.stages.map((stage) => stage.key).join(',') },
        },
      });
      return;
    }
    if (input.expectedVersion === undefined) {
      throw new UnionhallError('CONFLICT', `type ${definition.code} exists at the unit`);
    }
    const keys = new Set(definition.stages.map((stage) => stage.key));
    const stranded = await tx.memberCase.findFirst({
      where: {
        caseTypeId: existing.id,
        status: 'OPEN',
        stage: { notIn: [...keys] },
      },
      select: { stage: true },
    });
    if (stranded) {
      throw new UnionhallError('CASE_TYPE_STAGE_IN_USE', `open cases are in ${stranded.stage}`);
    }
    const updated = await tx.caseType.updateMany({
      where: { id: existing.id, version: input.expectedVersion },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `type ${definition.code} changed meanwhile`);
    }
    await deps.audit(tx, {
      action: 'case-type.update',
      outcome: 'SUCCESS',
      targetType: 'CaseType',
      targetId: existing.id,
      orgUnitId: unit.id,
      changes: {
        stages: {
          before: parseStages(existing.stages)
            .map((stage) => stage.key)
            .join(','),
          after: definition.stages.map((stage) => stage.key).join(','),
        },
        active: { before: existing.active, after: input.active },
      },
    });
  });
  return listCaseTypes(deps.prisma, deps.scope, input.orgUnitId);
}

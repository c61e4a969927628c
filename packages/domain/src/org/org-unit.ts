import { z } from 'zod';

/**
 * The union's organization tree: a federation (总工会) contains unions, unions contain
 * branches, and grassroots units (基层工会) are the leaves inside an enterprise or district.
 */
export const ORG_UNIT_KINDS = ['FEDERATION', 'UNION', 'BRANCH', 'GRASSROOTS'] as const;
export const ZOrgUnitKind = z.enum(ORG_UNIT_KINDS);
export type TOrgUnitKind = z.infer<typeof ZOrgUnitKind>;

const KIND_RANK: Record<TOrgUnitKind, number> = {
  FEDERATION: 0,
  UNION: 1,
  BRANCH: 2,
  GRASSROOTS: 3,
};

/**
 * Whether a unit of `child` kind may sit directly under a unit of `parent` kind (null: the
 * root). Only a federation may be a root; grassroots units are leaves; a unit never sits under
 * a lower level (a union under a branch, say). Same-level nesting is allowed, because real
 * trees have it: a provincial federation under the national one, a sub-branch in a branch.
 */
export function canBeChildOf(child: TOrgUnitKind, parent: TOrgUnitKind | null): boolean {
  if (parent === null) return child === 'FEDERATION';
  if (parent === 'GRASSROOTS') return false;
  return KIND_RANK[child] >= KIND_RANK[parent];
}

/** Materialized path of ids, e.g. "/a/b/c/". A unit's subtree is every path with its prefix. */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** True when moving `unitPath` under `newParentPath` would put the unit inside itself. */
export function wouldCreateCycle(unitPath: string, newParentPath: string): boolean {
  return newParentPath.startsWith(unitPath);
}

export const ZOrgUnitName = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .refine((value) => ![...value].some((char) => (char.codePointAt(0) ?? 0) < 0x20), {
    message: 'validation.noControlChars',
  });

/** A short, stable, human-typable code, e.g. "BJ-FED" or "HX-STEEL-01". */
export const ZOrgUnitCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'validation.orgCode' });

export const ZOrgUnitId = z.uuid();

export const ZOrgUnit = z.object({
  id: ZOrgUnitId,
  parentId: ZOrgUnitId.nullable(),
  kind: ZOrgUnitKind,
  name: z.string(),
  code: z.string(),
  depth: z.number().int().nonnegative(),
  version: z.number().int().positive(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TOrgUnit = z.infer<typeof ZOrgUnit>;

export const ZCreateOrgUnitInput = z.object({
  parentId: ZOrgUnitId,
  kind: ZOrgUnitKind,
  name: ZOrgUnitName,
  code: ZOrgUnitCode,
});
export type TCreateOrgUnitInput = z.infer<typeof ZCreateOrgUnitInput>;

/** Every change to an existing unit names the version it was based on (optimistic locking). */
export const ZRenameOrgUnitInput = z.object({
  id: ZOrgUnitId,
  name: ZOrgUnitName,
  expectedVersion: z.number().int().positive(),
});
export type TRenameOrgUnitInput = z.infer<typeof ZRenameOrgUnitInput>;

export const ZMoveOrgUnitInput = z.object({
  id: ZOrgUnitId,
  newParentId: ZOrgUnitId,
  expectedVersion: z.number().int().positive(),
});
export type TMoveOrgUnitInput = z.infer<typeof ZMoveOrgUnitInput>;

export const ZGetOrgUnitInput = z.object({ id: ZOrgUnitId });

/** A unit with its children, for rendering the tree. */
export type TOrgTreeNode = TOrgUnit & { children: TOrgTreeNode[] };

/**
 * Nests a flat list of units into trees (one per root). Children are sorted by kind, then
 * name in the given collation, so every front end shows the same order.
 */
export function buildOrgTree(units: readonly TOrgUnit[], locale = 'zh-CN'): TOrgTreeNode[] {
  const nodes = new Map<string, TOrgTreeNode>(
    units.map((unit) => [unit.id, { ...unit, children: [] }]),
  );
  const roots: TOrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const collator = new Intl.Collator(locale);
  const sort = (list: TOrgTreeNode[]) => {
    list.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || collator.compare(a.name, b.name));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

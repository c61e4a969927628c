import type { TOrgUnit } from './org-unit';

/**
 * The union's organization tree: a federation (总工会) contains unions, unions contain
 * branches, and grassroots units (基层工会) are the leaves inside an enterprise or district.
 * Rules only, without zod (the PWA's first route builds the tree; a module that builds a
 * schema at its top level would bring all of zod along): the schemas are in org-unit.ts.
 */
export const ORG_UNIT_KINDS = ['FEDERATION', 'UNION', 'BRANCH', 'GRASSROOTS'] as const;
export type TOrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

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

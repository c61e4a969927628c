import {
  ORG_UNIT_KINDS,
  canBeChildOf,
  type TOrgTreeNode,
  type TOrgUnitKind,
} from '@unionhall/domain';

/** The kinds a new unit under `parent` may have, top level first. */
export function allowedChildKinds(parentKind: TOrgUnitKind): TOrgUnitKind[] {
  return ORG_UNIT_KINDS.filter((kind) => canBeChildOf(kind, parentKind));
}

/** The usual kind one level below the parent, falling back to the first allowed kind. */
export function defaultChildKind(parentKind: TOrgUnitKind): TOrgUnitKind | undefined {
  const allowed = allowedChildKinds(parentKind);
  return allowed.find((kind) => kind !== parentKind) ?? allowed[0];
}

/** Units in tree order (parents before children, siblings sorted), with their name paths. */
export function flattenTree(
  roots: readonly TOrgTreeNode[],
): Array<{ unit: TOrgTreeNode; path: string[] }> {
  const result: Array<{ unit: TOrgTreeNode; path: string[] }> = [];
  const visit = (node: TOrgTreeNode, ancestors: string[]) => {
    const path = [...ancestors, node.name];
    result.push({ unit: node, path });
    for (const child of node.children) visit(child, path);
  };
  for (const root of roots) visit(root, []);
  return result;
}

/** The ids of a unit and everything below it. */
export function subtreeIds(node: TOrgTreeNode): Set<string> {
  const ids = new Set<string>();
  const stack: TOrgTreeNode[] = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    ids.add(current.id);
    stack.push(...current.children);
  }
  return ids;
}

/**
 * Where `unit` may be moved: units that can contain its kind, other than itself, its own
 * sub-units (that would make a cycle) and its current parent (that would change nothing).
 */
export function moveTargets(
  roots: readonly TOrgTreeNode[],
  unit: TOrgTreeNode,
): Array<{ unit: TOrgTreeNode; path: string[] }> {
  const excluded = subtreeIds(unit);
  return flattenTree(roots).filter(
    (entry) =>
      !excluded.has(entry.unit.id) &&
      entry.unit.id !== unit.parentId &&
      canBeChildOf(unit.kind, entry.unit.kind),
  );
}

/** Every node of the trees by id. */
export function indexTree(roots: readonly TOrgTreeNode[]): Map<string, TOrgTreeNode> {
  return new Map(flattenTree(roots).map((entry) => [entry.unit.id, entry.unit]));
}

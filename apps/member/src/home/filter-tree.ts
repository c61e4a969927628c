import type { TOrgTreeNode } from '@unionhall/domain';

/**
 * Keeps the units whose name or code contains `query` (case-insensitive), with their
 * ancestors so each match is shown in its place. Returns the trees and the number of matches.
 */
export function filterTree(
  nodes: readonly TOrgTreeNode[],
  query: string,
): { nodes: TOrgTreeNode[]; matches: number } {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return { nodes: [...nodes], matches: 0 };
  let matches = 0;
  const visit = (node: TOrgTreeNode): TOrgTreeNode | null => {
    const children = node.children
      .map(visit)
      .filter((child): child is TOrgTreeNode => child !== null);
    const hit =
      node.name.toLocaleLowerCase().includes(needle) ||
      node.code.toLocaleLowerCase().includes(needle);
    if (hit) matches += 1;
    return hit || children.length > 0 ? { ...node, children } : null;
  };
  const kept = nodes.map(visit).filter((node): node is TOrgTreeNode => node !== null);
  return { nodes: kept, matches };
}

/** Counts every unit in the trees. */
export function countUnits(nodes: readonly TOrgTreeNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countUnits(node.children), 0);
}

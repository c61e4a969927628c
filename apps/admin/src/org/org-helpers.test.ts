import {
  buildOrgTree,
  canBeChildOf,
  type TOrgTreeNode,
  type TOrgUnit,
  type TOrgUnitKind,
} from '@unionhall/domain';
import { describe, expect, it } from 'vitest';
import {
  allowedChildKinds,
  defaultChildKind,
  flattenTree,
  indexTree,
  moveTargets,
  subtreeIds,
} from './org-helpers';

const at = new Date('2024-01-01T00:00:00.000Z');
function unit(id: string, parentId: string | null, kind: TOrgUnitKind, name: string): TOrgUnit {
  return {
    id,
    parentId,
    kind,
    name,
    code: id.toUpperCase(),
    depth: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * A Federation
 * ├─ B Union
 * │  ├─ C Branch
 * │  │  └─ D Grassroots
 * │  └─ E Grassroots
 * ├─ F Federation (district)
 * │  └─ G Union
 * └─ H Branch
 * Z Federation (a second root)
 */
const roots = buildOrgTree(
  [
    unit('a', null, 'FEDERATION', 'A Federation'),
    unit('b', 'a', 'UNION', 'B Union'),
    unit('c', 'b', 'BRANCH', 'C Branch'),
    unit('d', 'c', 'GRASSROOTS', 'D Grassroots'),
    unit('e', 'b', 'GRASSROOTS', 'E Grassroots'),
    unit('f', 'a', 'FEDERATION', 'F Federation'),
    unit('g', 'f', 'UNION', 'G Union'),
    unit('h', 'a', 'BRANCH', 'H Branch'),
    unit('z', null, 'FEDERATION', 'Z Federation'),
  ],
  'en',
);
const byId = indexTree(roots);
function node(id: string): TOrgTreeNode {
  const found = byId.get(id);
  if (!found) throw new Error(`no unit ${id} in the fixture`);
  return found;
}
const ids = (entries: Array<{ unit: TOrgTreeNode }>) => entries.map((entry) => entry.unit.id);

describe('allowedChildKinds and defaultChildKind', () => {
  it('offer only kinds that may sit under the parent, top level first', () => {
    expect(allowedChildKinds('FEDERATION')).toEqual([
      'FEDERATION',
      'UNION',
      'BRANCH',
      'GRASSROOTS',
    ]);
    expect(allowedChildKinds('UNION')).toEqual(['UNION', 'BRANCH', 'GRASSROOTS']);
    expect(allowedChildKinds('BRANCH')).toEqual(['BRANCH', 'GRASSROOTS']);
    expect(allowedChildKinds('GRASSROOTS')).toEqual([]);
  });

  it('default to the level below the parent, and to nothing under a leaf', () => {
    expect(defaultChildKind('FEDERATION')).toBe('UNION');
    expect(defaultChildKind('UNION')).toBe('BRANCH');
    expect(defaultChildKind('BRANCH')).toBe('GRASSROOTS');
    expect(defaultChildKind('GRASSROOTS')).toBeUndefined();
  });
});

describe('flattenTree and indexTree', () => {
  it('list parents before children, in the tree’s sibling order, with name paths', () => {
    const flat = flattenTree(roots);
    expect(ids(flat)).toEqual(['a', 'f', 'g', 'b', 'c', 'd', 'e', 'h', 'z']);
    expect(flat.find((entry) => entry.unit.id === 'd')?.path).toEqual([
      'A Federation',
      'B Union',
      'C Branch',
      'D Grassroots',
    ]);
    expect(flat.find((entry) => entry.unit.id === 'z')?.path).toEqual(['Z Federation']);
  });

  it('index every unit by id', () => {
    expect(byId.size).toBe(9);
    expect(byId.get('g')?.name).toBe('G Union');
  });
});

describe('subtreeIds', () => {
  it('holds the unit and all its descendants, nothing else', () => {
    expect(subtreeIds(node('b'))).toEqual(new Set(['b', 'c', 'd', 'e']));
    expect(subtreeIds(node('d'))).toEqual(new Set(['d']));
  });
});

describe('moveTargets', () => {
  it('never offers the unit itself or anything in its subtree', () => {
    const targets = ids(moveTargets(roots, node('b')));
    for (const id of ['b', 'c', 'd', 'e']) expect(targets).not.toContain(id);
  });

  it('leaves out the current parent, since moving there changes nothing', () => {
    expect(ids(moveTargets(roots, node('b')))).not.toContain('a');
    expect(ids(moveTargets(roots, node('c')))).not.toContain('b');
  });

  it('offers only parents whose kind may contain the unit', () => {
    // A union may sit under a federation or another union, never under a branch or a leaf.
    expect(ids(moveTargets(roots, node('b')))).toEqual(['f', 'g', 'z']);
    // A branch may go under any federation, union or branch outside its own subtree.
    expect(ids(moveTargets(roots, node('c')))).toEqual(['a', 'f', 'g', 'h', 'z']);
    // A grassroots unit may go anywhere except under another grassroots unit.
    expect(ids(moveTargets(roots, node('d')))).toEqual(['a', 'f', 'g', 'b', 'h', 'z']);
  });

  it('agrees with canBeChildOf for every unit and target', () => {
    for (const { unit: moving } of flattenTree(roots)) {
      const excluded = subtreeIds(moving);
      for (const { unit: target } of moveTargets(roots, moving)) {
        expect(canBeChildOf(moving.kind, target.kind)).toBe(true);
        expect(excluded.has(target.id)).toBe(false);
        expect(target.id).not.toBe(moving.parentId);
      }
    }
  });

  it('lets a nested federation move to another root, but offers a root nothing inside itself', () => {
    expect(ids(moveTargets(roots, node('f')))).toEqual(['z']);
    expect(ids(moveTargets(roots, node('a')))).toEqual(['z']);
  });
});

import { describe, expect, it } from 'vitest';
import { buildOrgTree, canBeChildOf, childPath, wouldCreateCycle } from './org-tree';
import { ZCreateOrgUnitInput, type TOrgUnit } from './org-unit';

describe('canBeChildOf', () => {
  it('allows only a federation at the root', () => {
    expect(canBeChildOf('FEDERATION', null)).toBe(true);
    expect(canBeChildOf('UNION', null)).toBe(false);
    expect(canBeChildOf('GRASSROOTS', null)).toBe(false);
  });

  it('keeps grassroots units as leaves', () => {
    for (const kind of ['FEDERATION', 'UNION', 'BRANCH', 'GRASSROOTS'] as const) {
      expect(canBeChildOf(kind, 'GRASSROOTS')).toBe(false);
    }
  });

  it('never places a higher level under a lower one, but allows nesting at one level', () => {
    expect(canBeChildOf('UNION', 'BRANCH')).toBe(false);
    expect(canBeChildOf('FEDERATION', 'UNION')).toBe(false);
    expect(canBeChildOf('FEDERATION', 'FEDERATION')).toBe(true);
    expect(canBeChildOf('BRANCH', 'BRANCH')).toBe(true);
    expect(canBeChildOf('GRASSROOTS', 'FEDERATION')).toBe(true);
  });
});

describe('materialized paths', () => {
  it('nests a child path under its parent', () => {
    expect(childPath(null, 'a')).toBe('/a/');
    expect(childPath('/a/', 'b')).toBe('/a/b/');
  });

  it('detects a move into the unit itself or its subtree', () => {
    expect(wouldCreateCycle('/a/b/', '/a/b/')).toBe(true);
    expect(wouldCreateCycle('/a/b/', '/a/b/c/')).toBe(true);
    expect(wouldCreateCycle('/a/b/', '/a/')).toBe(false);
    // A sibling whose id starts like ours is not inside us: paths end with a slash.
    expect(wouldCreateCycle('/a/b/', '/a/bc/')).toBe(false);
  });
});

describe('ZCreateOrgUnitInput', () => {
  const parentId = '0191e5b0-0000-7000-8000-000000000001';

  it('trims the name and upper-cases the code', () => {
    const parsed = ZCreateOrgUnitInput.parse({
      parentId,
      kind: 'UNION',
      name: '  教育工会 ',
      code: 'bj-edu',
    });
    expect(parsed.name).toBe('教育工会');
    expect(parsed.code).toBe('BJ-EDU');
  });

  it('rejects blank names and malformed codes with message keys', () => {
    const result = ZCreateOrgUnitInput.safeParse({
      parentId,
      kind: 'UNION',
      name: '  ',
      code: 'a b',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'code']));
    expect(result.error?.issues.find((issue) => issue.path[0] === 'code')?.message).toBe(
      'validation.orgCode',
    );
  });
});

describe('buildOrgTree', () => {
  const unit = (
    id: string,
    parentId: string | null,
    kind: TOrgUnit['kind'],
    name: string,
  ): TOrgUnit => ({
    id,
    parentId,
    kind,
    name,
    code: id.toUpperCase(),
    depth: 0,
    version: 1,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  });

  it('nests units under their parents, ordered by level then name', () => {
    const roots = buildOrgTree(
      [
        unit('g2', 'u1', 'GRASSROOTS', 'B'),
        unit('u1', 'f', 'UNION', 'Z union'),
        unit('g1', 'f', 'GRASSROOTS', 'A unit'),
        unit('f', null, 'FEDERATION', 'Fed'),
        unit('g3', 'u1', 'GRASSROOTS', 'A'),
      ],
      'en',
    );
    expect(roots.map((node) => node.id)).toEqual(['f']);
    expect(roots[0]?.children.map((node) => node.id)).toEqual(['u1', 'g1']);
    expect(roots[0]?.children[0]?.children.map((node) => node.name)).toEqual(['A', 'B']);
  });

  it('treats a unit whose parent is missing as a root instead of dropping it', () => {
    const roots = buildOrgTree([unit('x', 'missing', 'UNION', 'Orphan')]);
    expect(roots.map((node) => node.id)).toEqual(['x']);
  });
});

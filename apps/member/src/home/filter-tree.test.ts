import { buildOrgTree, type TOrgUnit, type TOrgUnitKind } from '@unionhall/domain';
import { describe, expect, it } from 'vitest';
import { countUnits, filterTree } from './filter-tree';

const at = new Date('2024-01-01T00:00:00.000Z');
function unit(
  id: string,
  parentId: string | null,
  kind: TOrgUnitKind,
  name: string,
  code: string,
): TOrgUnit {
  return { id, parentId, kind, name, code, depth: 0, version: 1, createdAt: at, updatedAt: at };
}

/**
 * 滨江市总工会
 * ├─ 滨江市教育工会
 * │  └─ 滨江一中工会
 * └─ 滨江高新区总工会
 *    ├─ 华兴钢铁有限公司工会
 *    └─ 星河物流仓储中心工会
 */
const trees = buildOrgTree([
  unit('fed', null, 'FEDERATION', '滨江市总工会', 'BJ-FED'),
  unit('edu', 'fed', 'UNION', '滨江市教育工会', 'BJ-EDU'),
  unit('school', 'edu', 'GRASSROOTS', '滨江一中工会', 'BJ-NO1'),
  unit('zone', 'fed', 'FEDERATION', '滨江高新区总工会', 'BJ-ZONE'),
  unit('steel', 'zone', 'GRASSROOTS', '华兴钢铁有限公司工会', 'HX-STEEL'),
  unit('logistics', 'zone', 'GRASSROOTS', '星河物流仓储中心工会', 'XH-LOG'),
  unit('other', null, 'FEDERATION', 'Harbour Federation', 'HB-FED'),
]);

/** The tree as nested ids, which makes the expected shape easy to read. */
type Shape = { [id: string]: Shape };
function shape(nodes: ReturnType<typeof buildOrgTree>): Shape {
  return Object.fromEntries(nodes.map((node) => [node.id, shape(node.children)]));
}

describe('filterTree', () => {
  it('returns every tree and no match count for an empty or blank query', () => {
    for (const query of ['', '   ']) {
      const result = filterTree(trees, query);
      expect(result.matches).toBe(0);
      expect(result.nodes).toEqual(trees);
      // A copy, so a caller may sort or splice it without touching the query data.
      expect(result.nodes).not.toBe(trees);
    }
  });

  it('keeps a deep match with its ancestors and drops unrelated branches', () => {
    const result = filterTree(trees, '物流');
    expect(result.matches).toBe(1);
    expect(shape(result.nodes)).toEqual({ fed: { zone: { logistics: {} } } });
  });

  it('matches the unit code, ignoring case and surrounding spaces', () => {
    const result = filterTree(trees, '  hx-steel ');
    expect(result.matches).toBe(1);
    expect(shape(result.nodes)).toEqual({ fed: { zone: { steel: {} } } });
  });

  it('matches names case-insensitively', () => {
    const result = filterTree(trees, 'HARBOUR');
    expect(result.matches).toBe(1);
    expect(shape(result.nodes)).toEqual({ other: {} });
  });

  it('counts every matching unit, ancestors included when they match themselves', () => {
    // "滨江" is in the federation, the education union, the school and the zone.
    const result = filterTree(trees, '滨江');
    expect(result.matches).toBe(4);
    expect(shape(result.nodes)).toEqual({ fed: { edu: { school: {} }, zone: {} } });
  });

  it('keeps a matching parent without its non-matching children', () => {
    const result = filterTree(trees, 'BJ-ZONE');
    expect(shape(result.nodes)).toEqual({ fed: { zone: {} } });
  });

  it('returns nothing when nothing matches', () => {
    expect(filterTree(trees, 'no such union')).toEqual({ nodes: [], matches: 0 });
  });

  it('does not change the trees it filters', () => {
    const before = structuredClone(trees);
    filterTree(trees, '物流');
    expect(trees).toEqual(before);
  });
});

describe('countUnits', () => {
  it('counts every unit in every tree', () => {
    expect(countUnits(trees)).toBe(7);
    expect(countUnits([])).toBe(0);
    expect(countUnits(filterTree(trees, '物流').nodes)).toBe(3);
  });
});

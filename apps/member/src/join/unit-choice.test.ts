import type { TOrgUnit } from '@unionhall/domain';
import { describe, expect, it } from 'vitest';
import { findUnits, regionalUnits } from './unit-choice';

const at = new Date('2026-01-01T00:00:00Z');
let counter = 0;
function unit(
  name: string,
  kind: TOrgUnit['kind'],
  parent: TOrgUnit | null,
  code?: string,
): TOrgUnit {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    parentId: parent?.id ?? null,
    kind,
    name,
    code: code ?? `U${counter}`,
    depth: parent ? parent.depth + 1 : 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

const city = unit('滨江市总工会', 'FEDERATION', null, 'BJ-FTU');
const trade = unit('滨江市商贸服务业工会', 'UNION', city);
const logistics = unit('星河物流工会联合会', 'BRANCH', trade);
const warehouse = unit('星河物流仓储中心工会', 'GRASSROOTS', logistics, 'XH-LOGI-WH');
const zone = unit('滨江高新区总工会', 'FEDERATION', city);
const tech = unit('云帆科技有限公司工会', 'GRASSROOTS', zone);
const all = [city, trade, logistics, warehouse, zone, tech];

describe('findUnits', () => {
  it('lists only grassroots units, in pinyin order, before anything is typed', () => {
    const { choices } = findUnits(all, '  ');
    expect(choices.map((choice) => choice.name)).toEqual([
      '星河物流仓储中心工会',
      '云帆科技有限公司工会',
    ]);
  });

  it('puts grassroots matches before the branch that shares the name', () => {
    const { choices, total } = findUnits(all, '星河物流');
    expect(total).toBe(2);
    expect(choices.map((choice) => choice.kind)).toEqual(['GRASSROOTS', 'BRANCH']);
    expect(choices[0]?.parentName).toBe('星河物流工会联合会');
  });

  it('matches codes case-insensitively and caps the list', () => {
    expect(findUnits(all, 'xh-logi').choices.map((choice) => choice.name)).toEqual([
      '星河物流仓储中心工会',
    ]);
    const capped = findUnits(all, '工会', { limit: 2 });
    expect(capped.choices).toHaveLength(2);
    expect(capped.total).toBe(6);
  });
});

describe('regionalUnits', () => {
  it('offers the federations, the city before the district', () => {
    expect(regionalUnits(all).map((choice) => choice.name)).toEqual([
      '滨江市总工会',
      '滨江高新区总工会',
    ]);
  });

  it('falls back to every unit above the grassroots when there is no federation', () => {
    const names = regionalUnits([trade, logistics, warehouse]).map((choice) => choice.name);
    expect(names).toEqual(['滨江市商贸服务业工会', '星河物流工会联合会']);
  });
});

import type { Database } from '../index';
import type { OrgUnitKind } from '../generated/prisma/client';

/** A demo union's structure, as a union officer would recognise it. */
interface DemoUnit {
  kind: OrgUnitKind;
  code: string;
  name: string;
  children?: DemoUnit[];
}

export const DEMO_ORG_TREE: DemoUnit = {
  kind: 'FEDERATION',
  code: 'BJ-FTU',
  name: '滨江市总工会',
  children: [
    {
      kind: 'UNION',
      code: 'BJ-MECH',
      name: '滨江市机械冶金工会',
      children: [
        { kind: 'GRASSROOTS', code: 'HX-STEEL', name: '华兴钢铁有限公司工会' },
        {
          kind: 'BRANCH',
          code: 'DF-HEAVY',
          name: '东方重工集团工会',
          children: [
            { kind: 'GRASSROOTS', code: 'DF-HEAVY-01', name: '东方重工第一分厂工会' },
            { kind: 'GRASSROOTS', code: 'DF-HEAVY-02', name: '东方重工第二分厂工会' },
          ],
        },
      ],
    },
    {
      kind: 'UNION',
      code: 'BJ-EDU',
      name: '滨江市教育工会',
      children: [
        { kind: 'GRASSROOTS', code: 'BJ-NO1-HS', name: '滨江市第一中学工会' },
        { kind: 'GRASSROOTS', code: 'BJ-UNIV', name: '滨江大学工会' },
      ],
    },
    {
      kind: 'UNION',
      code: 'BJ-TRADE',
      name: '滨江市商贸服务业工会',
      children: [
        {
          kind: 'BRANCH',
          code: 'XH-LOGI',
          name: '星河物流工会联合会',
          children: [
            { kind: 'GRASSROOTS', code: 'XH-LOGI-WH', name: '星河物流仓储中心工会' },
            { kind: 'GRASSROOTS', code: 'XH-LOGI-DLV', name: '星河物流城东配送站工会' },
          ],
        },
        { kind: 'GRASSROOTS', code: 'WJ-MART', name: '万家超市连锁工会' },
        { kind: 'GRASSROOTS', code: 'RIDERS-01', name: '新就业形态劳动者（骑手）联合工会' },
      ],
    },
    {
      kind: 'FEDERATION',
      code: 'BJ-HTZ-FTU',
      name: '滨江高新区总工会',
      children: [
        { kind: 'GRASSROOTS', code: 'YF-TECH', name: '云帆科技有限公司工会' },
        { kind: 'GRASSROOTS', code: 'XCL-PARK', name: '新材料产业园联合工会' },
      ],
    },
  ],
};

const SEEDED_KEY = 'demo_data_loaded_at';

/**
 * Loads the demo union on the first run only. The marker row means an officer who later
 * deletes demo units never sees them come back.
 */
export async function seedDemoData(db: Database): Promise<{ seeded: boolean; units: number }> {
  return db.prisma.$transaction(async (tx) => {
    const marker = await tx.appMeta.findUnique({ where: { key: SEEDED_KEY } });
    if (marker) return { seeded: false, units: 0 };

    const rows: {
      id: string;
      parentId: string | null;
      kind: OrgUnitKind;
      code: string;
      name: string;
      path: string;
      depth: number;
    }[] = [];
    const walk = (unit: DemoUnit, parent: { id: string; path: string; depth: number } | null) => {
      const id = crypto.randomUUID();
      const path = `${parent?.path ?? '/'}${id}/`;
      const depth = parent ? parent.depth + 1 : 0;
      rows.push({
        id,
        parentId: parent?.id ?? null,
        kind: unit.kind,
        code: unit.code,
        name: unit.name,
        path,
        depth,
      });
      for (const child of unit.children ?? []) walk(child, { id, path, depth });
    };
    walk(DEMO_ORG_TREE, null);

    await tx.orgUnit.createMany({ data: rows });
    await tx.appMeta.create({ data: { key: SEEDED_KEY, value: new Date().toISOString() } });
    return { seeded: true, units: rows.length };
  });
}

import type { TOrgUnit, TOrgUnitKind } from '@unionhall/domain';

/** A unit the applicant can pick, with its parent's name so two similar names can be told apart. */
export interface UnitChoice {
  id: string;
  name: string;
  kind: TOrgUnitKind;
  parentName: string | null;
}

/** Grassroots units first: most workers join the union at their own workplace. */
const KIND_ORDER: Record<TOrgUnitKind, number> = {
  GRASSROOTS: 0,
  BRANCH: 1,
  UNION: 2,
  FEDERATION: 3,
};

function toChoice(unit: TOrgUnit, byId: ReadonlyMap<string, TOrgUnit>): UnitChoice {
  const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
  return { id: unit.id, name: unit.name, kind: unit.kind, parentName: parent?.name ?? null };
}

/**
 * The units whose name or code contains `query` (case-insensitive), grassroots units first,
 * then by name; at most `limit`. An empty query lists the grassroots units only, so the
 * first screen shows workplaces rather than federations.
 */
export function findUnits(
  units: readonly TOrgUnit[],
  query: string,
  { limit = 20, locale = 'zh-CN' }: { limit?: number; locale?: string } = {},
): { choices: UnitChoice[]; total: number } {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const needle = query.trim().toLocaleLowerCase();
  const collator = new Intl.Collator(locale);
  const matching = units.filter((unit) =>
    needle
      ? unit.name.toLocaleLowerCase().includes(needle) ||
        unit.code.toLocaleLowerCase().includes(needle)
      : unit.kind === 'GRASSROOTS',
  );
  matching.sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.name, b.name),
  );
  return {
    choices: matching.slice(0, limit).map((unit) => toChoice(unit, byId)),
    total: matching.length,
  };
}

/**
 * Where an application waits when the employer has no union yet: the regional federations
 * (city, district, development zone), which place applicants later. A tree without
 * federations offers every unit above the grassroots instead.
 */
export function regionalUnits(units: readonly TOrgUnit[], locale = 'zh-CN'): UnitChoice[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const federations = units.filter((unit) => unit.kind === 'FEDERATION');
  const offered =
    federations.length > 0 ? federations : units.filter((unit) => unit.kind !== 'GRASSROOTS');
  const collator = new Intl.Collator(locale);
  // Shallow first: the city federation before the district ones, as people look for them.
  return [...offered]
    .sort((a, b) => a.depth - b.depth || collator.compare(a.name, b.name))
    .map((unit) => toChoice(unit, byId));
}

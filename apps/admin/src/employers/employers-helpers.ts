import type { TEmployer, TEmployerInput, TEmployerListInput } from '@unionhall/domain';

/** The employer list's filters as the URL holds them; empty strings mean "no filter". */
export interface TEmployerFilters {
  query: string;
  unitId: string;
  /** Only employers with no union unit yet: the organizing targets. */
  withoutUnion: boolean;
}

export const NO_EMPLOYER_FILTERS: TEmployerFilters = { query: '', unitId: '', withoutUnion: false };

export const EMPLOYER_PAGE_SIZE = 25;
const MAX_QUERY_LENGTH = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters from search params, dropping values the API would refuse. */
export function readEmployerFilters(params: URLSearchParams): TEmployerFilters {
  const query = params.get('q')?.trim() ?? '';
  const unitId = params.get('unit')?.trim() ?? '';
  return {
    query: query.length <= MAX_QUERY_LENGTH ? query : '',
    unitId: UUID.test(unitId) ? unitId : '',
    withoutUnion: params.get('noUnion') === '1',
  };
}

/** The search params for the filters; empty ones are left out so URLs stay short. */
export function writeEmployerFilters(filters: TEmployerFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.query.trim()) params.set('q', filters.query.trim());
  if (filters.unitId) params.set('unit', filters.unitId);
  if (filters.withoutUnion) params.set('noUnion', '1');
  return params;
}

export function hasEmployerFilters(filters: TEmployerFilters): boolean {
  return filters.query.trim() !== '' || filters.unitId !== '' || filters.withoutUnion;
}

/**
 * The list query for the filters. "No union yet" and a unit exclude each other (a linked
 * employer has a union), so the organizing-targets filter wins when both are set.
 */
export function employerFiltersToInput(
  filters: TEmployerFilters,
): Omit<TEmployerListInput, 'cursor'> {
  return {
    ...(filters.query.trim() ? { query: filters.query.trim() } : {}),
    ...(filters.withoutUnion ? { withoutUnion: true } : {}),
    ...(filters.unitId && !filters.withoutUnion ? { orgUnitId: filters.unitId } : {}),
    limit: EMPLOYER_PAGE_SIZE,
  };
}

/** The employer form's fields as typed: every value a string, as the inputs hold them. */
export interface TEmployerDraft {
  name: string;
  creditCode: string;
  orgUnitId: string;
  workforceSize: string;
  address: string;
}

export function employerDraft(employer: TEmployer | null): TEmployerDraft {
  return {
    name: employer?.name ?? '',
    creditCode: employer?.creditCode ?? '',
    orgUnitId: employer?.orgUnitId ?? '',
    workforceSize: employer?.workforceSize === null ? '' : String(employer?.workforceSize ?? ''),
    address: employer?.address ?? '',
  };
}

/**
 * The API input for a draft: empty fields become null (cleared), and the workforce size a
 * number. Text that is not a whole number stays a string so that the schema refuses it on
 * that field instead of it turning silently into NaN or a rounded value.
 */
export function draftToInput(draft: TEmployerDraft): Record<keyof TEmployerInput, unknown> {
  const workforce = draft.workforceSize.replace(/[\s,，]/g, '');
  return {
    name: draft.name,
    creditCode: draft.creditCode.trim() === '' ? null : draft.creditCode,
    orgUnitId: draft.orgUnitId === '' ? null : draft.orgUnitId,
    workforceSize:
      workforce === '' ? null : /^\d+$/.test(workforce) ? Number(workforce) : workforce,
    address: draft.address.trim() === '' ? null : draft.address,
  };
}

/** The width of a density bar in percent: the share, shown full when stale data exceeds 1. */
export function densityBarWidth(density: number): number {
  return Math.max(0, Math.min(100, Math.round(density * 1000) / 10));
}

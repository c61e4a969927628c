import type { TFindAuditEventsInput } from '@unionhall/domain';

/** Actions the console has words for; anything else is shown as recorded. */
export const KNOWN_AUDIT_ACTIONS = [
  'org.unit.create',
  'org.unit.rename',
  'org.unit.move',
  'access.role.grant',
  'access.role.revoke',
  'access.officer.create',
  'access.officer.disable',
] as const;
export type TKnownAuditAction = (typeof KNOWN_AUDIT_ACTIONS)[number];

export function isKnownAction(action: string): action is TKnownAuditAction {
  return (KNOWN_AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** Fields of a change the console has words for, in the order they are listed. */
export const KNOWN_CHANGE_FIELDS = [
  'name',
  'code',
  'kind',
  'parentId',
  'role',
  'userId',
  'orgUnitId',
  'email',
  'disabledAt',
] as const;
export type TKnownChangeField = (typeof KNOWN_CHANGE_FIELDS)[number];

export function isKnownField(field: string): field is TKnownChangeField {
  return (KNOWN_CHANGE_FIELDS as readonly string[]).includes(field);
}

/** A change's fields, known ones first in a fixed order, then the rest alphabetically. */
export function orderedFields(fields: readonly string[]): string[] {
  const rank = (field: string) => {
    const index = (KNOWN_CHANGE_FIELDS as readonly string[]).indexOf(field);
    return index === -1 ? KNOWN_CHANGE_FIELDS.length : index;
  };
  return [...fields].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The filters as the URL holds them, so a filtered view can be shared: empty strings mean
 * "no filter", dates are local calendar days (YYYY-MM-DD), both ends included.
 */
export interface TAuditFilters {
  action: string;
  from: string;
  to: string;
  targetId: string;
}

export const NO_FILTERS: TAuditFilters = { action: '', from: '', to: '', targetId: '' };

const FILTER_KEYS = ['action', 'from', 'to', 'targetId'] as const;
const MAX_FILTER_LENGTH = 100;

/** Reads the filters from search params, dropping malformed dates and over-long values. */
export function readFilters(params: URLSearchParams): TAuditFilters {
  const text = (key: string) => {
    const value = params.get(key)?.trim() ?? '';
    return value.length <= MAX_FILTER_LENGTH ? value : '';
  };
  const date = (key: string) => {
    const value = text(key);
    return parseLocalDate(value) ? value : '';
  };
  return { action: text('action'), from: date('from'), to: date('to'), targetId: text('targetId') };
}

/** The search params for the filters; empty filters are left out so URLs stay short. */
export function writeFilters(filters: TAuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  return params;
}

export function activeFilterCount(filters: TAuditFilters): number {
  return FILTER_KEYS.filter((key) => filters[key].trim() !== '').length;
}

/** Local midnight of a YYYY-MM-DD day, or null when it is not a real calendar day. */
export function parseLocalDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  // new Date rolls 2024-02-31 over into March; such a day does not exist.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null;
  }
  return date;
}

/** Local midnight of the day after `value`: the exclusive end of a range that includes it. */
export function dayAfter(value: string): Date | null {
  const date = parseLocalDate(value);
  if (!date) return null;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
}

/** Whether the range runs backwards (its end day is before its start day). */
export function isReversedRange(from: string, to: string): boolean {
  const start = parseLocalDate(from);
  const end = parseLocalDate(to);
  return start !== null && end !== null && end < start;
}

export const AUDIT_PAGE_SIZE = 50;

/** The query input for the filters; keys without a value are left out of the query key. */
export function filtersToInput(filters: TAuditFilters): Omit<TFindAuditEventsInput, 'cursor'> {
  const from = parseLocalDate(filters.from);
  const to = dayAfter(filters.to);
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    limit: AUDIT_PAGE_SIZE,
  };
}

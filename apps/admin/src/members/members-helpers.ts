import {
  MEMBER_STATUSES,
  memberStatusActions,
  type TMemberListInput,
  type TMemberStatus,
  type TMemberSegmentFilters,
  type TMemberStatusAction,
  type TOrgUnit,
} from '@unionhall/domain';

/**
 * The member list's filters as the URL holds them, so a search can be shared or bookmarked:
 * empty strings mean "no filter". The Applications view is the APPLICANT status.
 */
export interface TMemberFilters {
  query: string;
  unitId: string;
  status: TMemberStatus | '';
  /** One tag (劳模, 青年…), chosen from the tags in use. */
  tag: string;
  /** Members employed by one employer: the link from an employer's page (no form field). */
  employerId?: string;
}

export const NO_MEMBER_FILTERS: TMemberFilters = { query: '', unitId: '', status: '', tag: '' };

/** Where the Applications view points: the same list, only applicants. */
export const APPLICATION_FILTERS: TMemberFilters = { ...NO_MEMBER_FILTERS, status: 'APPLICANT' };

const MAX_QUERY_LENGTH = 50;
const MAX_TAG_LENGTH = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isMemberStatus(value: string): value is TMemberStatus {
  return (MEMBER_STATUSES as readonly string[]).includes(value);
}

/** Reads the filters from search params, dropping values the API would refuse. */
export function readMemberFilters(params: URLSearchParams): TMemberFilters {
  const query = params.get('q')?.trim() ?? '';
  const unitId = params.get('unit')?.trim() ?? '';
  const status = params.get('status')?.trim() ?? '';
  const employerId = params.get('employer')?.trim() ?? '';
  const tag = params.get('tag')?.trim() ?? '';
  return {
    query: query.length <= MAX_QUERY_LENGTH ? query : '',
    unitId: UUID.test(unitId) ? unitId : '',
    status: isMemberStatus(status) ? status : '',
    tag: tag.length <= MAX_TAG_LENGTH ? tag : '',
    ...(UUID.test(employerId) ? { employerId } : {}),
  };
}

/** The search params for the filters; empty ones are left out so URLs stay short. */
export function writeMemberFilters(filters: TMemberFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.query.trim()) params.set('q', filters.query.trim());
  if (filters.unitId) params.set('unit', filters.unitId);
  if (filters.status) params.set('status', filters.status);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.employerId) params.set('employer', filters.employerId);
  return params;
}

export function hasMemberFilters(filters: TMemberFilters): boolean {
  return (
    filters.query.trim() !== '' ||
    filters.unitId !== '' ||
    filters.status !== '' ||
    filters.tag !== '' ||
    Boolean(filters.employerId)
  );
}

export const MEMBER_PAGE_SIZE = 25;

/** The list query for the filters; keys without a value stay out of the query key. */
export function memberFiltersToInput(filters: TMemberFilters): Omit<TMemberListInput, 'cursor'> {
  return {
    ...(filters.query.trim() ? { query: filters.query.trim() } : {}),
    ...(filters.unitId ? { orgUnitId: filters.unitId } : {}),
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.employerId ? { employerId: filters.employerId } : {}),
    // The application queue: whoever has waited longest comes first.
    ...(filters.status === 'APPLICANT' ? { order: 'applied' as const } : {}),
    limit: MEMBER_PAGE_SIZE,
  };
}

/** The filters to save as a segment: the list query without its order and page size. */
export function memberFiltersToSegment(filters: TMemberFilters): TMemberSegmentFilters {
  const { limit: _limit, order: _order, ...rest } = memberFiltersToInput(filters);
  return rest;
}

/**
 * A saved segment's filters as the list's URL filters. The console filters by one status; a
 * segment saved elsewhere with several keeps only the first here.
 */
export function segmentToMemberFilters(filters: TMemberSegmentFilters): TMemberFilters {
  return {
    query: filters.query ?? '',
    unitId: filters.orgUnitId ?? '',
    status: filters.status?.[0] ?? '',
    tag: filters.tag ?? '',
    ...(filters.employerId ? { employerId: filters.employerId } : {}),
  };
}

/**
 * The status changes the console offers from a status. Merging needs a second record and is
 * done elsewhere, so it is not one of them.
 */
export function consoleStatusActions(status: TMemberStatus): TMemberStatusAction[] {
  return memberStatusActions(status).filter((action) => action !== 'MERGE_AWAY');
}

/** Units in tree order (parents first, siblings by name), each with its depth for indenting. */
export function unitsInTreeOrder(
  units: readonly Pick<TOrgUnit, 'id' | 'parentId' | 'name'>[],
): Array<{ id: string; name: string; depth: number }> {
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, Array<Pick<TOrgUnit, 'id' | 'parentId' | 'name'>>>();
  for (const unit of units) {
    // A unit whose parent the officer cannot see starts a tree of its own.
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const result: Array<{ id: string; name: string; depth: number }> = [];
  const visit = (parent: string | null, depth: number) => {
    const sorted = [...(children.get(parent) ?? [])].sort((a, b) =>
      a.name.localeCompare(b.name, 'zh-CN'),
    );
    for (const unit of sorted) {
      result.push({ id: unit.id, name: unit.name, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}

/** The last four digits of a phone number, or null when there is none. */
export function phoneLast4(phone: string | null): string | null {
  const digits = phone?.replace(/\D/g, '') ?? '';
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** A mainland mobile in E.164 shown the way people write it: 138 0013 8000. */
export function formatPhone(phone: string): string {
  const match = /^\+86(1\d{2})(\d{4})(\d{4})$/.exec(phone);
  return match ? `${match[1]} ${match[2]} ${match[3]}` : phone;
}

/** Badge tone for a status: a word always says the status, the colour only supports it. */
export function statusTone(status: TMemberStatus): 'success' | 'warning' | 'danger' | 'neutral' {
  switch (status) {
    case 'ACTIVE':
      return 'success';
    case 'APPLICANT':
    case 'LAPSED':
      return 'warning';
    case 'SUSPENDED':
    case 'REJECTED':
      return 'danger';
    default:
      return 'neutral';
  }
}

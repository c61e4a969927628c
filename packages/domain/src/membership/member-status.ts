import { z } from 'zod';

/**
 * A member's standing in the union. An application is a member record in APPLICANT until an
 * officer approves it (ACTIVE) or rejects it (REJECTED). MERGED marks the record that lost a
 * duplicate merge; the surviving record carries the member on.
 */
export const MEMBER_STATUSES = [
  'APPLICANT',
  'REJECTED',
  'ACTIVE',
  'LAPSED',
  'SUSPENDED',
  'RESIGNED',
  'DECEASED',
  'MERGED',
] as const;
export const ZMemberStatus = z.enum(MEMBER_STATUSES);
export type TMemberStatus = z.infer<typeof ZMemberStatus>;

/** What an officer (or the member, for RESIGN) does to change a status. */
export const MEMBER_STATUS_ACTIONS = [
  'APPROVE',
  'REJECT',
  'LAPSE',
  'SUSPEND',
  'REINSTATE',
  'RESIGN',
  'RECORD_DEATH',
  'MERGE_AWAY',
] as const;
export const ZMemberStatusAction = z.enum(MEMBER_STATUS_ACTIONS);
export type TMemberStatusAction = z.infer<typeof ZMemberStatusAction>;

/**
 * The allowed transitions: from a status, an action leads to a status. Anything not listed
 * is refused. Terminal states (REJECTED, RESIGNED, DECEASED, MERGED) have no way out: someone
 * who resigned and comes back applies again, so the history stays honest.
 */
const TRANSITIONS: Record<TMemberStatus, Partial<Record<TMemberStatusAction, TMemberStatus>>> = {
  APPLICANT: { APPROVE: 'ACTIVE', REJECT: 'REJECTED', MERGE_AWAY: 'MERGED' },
  ACTIVE: {
    LAPSE: 'LAPSED',
    SUSPEND: 'SUSPENDED',
    RESIGN: 'RESIGNED',
    RECORD_DEATH: 'DECEASED',
    MERGE_AWAY: 'MERGED',
  },
  LAPSED: {
    REINSTATE: 'ACTIVE',
    RESIGN: 'RESIGNED',
    RECORD_DEATH: 'DECEASED',
    MERGE_AWAY: 'MERGED',
  },
  SUSPENDED: {
    REINSTATE: 'ACTIVE',
    RESIGN: 'RESIGNED',
    RECORD_DEATH: 'DECEASED',
    MERGE_AWAY: 'MERGED',
  },
  REJECTED: {},
  RESIGNED: {},
  DECEASED: {},
  MERGED: {},
};

/** The status an action leads to from `from`, or null when the transition is not allowed. */
export function nextMemberStatus(
  from: TMemberStatus,
  action: TMemberStatusAction,
): TMemberStatus | null {
  return TRANSITIONS[from][action] ?? null;
}

/** The actions open from a status, in a stable order (for the console's buttons). */
export function memberStatusActions(from: TMemberStatus): TMemberStatusAction[] {
  return MEMBER_STATUS_ACTIONS.filter((action) => TRANSITIONS[from][action] !== undefined);
}

/** Statuses in which the person counts as a member (card valid, services open). */
export function isInGoodStanding(status: TMemberStatus): boolean {
  return status === 'ACTIVE';
}

/**
 * Statuses of a living record: someone applying or belonging to the union, even if lapsed or
 * suspended. Once a record leaves these (rejected, resigned, deceased, merged) nothing waiting
 * on it, such as a transfer or a change of data, may go through any more.
 */
export const LIVING_MEMBER_STATUSES = ['APPLICANT', 'ACTIVE', 'LAPSED', 'SUSPENDED'] as const;

export function isLivingMemberStatus(status: TMemberStatus): boolean {
  return LIVING_MEMBER_STATUSES.some((living) => living === status);
}

/**
 * Actions officers take on a record directly. MERGE_AWAY is left out: only a merge may end a
 * record as MERGED, because only a merge says which record carries the member on.
 */
export function isDirectStatusAction(action: TMemberStatusAction): boolean {
  return action !== 'MERGE_AWAY';
}

/** Every change needs a reason, except approval, whose reason is the application itself. */
export function statusActionNeedsReason(action: TMemberStatusAction): boolean {
  return action !== 'APPROVE';
}

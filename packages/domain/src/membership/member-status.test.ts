import { describe, expect, it } from 'vitest';
import {
  MEMBER_STATUS_ACTIONS,
  MEMBER_STATUSES,
  isDirectStatusAction,
  isLivingMemberStatus,
  memberStatusActions,
  nextMemberStatus,
  statusActionNeedsReason,
} from './member-status';

describe('member status lifecycle', () => {
  it('takes an applicant to active or rejected', () => {
    expect(nextMemberStatus('APPLICANT', 'APPROVE')).toBe('ACTIVE');
    expect(nextMemberStatus('APPLICANT', 'REJECT')).toBe('REJECTED');
    expect(nextMemberStatus('APPLICANT', 'LAPSE')).toBeNull();
  });

  it('lapses, suspends and reinstates', () => {
    expect(nextMemberStatus('ACTIVE', 'LAPSE')).toBe('LAPSED');
    expect(nextMemberStatus('ACTIVE', 'SUSPEND')).toBe('SUSPENDED');
    expect(nextMemberStatus('LAPSED', 'REINSTATE')).toBe('ACTIVE');
    expect(nextMemberStatus('SUSPENDED', 'REINSTATE')).toBe('ACTIVE');
    expect(nextMemberStatus('ACTIVE', 'REINSTATE')).toBeNull();
  });

  it('has no way out of the terminal states', () => {
    for (const terminal of ['REJECTED', 'RESIGNED', 'DECEASED', 'MERGED'] as const) {
      expect(memberStatusActions(terminal)).toEqual([]);
      for (const action of MEMBER_STATUS_ACTIONS) {
        expect(nextMemberStatus(terminal, action)).toBeNull();
      }
    }
  });

  it('lets every living status reach death and resignation only once a member', () => {
    expect(nextMemberStatus('APPLICANT', 'RESIGN')).toBeNull();
    for (const status of ['ACTIVE', 'LAPSED', 'SUSPENDED'] as const) {
      expect(nextMemberStatus(status, 'RESIGN')).toBe('RESIGNED');
      expect(nextMemberStatus(status, 'RECORD_DEATH')).toBe('DECEASED');
    }
  });

  it('lists the open actions in a stable order and reaches every status', () => {
    expect(memberStatusActions('ACTIVE')).toEqual([
      'LAPSE',
      'SUSPEND',
      'RESIGN',
      'RECORD_DEATH',
      'MERGE_AWAY',
    ]);
    const reachable = new Set<string>(['APPLICANT']);
    for (const from of MEMBER_STATUSES) {
      for (const action of MEMBER_STATUS_ACTIONS) {
        const to = nextMemberStatus(from, action);
        if (to) reachable.add(to);
      }
    }
    expect([...reachable].sort()).toEqual([...MEMBER_STATUSES].sort());
  });

  it('asks for a reason on every change but approval', () => {
    expect(statusActionNeedsReason('APPROVE')).toBe(false);
    expect(statusActionNeedsReason('REJECT')).toBe(true);
    expect(statusActionNeedsReason('SUSPEND')).toBe(true);
  });

  it('counts applicants, active, lapsed and suspended records as living', () => {
    const living = MEMBER_STATUSES.filter(isLivingMemberStatus);
    expect(living).toEqual(['APPLICANT', 'ACTIVE', 'LAPSED', 'SUSPENDED']);
  });

  it('leaves merging away to the merge', () => {
    expect(MEMBER_STATUS_ACTIONS.filter((action) => !isDirectStatusAction(action))).toEqual([
      'MERGE_AWAY',
    ]);
  });
});

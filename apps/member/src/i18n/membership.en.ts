import type { TMembershipCatalog } from './membership.zh-CN';

/** The member's own record (namespace `membership`), English. */
export const membershipEn = {
  heading: 'My membership',
  loadError: 'Your membership could not be loaded.',
  none: 'Your account has no membership record.',
  offline: 'You are offline. This is your membership as last loaded.',
  offlineNoData:
    'You are offline and your membership has not been saved on this device yet. Connect once to load it.',
  status: {
    APPLICANT: 'Application under review',
    REJECTED: 'Application rejected',
    ACTIVE: 'Member',
    LAPSED: 'Membership lapsed',
    SUSPENDED: 'Membership suspended',
    RESIGNED: 'Resigned',
    DECEASED: 'Deceased',
    MERGED: 'Record merged',
  },
  explain: {
    APPLICANT: 'The union is reviewing your application. The decision will appear here.',
    REJECTED: 'Your application was not approved. Please contact the union with any questions.',
    ACTIVE: 'You are a member of the union.',
    LAPSED: 'Your membership has lapsed. Contact your union to reinstate it.',
    SUSPENDED: 'Your membership is suspended. Contact your union with any questions.',
    RESIGNED: 'You have left the union. You are welcome to apply again.',
    DECEASED: 'This member has died.',
    MERGED: 'This record has been merged with another member record.',
  },
  placement:
    'Your employer has no union yet: {{unit}} holds your application and will place you with a unit.',
  unit: 'Union unit',
  appliedAt: 'Applied',
  joinedAt: 'Joined',
  memberNumber: 'Member number',
  reason: 'Reason: {{reason}}',
  history: 'History',
  actions: {
    APPLY: 'Applied to join',
    APPROVE: 'Approved',
    REJECT: 'Rejected',
    LAPSE: 'Membership lapsed',
    SUSPEND: 'Membership suspended',
    REINSTATE: 'Membership reinstated',
    RESIGN: 'Resigned',
    RECORD_DEATH: 'Death recorded',
    MERGE_AWAY: 'Record merged',
  },
} satisfies TMembershipCatalog;

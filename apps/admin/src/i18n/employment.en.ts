import type { TEmploymentCatalog } from './employment.zh-CN';

/** The member page's employment history texts (`employment` of `admin`), English. */
export const employmentEn = {
  heading: 'Employment history',
  caption: 'Employment history, most recent first',
  empty: 'No employment recorded yet.',
  loadError: 'Could not load the employment history',
  current: 'Current',
  period: '{{from}} to {{to}}',
  since: 'Since {{from}}',
  unknownStart: 'Start date unknown',
  present: 'present',
  jobTitle: 'Job: {{jobTitle}}',
  workplace: 'Workplace: {{workplace}}',
  endReason: 'Reason for leaving: {{reason}}',
  source: {
    APPLICATION: 'Application to join',
    CHANGE_REQUEST: 'Change request',
    IMPORT: 'Import',
    HR_FEED: "Employer's HR system",
    OFFICER: 'Entered by an officer',
    MERGE: 'Merged record',
  },
  sourceLabel: 'Source: {{source}}',
  followUp: 'Follow up',
  followUpText:
    'The employer reported that this member left. Decide with them: a transfer to their new workplace’s union, or a lapse.',
} satisfies TEmploymentCatalog;

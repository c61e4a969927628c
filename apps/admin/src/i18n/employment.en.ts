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
  edit: {
    short: 'Correct',
    button: 'Correct the spell at {{employer}}',
    title: 'Correct employment',
    intro:
      'Change the employer, workplace, job and dates to what they really were. The change is audited.',
    searchEmployer: 'Search employers',
    employer: 'Employer',
    workplace: 'Workplace',
    noWorkplace: 'Not specified',
    jobTitle: 'Job title',
    startedOn: 'Start date',
    endedOn: 'End date',
    endRequired: 'A spell that has ended needs an end date.',
    datesOrder: 'The end date cannot be before the start date.',
    submit: 'Save correction',
    done: 'Corrected the spell at {{employer}}.',
    versionConflict:
      'Someone else changed this spell meanwhile. It has been reloaded; check it and try again.',
  },
  end: {
    short: 'End',
    button: 'End the spell at {{employer}}',
    title: 'End employment',
    intro:
      'The member has left {{employer}}: give the last day. The member record will no longer show this employer.',
    endedOn: 'End date',
    reason: 'Reason for leaving (optional)',
    submit: 'End employment',
    done: 'Ended the spell at {{employer}}.',
  },
  sourceLabel: 'Source: {{source}}',
  followUp: 'Follow up',
  followUpText:
    'The employer reported that this member left. Decide with them: a transfer to their new workplace’s union, or a lapse.',
} satisfies TEmploymentCatalog;

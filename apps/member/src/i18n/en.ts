import type { TMemberCatalog } from './zh-CN';

/** The member app's own texts (namespace `member`), English. */
export const memberEn = {
  title: 'Unionhall',
  appName: 'Member',
  skipToContent: 'Skip to main content',
  home: {
    kicker: 'My union',
    unitsHeading: 'Organization',
    count_one: '{{count}} unit',
    count_other: '{{count}} units',
    search: 'Search units',
    searchHint: 'Type part of a name or code.',
    matches_one: '{{count}} unit found',
    matches_other: '{{count}} units found',
    noMatches: 'No unit name contains “{{query}}”.',
    empty: 'No organization information yet.',
    loadError: 'The organization could not be loaded.',
    savedCopy: 'Showing the copy saved {{time}}.',
    subunits_one: '{{count}} sub-unit',
    subunits_other: '{{count}} sub-units',
  },
  account: {
    link: 'Account',
    heading: 'My account',
    signedOut: 'You are not signed in. Sign in with a code sent to your email.',
    signIn: 'Sign in',
    name: 'Name',
    email: 'Email',
    signOut: 'Sign out',
  },
  signIn: {
    heading: 'Sign in',
    email: 'Email',
    sendCode: 'Send me a code',
    codeSent:
      'If {{email}} belongs to a member, a 6-digit code is on its way. It is valid for 5 minutes.',
    code: 'Code',
    submit: 'Sign in',
    changeEmail: 'Use another email',
    errors: {
      invalid: 'That code is not right or has expired. Ask for a new one.',
      tooMany: 'Too many attempts. Please wait a minute and try again.',
      disabled: 'This account is disabled. Please contact your union.',
      network: 'No connection. Sign-in needs the network.',
      unknown: 'Sign-in failed. Please try again.',
    },
  },
  offline: {
    badge: 'Offline',
    message: 'You are offline. This is what was loaded last time.',
    noData:
      'You are offline and nothing has been saved on this device yet. Connect once to load it.',
  },
} satisfies TMemberCatalog;

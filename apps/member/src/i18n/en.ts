import type { TMemberCatalog } from './zh-CN';

/** The member app's own texts (namespace `member`), English. */
export const memberEn = {
  title: 'Unionhall',
  appName: 'Member',
  skipToContent: 'Skip to main content',
  home: {
    join: 'Join the union',
    joinText:
      'Every worker can apply to join. If your employer has no union yet, you can still apply: a regional union takes your application first.',
    joinLink: 'Apply to join',
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
    signedOut:
      'You are not signed in. Sign in with a code sent to your email or phone, or with a passkey.',
    signIn: 'Sign in',
    name: 'Name',
    email: 'Email',
    signOut: 'Sign out',
    offline: 'You are offline, so your sign-in cannot be checked.',
  },
  signIn: {
    heading: 'Sign in',
    method: 'Send the code by',
    methods: { email: 'Email', sms: 'SMS' },
    email: 'Email address',
    phone: 'Mobile number',
    phoneHint: 'A mainland China mobile number, e.g. 138 0013 8000',
    sendCode: 'Send me a code',
    codeSent:
      'If {{email}} belongs to a member, a 6-digit code is on its way. It is valid for 5 minutes.',
    smsSent:
      'If {{phone}} belongs to a member, a 6-digit code is on its way by SMS. It is valid for 5 minutes.',
    code: 'Code',
    submit: 'Sign in',
    changeEmail: 'Use another email',
    changePhone: 'Use another number',
    or: 'or',
    withPasskey: 'Sign in with a passkey',
    passkeyErrors: {
      invalid: 'This passkey is not recognised. Sign in with a code, then add it again.',
      cancelled: 'Passkey sign-in was cancelled.',
      alreadyRegistered: 'This device already has one of your passkeys.',
    },
    errors: {
      invalid: 'That code is not right or has expired. Ask for a new one.',
      tooMany: 'Too many attempts. Please wait a minute and try again.',
      disabled: 'This account is disabled. Please contact your union.',
      network: 'No connection. Sign-in needs the network.',
      unknown: 'Sign-in failed. Please try again.',
    },
  },
  passkeys: {
    heading: 'Passkeys',
    intro: 'With a passkey you sign in with your fingerprint, face or screen lock, without a code.',
    none: 'You have not added a passkey yet.',
    add: 'Add a passkey',
    added: 'Passkey added.',
    removed: 'Passkey removed.',
    remove: 'Remove',
    removeNamed: 'Remove passkey “{{name}}”',
    unnamed: 'Passkey',
    defaultName: 'Passkey on {{device}}',
    createdAt: 'Added {{date}}',
    errors: {
      load: 'Your passkeys could not be loaded.',
      cancelled: 'Cancelled: no passkey was added.',
      alreadyRegistered: 'This device already has one of your passkeys.',
    },
  },
  offline: {
    badge: 'Offline',
    message: 'You are offline. This is what was loaded last time.',
    noData:
      'You are offline and nothing has been saved on this device yet. Connect once to load it.',
  },
} satisfies TMemberCatalog;

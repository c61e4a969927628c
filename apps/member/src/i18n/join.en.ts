import type { TJoinCatalog } from './join.zh-CN';

/** The application form's texts (namespace `join`), English. */
export const joinEn = {
  signedIn: 'You are signed in. Your application or membership is on your account page.',
  heading: 'Join the union',
  progress: 'Step {{step}} of {{total}}',
  steps: {
    about: 'About you',
    contact: 'Contact details',
    work: 'Your work',
    consent: 'Consent to data processing',
    review: 'Check and submit',
  },
  next: 'Next',
  back: 'Back',
  change: 'Change',
  discard: 'Clear and start again',
  draftSaved: 'Your answers are kept on this device only; you can change them until you submit.',
  about: {
    name: 'Full name',
    nameHint: 'As on your identity document.',
    idType: 'Identity document',
    idTypes: { RESIDENT_ID: 'Resident ID card', PASSPORT: 'Passport', OTHER: 'Other document' },
    idNumber: 'Document number',
    residentIdHint: '18 characters; the last one may be X.',
    otherIdHint: 'Letters and digits, 5 to 30 characters.',
  },
  contact: {
    phone: 'Mobile number',
    phoneHint: 'A mainland China mobile number, e.g. 138 0013 8000.',
    email: 'Email',
    emailHint: 'After you apply, sign in with a code sent here to follow your application.',
  },
  work: {
    noUnion: 'My employer has no union yet',
    noUnionHint:
      'The regional union you choose takes your application first and places you with a unit later.',
    search: 'Search for your workplace union',
    searchHint: 'Type part of the union’s name or code.',
    units: 'Choose your union unit',
    showing: 'Showing {{shown}} of {{total}}. Type more to narrow the list.',
    noMatches:
      'No union name contains “{{query}}”. If your employer has no union, tick the option above.',
    chosen: 'Chosen: {{name}}',
    underParent: 'Part of {{parent}}',
    region: 'The regional union nearest to you',
    regionPlaceholder: 'Choose one',
    regionHint: 'Usually the federation of the district or zone where you work.',
    employer: 'Employer name',
    employerHint: 'The full name, e.g. “Binjiang Example Technology Co., Ltd.”',
    jobTitle: 'Job title',
    jobTitleHint: 'Optional, e.g. “Warehouse keeper”.',
    chooseUnit: 'Choose your union unit',
    chooseRegion: 'Choose a regional union',
    employerRequired: 'Give your employer’s name when it has no union yet',
    loading: 'Loading the union’s units…',
    loadError: 'The union’s units could not be loaded.',
    offline:
      'You are offline and the union’s units have not been saved on this device yet. Connect to choose one; your answers are kept.',
  },
  consent: {
    version: 'Version {{version}}',
    accept: 'I have read and agree to this processing of my personal data',
    required: 'Please read the text and tick the box to apply',
  },
  review: {
    intro: 'Please check your answers. Once you submit, the union reviews your application.',
    unit: 'Applying to',
    waitingAt: '{{name}} (no union at your employer yet; to be placed)',
    consent: 'Consent to data processing given (version {{version}})',
    submit: 'Submit application',
    submitting: 'Submitting…',
  },
  offline: {
    editing:
      'You are offline. Your answers are saved on this device: carry on, and submit when you are back online.',
    queued:
      'You are offline. Your application is saved and will be sent as soon as you are back online.',
  },
  errors: {
    network:
      'Could not reach the server, so your application is not confirmed yet. It is saved on this device: check your connection and try again. It will not be sent twice.',
    email: 'Enter an email address like name@example.com',
    fixFields: 'Please correct the marked answers and submit again.',
    signIn: 'Sign in',
  },
  done: {
    heading: 'Application sent',
    intro: 'We have your application to join, and an account for {{email}}.',
    nextHeading: 'What happens next',
    next1: 'A union officer checks your details and reviews your application.',
    next2: 'Sign in to this app with a code sent to {{email}} to follow it and see the decision.',
    next3: 'Once approved, you get your member number and are a full member.',
    signIn: 'Sign in to follow your application',
    another: 'Fill in an application for someone else',
  },
} satisfies TJoinCatalog;

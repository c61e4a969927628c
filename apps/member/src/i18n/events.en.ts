import type { TEventsCatalog } from './events.zh-CN';

/** Union events for members (namespace `events`), English. */
export const eventsEn = {
  heading: 'Union events',
  intro: 'Events your union and the unions above it organise. All times are Beijing time.',
  empty: 'No upcoming events.',
  signedOut: 'Sign in to see your union’s events and sign up.',
  signIn: 'Sign in',
  loadError: 'The events could not be loaded.',
  more: 'Load more',
  beijingTime: 'Beijing time',
  place: 'Place',
  online: 'Online',
  organiser: 'Organised by',
  places: 'Places',
  placesLeft: '{{count}} signed up of {{capacity}} places',
  noLimit: '{{count}} signed up, no limit',
  deadline: 'Sign-up closes {{time}}',
  signedUpBadge: 'Signed up',
  cancelledBadge: 'Cancelled',
  fullBadge: 'Full',
  closedBadge: 'Sign-up closed',
  signUp: 'Sign up',
  signingUp: 'Signing up…',
  signedUp: 'You are signed up! We will remind you a day before it starts.',
  youAreSignedUp: 'You signed up on {{time}}.',
  withdraw: 'Withdraw',
  withdrawing: 'Withdrawing…',
  withdrawn: 'You have withdrawn.',
  withdrawConfirm: 'Withdraw from this event? Your place goes to another member.',
  cancelled: 'This event is cancelled.',
  cancelReason: 'Reason: {{reason}}',
  refusal: {
    FULL: 'This event is full.',
    CLOSED: 'Sign-up has closed.',
    CANCELLED: 'This event is cancelled.',
    NOT_OPEN: 'Sign-up is not open.',
  },
  offline:
    'You are offline. This is what was last loaded. Signing up and withdrawing need a connection.',
  offlineNoData:
    'You are offline and this event has not been saved on this device yet. Open it once online to read it offline.',
  offlineListNoData:
    'You are offline and the events have not been saved on this device yet. Open them once online to read them offline.',
  gone: 'This event does not exist or is not open to you.',
  back: 'Back to union events',
  description: 'About the event',
} satisfies TEventsCatalog;

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
  offline: {
    badge: 'Offline',
    message: 'You are offline. This is what was loaded last time.',
    noData:
      'You are offline and nothing has been saved on this device yet. Connect once to load it.',
  },
} satisfies TMemberCatalog;

import type { TNewsCatalog } from './news.zh-CN';

/** Union news, the members' announcements (namespace `news`), English. */
export const newsEn = {
  heading: 'Union news',
  intro: 'Notices from your union and the unions above it.',
  empty: 'No news yet.',
  signedOut: 'Sign in to read the news your union sends you.',
  signIn: 'Sign in',
  notMember: 'Union news is for members in good standing.',
  loadError: 'The news could not be loaded.',
  more: 'Load more',
  pinned: 'Pinned',
  unread: 'New',
  from: '{{unit}}',
  published: 'Published {{time}}',
  offline: 'You are offline. This is what was last loaded.',
  offlineNoData:
    'You are offline and this notice has not been saved on this device yet. Open it once online to read it offline.',
  offlineListNoData:
    'You are offline and the news has not been saved on this device yet. Open it once online to read it offline.',
  gone: 'This notice was withdrawn or is no longer available to you.',
  back: 'Back to union news',
  attachments: 'Attachments',
  download: 'Download “{{name}}”',
} satisfies TNewsCatalog;

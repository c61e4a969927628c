import type { TNotificationsCatalog } from './notifications.zh-CN';

/** The console's notifications (the `notifications` key of the `admin` namespace), English. */
export const notificationsEn = {
  title: 'Notifications',
  intro: 'What the system tells you, such as reviews waiting for you and deadlines coming up.',
  bell: 'Notifications',
  bellUnread_one: 'Notifications, {{count}} unread',
  bellUnread_other: 'Notifications, {{count}} unread',
  empty: 'No notifications yet.',
  loadError: 'Your notifications could not be loaded.',
  unread: 'Unread',
  markAllRead: 'Mark all as read',
  markRead: 'Mark as read',
  settingsLink: 'Notification settings',
  settingsTitle: 'Notification settings',
  settingsIntro: 'Choose how notifications reach you, and when to be left alone.',
  back: 'Back to notifications',
  settingsLoadError: 'Your notification settings could not be loaded.',
  loadMore: 'Show more',
  category: {
    account: 'Account',
    union_news: 'Union news',
    my_requests: 'Requests',
    events: 'Events',
    dues: 'Dues',
    votes: 'Votes and elections',
  },
} satisfies TNotificationsCatalog;

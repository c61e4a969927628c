import type { TNotificationsCatalog } from './notifications.zh-CN';

/** The notification centre and notification settings (namespace `notifications`), English. */
export const notificationsEn = {
  heading: 'Notifications',
  settingsLink: 'Notification settings',
  signedOut: 'Sign in to see your notifications.',
  signIn: 'Sign in',
  empty: 'No notifications yet.',
  loadError: 'Your notifications could not be loaded.',
  unread: 'Unread',
  markAllRead: 'Mark all as read',
  loadMore: 'Show more',
  savedCopy: 'Offline: showing the notifications loaded last time.',
  settings: {
    heading: 'Notification settings',
    back: 'Back to notifications',
  },
} satisfies TNotificationsCatalog;

import type { TNotificationSettingsCatalog } from './notification-settings.zh-CN';

/** Notification settings, shared by the PWA and the console (`notificationSettings`), English. */
export const notificationSettingsEn = {
  offlineMutation: 'You are offline. Saving settings needs the network: connect and try again.',
  category: {
    account: 'Account and membership',
    union_news: 'Union news',
    my_requests: 'My requests',
    events: 'Events',
    dues: 'Dues',
    votes: 'Votes and elections',
  },
  channel: {
    in_app: 'In the app',
    push: 'Push',
    email: 'Email',
    sms: 'SMS',
  },
  channelsHeading: 'How you are told',
  channelsIntro:
    'Choose how each kind of notification reaches you. Notifications in the app always stay, and emails about your account and membership cannot be switched off.',
  toggle: '{{category}}: {{channel}}',
  locked: 'Always on',
  saved: 'Saved.',
  languageHeading: 'Language, quiet hours and summary',
  language: 'Language of email, SMS and push',
  languages: { 'zh-CN': '简体中文', en: 'English' },
  quietEnabled: 'Quiet hours',
  quietHint:
    'During quiet hours, push and SMS wait until the quiet hours end; email is sent as usual. Times are Beijing time.',
  quietStart: 'From',
  quietEnd: 'Until',
  digest: 'Email summary of unread notifications',
  digestHint: 'Sent at 08:00 Beijing time, only when something is unread.',
  digestOptions: { OFF: 'None', DAILY: 'Every day', WEEKLY: 'Every Monday' },
  save: 'Save',
  conflict:
    'Your settings were changed on another device. The latest settings are loaded: make your change again.',
} satisfies TNotificationSettingsCatalog;

import type { TPushCatalog } from './push.zh-CN';

/** Notifications on this device (namespace `push`), English. Loaded with the section. */
export const pushEn = {
  heading: 'Notifications',
  intro:
    'Get the union’s notifications on this phone: decisions on your requests, event reminders, dues reminders.',
  checking: 'Checking this phone’s notification setting…',
  on: 'Notifications are on for this phone.',
  off: 'Notifications are off for this phone.',
  turnOn: 'Turn on notifications on this phone',
  turnOff: 'Turn off notifications on this phone',
  turnedOn: 'Turned on. The union’s notifications will appear on this phone.',
  turnedOff: 'Notifications are off for this phone.',
  unsupported:
    'This browser cannot receive notifications. On an iPhone or iPad, first install the app with “Add to Home Screen” and open it from there.',
  denied:
    'Notifications for this site are blocked in the browser. To turn them on, allow notifications in the browser’s site settings.',
  errors: {
    dismissed: 'Permission was not given; notifications stay off.',
    noWorker: 'The app is not ready for notifications yet. Reload the page and try again.',
    offline: 'Turning notifications on or off needs the network.',
    failed: 'That did not work. Please try again in a moment.',
  },
} satisfies TPushCatalog;

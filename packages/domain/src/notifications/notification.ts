import { z } from 'zod';

/**
 * What a notification is about. Members choose per category which channels reach them;
 * `account` (membership decisions, security notices) cannot be switched off in the app.
 */
export const NOTIFICATION_CATEGORIES = [
  'account',
  'union_news',
  'my_requests',
  'events',
  'dues',
  'votes',
] as const;
export const ZNotificationCategory = z.enum(NOTIFICATION_CATEGORIES);
export type TNotificationCategory = z.infer<typeof ZNotificationCategory>;

/** Where a notification can reach someone. In-app always receives it. */
export const NOTIFICATION_CHANNELS = ['in_app', 'push', 'email', 'sms'] as const;
export const ZNotificationChannel = z.enum(NOTIFICATION_CHANNELS);
export type TNotificationChannel = z.infer<typeof ZNotificationChannel>;

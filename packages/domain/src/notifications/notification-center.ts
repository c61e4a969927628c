import { z } from 'zod';
import { ZNotificationCategory } from './notification';

/**
 * Where a notification leads: a path on this site (the PWA's, or the console's under
 * /admin/), never another origin. `//host` and backslashes are refused because browsers
 * read them as another site.
 */
export const ZNotificationLink = z
  .string()
  .max(500)
  .refine((value) => value.startsWith('/') && !value.startsWith('//') && !/[\\\s]/.test(value), {
    message: 'validation.notificationLink',
  });

/** One notification as its recipient reads it, in the language of the request. */
export const ZNotificationItem = z.object({
  id: z.uuid(),
  category: ZNotificationCategory,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export type TNotificationItem = z.infer<typeof ZNotificationItem>;

export const NOTIFICATION_PAGE_MAX = 50;

export const ZNotificationListInput = z.object({
  /** Opaque: the last row of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(NOTIFICATION_PAGE_MAX).default(20),
  unreadOnly: z.boolean().default(false),
});
export type TNotificationListInput = z.input<typeof ZNotificationListInput>;

export const ZNotificationPage = z.object({
  items: z.array(ZNotificationItem),
  nextCursor: z.string().nullable(),
});
export type TNotificationPage = z.infer<typeof ZNotificationPage>;

/** Marks some notifications read (the ones opened), or all of them. */
export const ZMarkNotificationsReadInput = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(NOTIFICATION_PAGE_MAX) }),
  z.object({ all: z.literal(true) }),
]);
export type TMarkNotificationsReadInput = z.infer<typeof ZMarkNotificationsReadInput>;

/** Delivery outcomes per channel, recorded for each notification (reach is counted from them). */
export const NOTIFICATION_DELIVERY_STATUSES = ['sent', 'skipped', 'failed', 'deferred'] as const;
export const NOTIFICATION_DELIVERY_REASONS = [
  /** The person switched this channel off for the category. */
  'preference_off',
  /** Push or SMS during the person's quiet hours: waits until they end. */
  'quiet_hours',
  /** No email address, mobile number or push subscription to send to. */
  'no_address',
  /** Every push subscription was answered as gone (and has been deleted). */
  'gone',
  /** The account is disabled. */
  'account_disabled',
  /** The provider refused or could not be reached; retried with backoff. */
  'provider_error',
] as const;
export type TNotificationDeliveryReason = (typeof NOTIFICATION_DELIVERY_REASONS)[number];

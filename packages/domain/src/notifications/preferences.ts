import { z } from 'zod';
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CHANNELS,
  ZNotificationCategory,
  ZNotificationChannel,
  type TNotificationCategory,
  type TNotificationChannel,
} from './notification';

/**
 * Which channels reach someone for a category when they have not chosen themselves.
 *
 * - In-app: always, for every category. It is the record of what the union told someone, so it
 *   cannot be switched off (it is also free and silent).
 * - Push: on for every category. It is free, and the phone's own settings mute it as well.
 * - Email: on where missing a message costs the member something: their account and
 *   membership (`account`), their own requests and cases (`my_requests`), and votes, which
 *   have deadlines. News, events and dues reminders are off until the member asks for them.
 * - SMS: the union pays per message and it interrupts, so only for `account` and
 *   `my_requests`.
 */
const DEFAULTS: Record<TNotificationCategory, Record<TNotificationChannel, boolean>> = {
  account: { in_app: true, push: true, email: true, sms: true },
  my_requests: { in_app: true, push: true, email: true, sms: true },
  votes: { in_app: true, push: true, email: true, sms: false },
  union_news: { in_app: true, push: true, email: false, sms: false },
  events: { in_app: true, push: true, email: false, sms: false },
  dues: { in_app: true, push: true, email: false, sms: false },
};

export function defaultChannelEnabled(
  category: TNotificationCategory,
  channel: TNotificationChannel,
): boolean {
  return DEFAULTS[category][channel];
}

/**
 * Channels a person cannot switch off: in-app for every category, and email for `account`
 * (decisions on one's membership and security notices are transactional mail, sent without
 * an unsubscribe link). Push and SMS for `account` stay switchable: they interrupt.
 */
export function isChannelLocked(
  category: TNotificationCategory,
  channel: TNotificationChannel,
): boolean {
  return channel === 'in_app' || (category === 'account' && channel === 'email');
}

/** One cell of the category × channel matrix, as the preferences screen shows it. */
export const ZNotificationPreference = z.object({
  category: ZNotificationCategory,
  channel: ZNotificationChannel,
  enabled: z.boolean(),
  /** Cannot be changed (see isChannelLocked); always enabled. */
  locked: z.boolean(),
});
export type TNotificationPreference = z.infer<typeof ZNotificationPreference>;

/** A stored choice: only cells a person changed are stored, the rest follow the defaults. */
export interface StoredPreference {
  category: string;
  channel: string;
  enabled: boolean;
}

/**
 * Whether a channel reaches someone for a category, given their stored choices. A stored
 * choice for a locked cell (written before it was locked, say) does not count.
 */
export function channelEnabled(
  stored: readonly StoredPreference[],
  category: TNotificationCategory,
  channel: TNotificationChannel,
): boolean {
  if (isChannelLocked(category, channel)) return true;
  const choice = stored.find((row) => row.category === category && row.channel === channel);
  return choice ? choice.enabled : defaultChannelEnabled(category, channel);
}

/** The whole matrix, categories in their catalogue order, channels in theirs. */
export function preferenceMatrix(stored: readonly StoredPreference[]): TNotificationPreference[] {
  return NOTIFICATION_CATEGORIES.flatMap((category) =>
    NOTIFICATION_CHANNELS.map((channel) => ({
      category,
      channel,
      enabled: channelEnabled(stored, category, channel),
      locked: isChannelLocked(category, channel),
    })),
  );
}

/** Changes some cells; each names the value it wants, so sending it twice changes nothing. */
export const ZSetNotificationPreferencesInput = z.object({
  changes: z
    .array(
      z.object({
        category: ZNotificationCategory,
        channel: ZNotificationChannel,
        enabled: z.boolean(),
      }),
    )
    .min(1)
    .max(NOTIFICATION_CATEGORIES.length * NOTIFICATION_CHANNELS.length),
});
export type TSetNotificationPreferencesInput = z.infer<typeof ZSetNotificationPreferencesInput>;

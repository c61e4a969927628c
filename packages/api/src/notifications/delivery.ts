import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  channelEnabled,
  DEFAULT_QUIET_HOURS,
  isChannelLocked,
  quietHoursEnd,
  ZLocale,
  ZNotificationCategory,
  type QuietHours,
  type TLocale,
  type TNotificationCategory,
  type TNotificationDeliveryReason,
} from '@unionhall/domain';
import { emitEvent } from '../jobs/events';
import type { Channels } from './channels';
import { renderEmail } from './email';
import { renderNotification, type RenderedText } from './templates';
import type { UnsubscribeTokens } from './unsubscribe';

/** What delivery needs besides the database: the ports and how to build absolute links. */
export interface DeliveryDeps {
  prisma: PrismaClient;
  channels: Channels;
  /** The site's public URL (scheme, host, port), for links in email, SMS and push. */
  publicUrl: string;
  unsubscribeTokens: UnsubscribeTokens;
}

/** The channels that leave the system, in the order they are tried. */
export const OUTBOUND_CHANNELS = ['push', 'email', 'sms'] as const;
export type OutboundChannel = (typeof OUTBOUND_CHANNELS)[number];

/**
 * Push and SMS wait for the end of quiet hours: they ring. Email does not wait, since it
 * makes no sound of its own and a message in the inbox in the morning is what email is for.
 */
const WAITS_FOR_QUIET_HOURS: ReadonlySet<OutboundChannel> = new Set(['push', 'sms']);

/** Push messages older than this are dropped by the push service rather than shown late. */
const PUSH_TTL_SECONDS = 24 * 3600;

type Outcome =
  | { status: 'sent' }
  | { status: 'skipped'; reason: TNotificationDeliveryReason }
  | { status: 'deferred'; until: Date }
  | { status: 'failed'; detail: string };

export const RECIPIENT_SELECT = {
  id: true,
  kind: true,
  email: true,
  phoneNumber: true,
  disabledAt: true,
  member: { select: { email: true, phone: true } },
  notificationSettings: true,
  notificationPreferences: { select: { category: true, channel: true, enabled: true } },
} satisfies Prisma.AuthUserSelect;

export type Recipient = Prisma.AuthUserGetPayload<{ select: typeof RECIPIENT_SELECT }>;

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 500);
}

/** The person's quiet hours: their own, none if they switched them off, else the default. */
function quietHoursOf(recipient: Recipient): QuietHours | null {
  const settings = recipient.notificationSettings;
  if (!settings) return DEFAULT_QUIET_HOURS;
  return settings.quietHoursEnabled ? { start: settings.quietStart, end: settings.quietEnd } : null;
}

/**
 * Where to reach a person on a channel. A member's contact details (which they keep current
 * themselves) come first, then the sign-in account's; officers have only the account.
 */
export function addressOf(recipient: Recipient, channel: 'email' | 'sms'): string | null {
  if (channel === 'email') return recipient.member?.email ?? recipient.email;
  return recipient.member?.phone ?? recipient.phoneNumber ?? null;
}

/** Where a person manages their notifications: the console for officers, else the PWA. */
export function preferencesPath(recipient: { kind: string }): string {
  return recipient.kind === 'OFFICER' ? '/admin/notifications/settings' : '/notifications/settings';
}

/** Where a person's notification centre is: the console's for officers, else the PWA's. */
export function centrePath(recipient: { kind: string }): string {
  return recipient.kind === 'OFFICER' ? '/admin/notifications' : '/notifications';
}

export function absolute(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

/**
 * Sends a notification on push, email and SMS, per the recipient's preferences and quiet
 * hours, and records one NotificationDelivery per channel. Idempotent: a channel already sent
 * or skipped is never tried again, so a retry after one channel failed sends only that one.
 * A channel inside quiet hours is recorded as deferred, with a `notification.due` event at the
 * end of the quiet period, which runs this again (a deferral is held, never dropped). A provider failure is recorded and then
 * thrown, so the runner retries with backoff.
 *
 * Sending and recording are two steps: a crash between them sends that channel again on the
 * retry (at least once, never silently lost), which is the trade every outbox makes.
 */
export async function deliverNotification(
  deps: DeliveryDeps,
  notificationId: string,
  now: Date = new Date(),
): Promise<void> {
  const { prisma } = deps;
  const notification = await prisma.notification.findUnique({
    where: { id: notificationId },
    select: {
      id: true,
      category: true,
      template: true,
      params: true,
      link: true,
      user: { select: RECIPIENT_SELECT },
      deliveries: { select: { channel: true, status: true } },
    },
  });
  // Gone with its recipient (an erased account): nothing to send.
  if (!notification) return;
  const recipient = notification.user;
  const category = ZNotificationCategory.parse(notification.category);
  const locale = ZLocale.catch('zh-CN').parse(recipient.notificationSettings?.language);
  const text = renderNotification(notification.template, notification.params, locale);
  const link = notification.link ? absolute(deps.publicUrl, notification.link) : null;

  const failures: string[] = [];
  for (const channel of OUTBOUND_CHANNELS) {
    const previous = notification.deliveries.find((row) => row.channel === channel);
    // A deferred channel is looked at again: if quiet hours were switched off or moved
    // meanwhile it goes now, and if it is still quiet it stays deferred to the same moment
    // (the same `notification.due` key, so no second wake-up call).
    if (previous?.status === 'sent' || previous?.status === 'skipped') continue;
    const outcome = await deliverOn(channel, {
      deps,
      recipient,
      category,
      locale,
      text,
      link,
      notificationId,
      now,
    });
    await record(prisma, notificationId, channel, outcome, now);
    if (outcome.status === 'failed') failures.push(`${channel}: ${outcome.detail}`);
  }
  if (failures.length > 0) {
    throw new Error(`notification ${notificationId} not delivered on ${failures.join('; ')}`);
  }
}

interface ChannelContext {
  deps: DeliveryDeps;
  recipient: Recipient;
  category: TNotificationCategory;
  locale: TLocale;
  text: RenderedText;
  link: string | null;
  notificationId: string;
  now: Date;
}

async function deliverOn(channel: OutboundChannel, context: ChannelContext): Promise<Outcome> {
  const { recipient, category, now } = context;
  if (recipient.disabledAt) return { status: 'skipped', reason: 'account_disabled' };
  if (!channelEnabled(recipient.notificationPreferences, category, channel))
    return { status: 'skipped', reason: 'preference_off' };

  if (channel === 'push') {
    const subscriptions = await context.deps.prisma.pushSubscription.count({
      where: { userId: recipient.id },
    });
    if (subscriptions === 0) return { status: 'skipped', reason: 'no_address' };
  } else if (!addressOf(recipient, channel)) {
    return { status: 'skipped', reason: 'no_address' };
  }

  if (WAITS_FOR_QUIET_HOURS.has(channel)) {
    const until = quietHoursEnd(now, quietHoursOf(recipient));
    if (until) return { status: 'deferred', until };
  }

  try {
    if (channel === 'push') return await sendPush(context);
    if (channel === 'email') {
      await sendEmail(context);
      return { status: 'sent' };
    }
    await sendSms(context);
    return { status: 'sent' };
  } catch (error) {
    return { status: 'failed', detail: errorText(error) };
  }
}

/**
 * Push goes to each of the person's browsers. Subscriptions the push service calls gone are
 * deleted. One browser reached is enough: push is a nudge to open the app, so a browser that
 * keeps failing does not make the others get it twice on a retry.
 */
async function sendPush({ deps, recipient, text, link, notificationId }: ChannelContext) {
  const subscriptions = await deps.prisma.pushSubscription.findMany({
    where: { userId: recipient.id },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
  // What the service worker shows; `url` opens when the notification is tapped.
  const payload = JSON.stringify({
    id: notificationId,
    title: text.title,
    body: text.body,
    url: link,
  });
  let delivered = 0;
  const errors: string[] = [];
  for (const subscription of subscriptions) {
    try {
      const answer = await deps.channels.push.send({
        subscription: {
          endpoint: subscription.endpoint,
          keys: { p256dh: subscription.p256dh, auth: subscription.auth },
        },
        payload,
        ttlSeconds: PUSH_TTL_SECONDS,
      });
      if (answer.gone) {
        await deps.prisma.pushSubscription.deleteMany({ where: { id: subscription.id } });
      } else {
        delivered += 1;
        await deps.prisma.pushSubscription.updateMany({
          where: { id: subscription.id },
          data: { lastUsedAt: new Date() },
        });
      }
    } catch (error) {
      errors.push(errorText(error));
    }
  }
  if (delivered > 0) return { status: 'sent' } as const;
  if (errors.length > 0) throw new Error(errors.join('; '));
  return { status: 'skipped', reason: 'gone' } as const;
}

async function sendEmail({ deps, recipient, category, locale, text, link }: ChannelContext) {
  const to = addressOf(recipient, 'email');
  if (!to) return;
  const unsubscribeUrl = isChannelLocked(category, 'email')
    ? null
    : absolute(
        deps.publicUrl,
        `/api/notifications/unsubscribe?token=${deps.unsubscribeTokens.sign({ userId: recipient.id, category })}`,
      );
  const preferencesUrl = absolute(deps.publicUrl, preferencesPath(recipient));
  await deps.channels.email.send(
    renderEmail({ to, locale, category, text, link, preferencesUrl, unsubscribeUrl }),
  );
}

async function sendSms({ deps, recipient, locale, text, link }: ChannelContext) {
  const to = addressOf(recipient, 'sms');
  if (!to) return;
  const separator = locale === 'zh-CN' ? '：' : ': ';
  await deps.channels.sms.send({
    to,
    text: `${text.title}${separator}${text.body}${link ? ` ${link}` : ''}`,
  });
}

async function record(
  prisma: PrismaClient,
  notificationId: string,
  channel: OutboundChannel,
  outcome: Outcome,
  now: Date,
): Promise<void> {
  const fields = {
    status: outcome.status,
    reason:
      outcome.status === 'skipped'
        ? outcome.reason
        : outcome.status === 'deferred'
          ? 'quiet_hours'
          : outcome.status === 'failed'
            ? 'provider_error'
            : null,
    detail: outcome.status === 'failed' ? outcome.detail : null,
    deferredUntil: outcome.status === 'deferred' ? outcome.until : null,
    at: now,
  };
  const attempted = outcome.status === 'sent' || outcome.status === 'failed' ? 1 : 0;
  const write = (tx: Prisma.TransactionClient) =>
    tx.notificationDelivery.upsert({
      where: { notificationId_channel: { notificationId, channel } },
      create: { notificationId, channel, ...fields, attempts: attempted },
      update: { ...fields, attempts: { increment: attempted } },
    });
  if (outcome.status !== 'deferred') {
    await write(prisma);
    return;
  }
  // The deferral and the event that ends it commit together: a deferred channel always has
  // its wake-up call. Push and SMS deferred to the same moment share one event.
  await prisma.$transaction(async (tx) => {
    await write(tx);
    await emitEvent(
      tx,
      'notification.due',
      { notificationId },
      {
        key: `notification.due:${notificationId}@${outcome.until.toISOString()}`,
        availableAt: outcome.until,
      },
    );
  });
}

import {
  createSmtpEmailSender,
  createWebhookSmsSender,
  createWebPushSender,
  unconfiguredEmail,
  unconfiguredSms,
  type Channels,
  type DevOutbox,
  type SmtpOptions,
  type VapidKeys,
} from '@unionhall/api';

export interface ChannelOptions {
  smtp?: SmtpOptions;
  smsWebhook?: { url: string; token: string };
  vapid: VapidKeys;
  /** Send push to browsers' push services; otherwise push goes to the dev outbox. */
  sendPush: boolean;
  /** Development only: where a channel without a provider records what it would send. */
  outbox?: DevOutbox;
}

export interface BuiltChannels {
  channels: Channels;
  /** Which adapter serves each channel, for the start-up log. */
  adapters: Record<keyof Channels, string>;
  close(): void;
}

/**
 * Picks an adapter for each notification channel. A configured provider always wins; without
 * one, development records into the dev outbox and production refuses to send (a failed job,
 * logged), so nothing is silently dropped and no code ever lands in a production log.
 */
export function buildChannels(options: ChannelOptions): BuiltChannels {
  const smtp = options.smtp ? createSmtpEmailSender(options.smtp) : undefined;
  const email = smtp ?? options.outbox?.channels.email ?? unconfiguredEmail;
  const sms = options.smsWebhook
    ? createWebhookSmsSender(options.smsWebhook)
    : (options.outbox?.channels.sms ?? unconfiguredSms);
  const outboxPush = options.sendPush ? undefined : options.outbox?.channels.push;
  const push = outboxPush ?? createWebPushSender({ vapid: options.vapid });
  const source = (configured: boolean, name: string) =>
    configured ? name : options.outbox ? 'dev outbox' : 'not configured';
  return {
    channels: { email, sms, push },
    adapters: {
      email: source(Boolean(smtp), 'SMTP'),
      sms: source(Boolean(options.smsWebhook), 'SMS webhook'),
      push: outboxPush ? 'dev outbox' : 'web push',
    },
    close() {
      smtp?.close();
    },
  };
}

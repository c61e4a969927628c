/**
 * The ports through which notifications leave the system. Email (SMTP), SMS and web push
 * providers are third parties: production plugs real adapters in, development and tests a
 * recording adapter that keeps what would have been sent (the console's dev outbox).
 */

export interface EmailMessage {
  to: string;
  subject: string;
  /** The plain-text part (always sent). */
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
}

export interface SmsMessage {
  /** E.164, e.g. +8613800138000. */
  to: string;
  text: string;
}

export interface PushSubscriptionKeys {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushMessage {
  subscription: PushSubscriptionKeys;
  /** JSON the service worker shows: title, body, link. */
  payload: string;
  ttlSeconds: number;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

export interface PushSender {
  /** `gone`: the push service says the subscription no longer exists (prune it). */
  send(message: PushMessage): Promise<{ gone: boolean }>;
}

export interface Channels {
  email: EmailSender;
  sms: SmsSender;
  push: PushSender;
}

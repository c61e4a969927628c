import type { Channels, EmailMessage, PushMessage, SmsMessage } from '../notifications/channels';

export type SentMessage =
  | { channel: 'email'; to: string; message: EmailMessage }
  | { channel: 'sms'; to: string; message: SmsMessage }
  | { channel: 'push'; to: string; message: PushMessage };

/**
 * The test double of the third-party senders (SMTP, SMS, web push) behind the `Channels`
 * ports: it keeps what would have been sent, and can be told to fail or to answer that a
 * push subscription is gone, as the real providers do.
 */
export interface RecordingChannels {
  channels: Channels;
  sent: SentMessage[];
  /** The next `times` sends on the channel throw, as a provider outage would. */
  failNext(channel: SentMessage['channel'], times: number): void;
  /** Push endpoints the push service answers as gone (404/410). */
  gone: Set<string>;
  /** Messages sent to one address (email, E.164 phone or push endpoint). */
  sentTo(to: string): SentMessage[];
  clear(): void;
}

export function createRecordingChannels(): RecordingChannels {
  const sent: SentMessage[] = [];
  const failures = new Map<SentMessage['channel'], number>();
  const gone = new Set<string>();
  const maybeFail = (channel: SentMessage['channel']) => {
    const left = failures.get(channel) ?? 0;
    if (left > 0) {
      failures.set(channel, left - 1);
      throw new Error(`${channel} provider unavailable`);
    }
  };
  return {
    sent,
    gone,
    failNext(channel, times) {
      failures.set(channel, times);
    },
    sentTo(to) {
      return sent.filter((entry) => entry.to === to);
    },
    clear() {
      sent.length = 0;
      failures.clear();
      gone.clear();
    },
    channels: {
      email: {
        async send(message) {
          maybeFail('email');
          sent.push({ channel: 'email', to: message.to, message });
        },
      },
      sms: {
        async send(message) {
          maybeFail('sms');
          sent.push({ channel: 'sms', to: message.to, message });
        },
      },
      push: {
        async send(message) {
          maybeFail('push');
          if (gone.has(message.subscription.endpoint)) return { gone: true };
          sent.push({ channel: 'push', to: message.subscription.endpoint, message });
          return { gone: false };
        },
      },
    },
  };
}

import { outgoingCodeOf, sendCode, type CodeSender, type OutgoingCode } from '../auth/messages';
import type {
  Channels,
  EmailMessage,
  EmailSender,
  PushMessage,
  PushSender,
  SmsMessage,
  SmsSender,
} from './channels';

interface EntryBase {
  /** Increasing, so a page can tell new entries from the ones it has shown. */
  id: number;
  /** The address, the number, or for push the subscription's endpoint. */
  to: string;
  sentAt: Date;
  /** For sign-in codes and reset links: what the code is for (`sign-in`, `reset-password`). */
  purpose?: string;
  code?: string;
  /** A reset link, or the page a push notification opens. */
  link?: string;
}

export type DevOutboxEntry =
  | (EntryBase & {
      channel: 'email';
      subject: string;
      text: string;
      html: string;
      headers: Record<string, string>;
    })
  | (EntryBase & { channel: 'sms'; text: string })
  | (EntryBase & {
      channel: 'push';
      /** The JSON the service worker would receive, as sent. */
      payload: string;
      title?: string;
      body?: string;
      ttlSeconds: number;
    });

/** Distributes Omit over the union, so each channel keeps its own fields. */
type NewEntry = DevOutboxEntry extends infer E
  ? E extends DevOutboxEntry
    ? Omit<E, 'id' | 'sentAt'>
    : never
  : never;

function codeFields(message: EmailMessage | SmsMessage) {
  const outgoing: OutgoingCode | undefined = outgoingCodeOf(message);
  if (!outgoing) return {};
  return {
    purpose: outgoing.purpose,
    ...(outgoing.code ? { code: outgoing.code } : {}),
    ...(outgoing.link ? { link: outgoing.link } : {}),
  };
}

function stringField(value: unknown, name: string): string | undefined {
  const field: unknown =
    typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
  return typeof field === 'string' ? field : undefined;
}

/** Title, body and link of a push payload, when it is the JSON the service worker reads. */
function pushFields(payload: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return {};
  }
  const title = stringField(parsed, 'title');
  const body = stringField(parsed, 'body');
  const link = stringField(parsed, 'link');
  return { ...(title ? { title } : {}), ...(body ? { body } : {}), ...(link ? { link } : {}) };
}

/**
 * Development and tests: every email, text message and push notification that would have left
 * the system, kept in memory (bounded, newest last) and reported to a callback (the log). Its
 * `channels` are recording adapters for the notification ports; as a `CodeSender` it composes
 * sign-in codes and reset links through those same adapters. The server shows the list at
 * GET /api/dev/outbox and the console at /admin/dev/outbox, never in production.
 */
export class DevOutbox implements CodeSender {
  private readonly entries: DevOutboxEntry[] = [];
  private nextId = 1;
  readonly channels: Channels;

  constructor(
    private readonly onMessage: (entry: DevOutboxEntry) => void = () => {},
    private readonly capacity = 200,
  ) {
    const email: EmailSender = {
      send: async (message) => {
        this.record({
          channel: 'email',
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: { ...message.headers },
          ...codeFields(message),
        });
      },
    };
    const sms: SmsSender = {
      send: async (message) => {
        this.record({ channel: 'sms', to: message.to, text: message.text, ...codeFields(message) });
      },
    };
    const push: PushSender = {
      send: async (message: PushMessage) => {
        this.record({
          channel: 'push',
          to: message.subscription.endpoint,
          payload: message.payload,
          ttlSeconds: message.ttlSeconds,
          ...pushFields(message.payload),
        });
        return { gone: false };
      },
    };
    this.channels = { email, sms, push };
  }

  private record(entry: NewEntry): void {
    const recorded: DevOutboxEntry = { ...entry, id: this.nextId++, sentAt: new Date() };
    this.entries.push(recorded);
    if (this.entries.length > this.capacity) this.entries.shift();
    this.onMessage(recorded);
  }

  /** A code or reset link, composed and recorded like the server's code sender would send it. */
  async send(message: OutgoingCode): Promise<void> {
    await sendCode(this.channels, message);
  }

  /** Newest first. */
  list(): DevOutboxEntry[] {
    return [...this.entries].reverse();
  }

  /** The newest code sent to `to`, for tests. */
  lastCodeFor(to: string): string | undefined {
    return this.list().find((entry) => entry.to === to && entry.code)?.code;
  }

  /** The newest link sent to `to` (password reset), for tests. */
  lastLinkFor(to: string): string | undefined {
    return this.list().find((entry) => entry.to === to && entry.purpose && entry.link)?.link;
  }
}

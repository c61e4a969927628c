import { useQuery } from '@tanstack/react-query';

export const OUTBOX_CHANNELS = ['email', 'sms', 'push'] as const;
export type TOutboxChannel = (typeof OUTBOX_CHANNELS)[number];

interface OutboxBase {
  id: number;
  to: string;
  sentAt: Date;
  /** Sign-in codes and reset links: what the code is for. */
  purpose?: string;
  code?: string;
  /** A reset link, or the page a push notification opens. */
  link?: string;
}

/** What the development server would have sent (GET /api/dev/outbox). */
export type TOutboxMessage =
  | (OutboxBase & {
      channel: 'email';
      subject: string;
      text: string;
      html: string;
      headers: Record<string, string>;
    })
  | (OutboxBase & { channel: 'sms'; text: string })
  | (OutboxBase & {
      channel: 'push';
      payload: string;
      title?: string;
      body?: string;
      ttlSeconds?: number;
    });

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
}

function text(value: unknown, name: string): string | undefined {
  const found = field(value, name);
  return typeof found === 'string' ? found : undefined;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function isChannel(value: string | undefined): value is TOutboxChannel {
  return OUTBOX_CHANNELS.some((channel) => channel === value);
}

function toMessage(value: unknown, index: number): TOutboxMessage | null {
  const channel = text(value, 'channel');
  const to = text(value, 'to');
  const sentAt = new Date(text(value, 'sentAt') ?? Number.NaN);
  if (!isChannel(channel) || !to || Number.isNaN(sentAt.getTime())) return null;
  const id = field(value, 'id');
  const purpose = text(value, 'purpose');
  const code = text(value, 'code');
  const link = text(value, 'link');
  const base: OutboxBase = {
    // Servers before the channels had no ids; the position keeps keys unique then.
    id: typeof id === 'number' ? id : -index,
    to,
    sentAt,
    ...(purpose ? { purpose } : {}),
    ...(code ? { code } : {}),
    ...(link ? { link } : {}),
  };
  if (channel === 'email') {
    return {
      ...base,
      channel,
      subject: text(value, 'subject') ?? '',
      text: text(value, 'text') ?? '',
      html: text(value, 'html') ?? '',
      headers: stringRecord(field(value, 'headers')),
    };
  }
  if (channel === 'sms') return { ...base, channel, text: text(value, 'text') ?? '' };
  const title = text(value, 'title');
  const body = text(value, 'body');
  const ttl = field(value, 'ttlSeconds');
  return {
    ...base,
    channel,
    payload: text(value, 'payload') ?? '',
    ...(title ? { title } : {}),
    ...(body ? { body } : {}),
    ...(typeof ttl === 'number' ? { ttlSeconds: ttl } : {}),
  };
}

/** The messages, newest first; null when this server has no dev outbox (production). */
async function fetchOutbox(): Promise<TOutboxMessage[] | null> {
  const response = await fetch('/api/dev/outbox', { headers: { accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`dev outbox answered ${response.status}`);
  const body: unknown = await response.json();
  const messages = field(body, 'messages');
  if (!Array.isArray(messages)) throw new Error('dev outbox answered without messages');
  return messages.map(toMessage).filter((message) => message !== null);
}

export function useDevOutbox(options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: ['dev-outbox'],
    queryFn: fetchOutbox,
    retry: false,
    ...(options.poll ? { refetchInterval: 3000 } : { staleTime: Number.POSITIVE_INFINITY }),
  });
}

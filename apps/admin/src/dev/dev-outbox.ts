import { useQuery } from '@tanstack/react-query';

/** What the development server would have sent by email or SMS (GET /api/dev/outbox). */
export interface TOutboxMessage {
  channel: 'email' | 'sms';
  to: string;
  purpose: string;
  code?: string;
  link?: string;
  sentAt: Date;
}

function text(value: unknown, name: string): string | undefined {
  const field: unknown =
    typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
  return typeof field === 'string' ? field : undefined;
}

function toMessage(value: unknown): TOutboxMessage | null {
  const channel = text(value, 'channel');
  const to = text(value, 'to');
  const sentAt = new Date(text(value, 'sentAt') ?? Number.NaN);
  if ((channel !== 'email' && channel !== 'sms') || !to || Number.isNaN(sentAt.getTime())) {
    return null;
  }
  const code = text(value, 'code');
  const link = text(value, 'link');
  return {
    channel,
    to,
    purpose: text(value, 'purpose') ?? '',
    ...(code ? { code } : {}),
    ...(link ? { link } : {}),
    sentAt,
  };
}

/** The messages, newest first; null when this server has no dev outbox (production). */
async function fetchOutbox(): Promise<TOutboxMessage[] | null> {
  const response = await fetch('/api/dev/outbox', { headers: { accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`dev outbox answered ${response.status}`);
  const body: unknown = await response.json();
  const messages: unknown =
    typeof body === 'object' && body !== null ? Reflect.get(body, 'messages') : null;
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

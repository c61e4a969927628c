import { formatEventSpan, type TEventState, type TLocale } from '@unionhall/domain';

export const EVENT_STATE_TONE: Record<TEventState, string> = {
  DRAFT: 'uh-badge--neutral',
  PUBLISHED: 'uh-badge--success',
  CANCELLED: 'uh-badge--danger',
};

/** An event's start and end as the console shows them: Beijing time, in the reader's language. */
export function eventSpan(event: { startsAt: Date; endsAt: Date }, locale: TLocale) {
  return { span: formatEventSpan(event.startsAt, event.endsAt, locale) };
}

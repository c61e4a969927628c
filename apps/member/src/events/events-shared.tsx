import {
  EVENT_KIND_LABELS,
  formatEventSpan,
  formatEventTime,
  type TMemberEvent,
} from '@unionhall/domain';
import { currentLocale } from '@unionhall/ui';
import { useTranslation } from 'react-i18next';
import { addTexts } from '../i18n';
import { eventsEn } from '../i18n/events.en';
import { eventsZhCN } from '../i18n/events.zh-CN';
import './events.css';

// The events screens' texts travel with their code, not with the first download.
addTexts('events', { 'zh-CN': eventsZhCN, en: eventsEn });

/** Event times as the member's language writes them, always in Beijing time. */
export function useEventText() {
  const { i18n } = useTranslation('events');
  const locale = currentLocale(i18n);
  return {
    time: (date: Date) => formatEventTime(date, locale),
    span: (event: Pick<TMemberEvent, 'startsAt' | 'endsAt'>) =>
      formatEventSpan(event.startsAt, event.endsAt, locale),
    kind: (event: Pick<TMemberEvent, 'kind'>) => EVENT_KIND_LABELS[event.kind][locale],
  };
}

/** The badges of an event in the list and on its page. */
export function EventBadges({ event }: { event: TMemberEvent }) {
  const { t } = useTranslation('events');
  const text = useEventText();
  return (
    <span className="event-badges">
      <span className="uh-badge uh-badge--neutral">{text.kind(event)}</span>
      {event.state === 'CANCELLED' ? (
        <span className="uh-badge uh-badge--danger">{t('cancelledBadge')}</span>
      ) : event.mySignUpAt ? (
        <span className="uh-badge uh-badge--success">{t('signedUpBadge')}</span>
      ) : event.signUpRefusal === 'FULL' ? (
        <span className="uh-badge uh-badge--warning">{t('fullBadge')}</span>
      ) : event.signUpRefusal === 'CLOSED' ? (
        <span className="uh-badge uh-badge--warning">{t('closedBadge')}</span>
      ) : null}
    </span>
  );
}

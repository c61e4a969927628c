import { Alert } from '@unionhall/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDevOutbox } from './dev-outbox';
import './dev-outbox.css';

/**
 * Development only: the codes and links that would have gone out by email or SMS, so a
 * developer or a demo user can sign in as a member or reset a password without real senders.
 * Reachable signed out, because that is exactly when one needs a code or a reset link.
 */
export function DevOutboxPage() {
  const { t, i18n } = useTranslation();
  const outbox = useDevOutbox({ poll: true });

  useEffect(() => {
    document.title = `${t('devOutbox.title')} · ${t('title')}`;
  }, [t]);

  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <section className="page" aria-labelledby="dev-outbox-title">
      <header className="page__header">
        <div>
          <h1 id="dev-outbox-title">{t('devOutbox.title')}</h1>
          <p className="page__intro">{t('devOutbox.intro')}</p>
        </div>
      </header>
      {outbox.isPending ? <p className="page__status">{t('devOutbox.loading')}</p> : null}
      {outbox.isError ? <Alert tone="error">{t('devOutbox.error')}</Alert> : null}
      {outbox.data === null ? <Alert tone="info">{t('devOutbox.unavailable')}</Alert> : null}
      {outbox.data?.length === 0 ? <p className="page__status">{t('devOutbox.empty')}</p> : null}
      {outbox.data?.length ? (
        <ol className="dev-outbox" aria-label={t('devOutbox.listLabel')}>
          {outbox.data.map((message, index) => (
            <li key={`${message.sentAt.toISOString()}-${index}`} className="dev-outbox__item">
              <p className="dev-outbox__meta">
                <span className="dev-outbox__channel">
                  {t(`devOutbox.channel.${message.channel}`)}
                </span>
                <time dateTime={message.sentAt.toISOString()}>{time.format(message.sentAt)}</time>
              </p>
              <p>
                {t('devOutbox.to')} <strong>{message.to}</strong> · {t('devOutbox.purpose')}{' '}
                {message.purpose}
              </p>
              {message.code ? (
                <p>
                  {t('devOutbox.code')} <code className="dev-outbox__code">{message.code}</code>
                </p>
              ) : null}
              {message.link ? (
                <p>
                  <a href={message.link}>{t('devOutbox.openLink')}</a>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

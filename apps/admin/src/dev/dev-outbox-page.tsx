import { Alert } from '@unionhall/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  OUTBOX_CHANNELS,
  useDevOutbox,
  type TOutboxChannel,
  type TOutboxMessage,
} from './dev-outbox';
import './dev-outbox.css';

function channelFilter(value: string | null): TOutboxChannel | null {
  return OUTBOX_CHANNELS.find((channel) => channel === value) ?? null;
}

/** A push endpoint is a long capability URL; its host says which push service it is. */
function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

function CodeAndLink({ message }: { message: TOutboxMessage }) {
  const { t } = useTranslation();
  return (
    <>
      {message.code ? (
        <p>
          {t('devOutbox.code')} <code className="dev-outbox__code">{message.code}</code>
        </p>
      ) : null}
      {message.link && message.purpose ? (
        <p>
          <a href={message.link}>{t('devOutbox.openLink')}</a>
        </p>
      ) : null}
    </>
  );
}

function EmailDetails({ message }: { message: Extract<TOutboxMessage, { channel: 'email' }> }) {
  const { t } = useTranslation();
  const headers = Object.entries(message.headers);
  return (
    <>
      <p className="dev-outbox__subject">
        {t('devOutbox.subject')} <strong>{message.subject}</strong>
      </p>
      <CodeAndLink message={message} />
      {headers.length ? (
        <dl className="dev-outbox__headers" aria-label={t('devOutbox.headers')}>
          {headers.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <details>
        <summary>{t('devOutbox.showText')}</summary>
        <pre className="dev-outbox__body">{message.text}</pre>
      </details>
      <details>
        <summary>{t('devOutbox.showHtml')}</summary>
        <pre className="dev-outbox__body">{message.html}</pre>
      </details>
    </>
  );
}

function PushDetails({ message }: { message: Extract<TOutboxMessage, { channel: 'push' }> }) {
  const { t } = useTranslation();
  return (
    <>
      {message.title ? (
        <p className="dev-outbox__subject">
          <strong>{message.title}</strong>
        </p>
      ) : null}
      {message.body ? <p>{message.body}</p> : null}
      {message.link ? (
        <p>
          {t('devOutbox.opens')} <span className="dev-outbox__path">{message.link}</span>
        </p>
      ) : null}
      {message.title === undefined ? (
        <pre className="dev-outbox__body">{message.payload}</pre>
      ) : null}
    </>
  );
}

/**
 * Development only: everything that would have gone out by email, SMS or web push (sign-in
 * codes, reset links, notifications), so a developer or a demo user can sign in, reset a
 * password and see notifications without real providers. Reachable signed out, because that is
 * exactly when one needs a code or a reset link. The channel filter lives in the address
 * (`?channel=push`), so a reload or a shared link keeps it.
 */
export function DevOutboxPage() {
  const { t, i18n } = useTranslation();
  const outbox = useDevOutbox({ poll: true });
  const [searchParams, setSearchParams] = useSearchParams();
  const selected = channelFilter(searchParams.get('channel'));

  useEffect(() => {
    document.title = `${t('devOutbox.title')} · ${t('title')}`;
  }, [t]);

  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  const all = outbox.data ?? [];
  const shown = selected ? all.filter((message) => message.channel === selected) : all;
  const count = (channel: TOutboxChannel) =>
    all.filter((message) => message.channel === channel).length;
  const choose = (channel: TOutboxChannel | null) =>
    setSearchParams(channel ? { channel } : {}, { replace: true });

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
      {outbox.data ? (
        <div className="dev-outbox__filter" role="group" aria-label={t('devOutbox.filterLabel')}>
          <button
            type="button"
            className="dev-outbox__tab"
            aria-pressed={selected === null}
            onClick={() => choose(null)}
          >
            {t('devOutbox.filter', { label: t('devOutbox.all'), count: all.length })}
          </button>
          {OUTBOX_CHANNELS.map((channel) => (
            <button
              key={channel}
              type="button"
              className="dev-outbox__tab"
              aria-pressed={selected === channel}
              onClick={() => choose(channel)}
            >
              {t('devOutbox.filter', {
                label: t(`devOutbox.channel.${channel}`),
                count: count(channel),
              })}
            </button>
          ))}
        </div>
      ) : null}
      {outbox.data && shown.length === 0 ? (
        <p className="page__status">
          {selected ? t('devOutbox.emptyChannel') : t('devOutbox.empty')}
        </p>
      ) : null}
      {shown.length ? (
        <ol className="dev-outbox" aria-label={t('devOutbox.listLabel')}>
          {shown.map((message) => (
            <li key={message.id} className="dev-outbox__item">
              <p className="dev-outbox__meta">
                <span className={`dev-outbox__channel dev-outbox__channel--${message.channel}`}>
                  {t(`devOutbox.channel.${message.channel}`)}
                </span>
                <time dateTime={message.sentAt.toISOString()}>{time.format(message.sentAt)}</time>
              </p>
              {message.channel === 'push' ? (
                <p>
                  {t('devOutbox.device')} <strong>{endpointHost(message.to)}</strong>
                </p>
              ) : (
                <p>
                  {t('devOutbox.to')} <strong>{message.to}</strong>
                  {message.purpose ? (
                    <>
                      {' '}
                      · {t('devOutbox.purpose')} {message.purpose}
                    </>
                  ) : null}
                </p>
              )}
              {message.channel === 'email' ? <EmailDetails message={message} /> : null}
              {message.channel === 'sms' ? (
                <>
                  <p className="dev-outbox__sms">{message.text}</p>
                  <CodeAndLink message={message} />
                </>
              ) : null}
              {message.channel === 'push' ? <PushDetails message={message} /> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

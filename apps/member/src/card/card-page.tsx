import { useQuery } from '@tanstack/react-query';
import type { TMemberStatus } from '@unionhall/domain';
import { Alert, Button, currentLocale, readApiError, useOnlineStatus } from '@unionhall/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../trpc';
import { QrCode } from './qr-code';
import './card.css';

/**
 * The digital member card: who the member is and a QR code an officer scans. The card is
 * kept on the device (query-persistence.ts) so it shows without the network; the code stays
 * verifiable offline until it expires, and opening the card online signs a fresh one.
 */
export default function CardPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const online = useOnlineStatus();
  const card = useQuery(trpc.member.membership.card.queryOptions());
  const [showText, setShowText] = useState(false);
  // When the page opened: a saved card past its expiry says so (a reload checks again).
  const [openedAt] = useState(() => Date.now());
  const tokenId = useId();
  const locale = currentLocale(i18n);

  const heading = (
    <h1 id="card-heading" className="member-card__title">
      {t('card.heading')}
    </h1>
  );

  if (card.data === undefined) {
    if (card.isPending && card.fetchStatus === 'fetching') {
      return <p role="status">{t('common:status.loading')}</p>;
    }
    const error = card.error ? readApiError(card.error, t('common:errors.network')) : null;
    if (error?.appCode === 'UNAUTHENTICATED') {
      return (
        <section className="card" aria-labelledby="card-heading">
          {heading}
          <p>{t('card.signedOut')}</p>
          <Link className="uh-button uh-button--primary" to="/sign-in">
            {t('account.signIn')}
          </Link>
        </section>
      );
    }
    return (
      <section className="card" aria-labelledby="card-heading">
        {heading}
        {online ? (
          <Alert
            tone="error"
            title={t('card.loadError')}
            action={
              <Button size="sm" onClick={() => void card.refetch()}>
                {t('common:actions.retry')}
              </Button>
            }
          >
            {error?.message}
          </Alert>
        ) : (
          <Alert tone="warning">{t('card.offlineNoCard')}</Alert>
        )}
      </section>
    );
  }

  if (card.data === null) {
    return (
      <section className="card" aria-labelledby="card-heading">
        {heading}
        <p>{t('card.none')}</p>
      </section>
    );
  }

  const data = card.data;
  const date = (value: Date) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(value);
  const savedAt = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(card.dataUpdatedAt);
  const expired = data.expiresAt.getTime() <= openedAt;
  const statusLabel = (status: TMemberStatus) => t(`card.status.${status}`);

  return (
    <div className="member-card-page">
      {!online ? <Alert tone="warning">{t('card.offline', { time: savedAt })}</Alert> : null}
      {expired ? <Alert tone="error">{t('card.expired')}</Alert> : null}
      <section className="member-card" aria-labelledby="card-heading" data-testid="member-card">
        <header className="member-card__header">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <div>
            <p className="member-card__product">{t('common:product.name')}</p>
            {heading}
          </div>
        </header>
        <p className="member-card__name">{data.name}</p>
        <dl className="member-card__facts">
          <div>
            <dt>{t('card.memberNumber')}</dt>
            <dd className="member-card__number">{data.memberNumber}</dd>
          </div>
          <div>
            <dt>{t('card.unit')}</dt>
            <dd>{data.unitName}</dd>
          </div>
          <div>
            <dt>{t('card.statusLabel')}</dt>
            <dd>
              <span className="member-card__status">{statusLabel(data.status)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('card.validUntil')}</dt>
            <dd>{date(data.expiresAt)}</dd>
          </div>
        </dl>
        <figure className="member-card__qr">
          <QrCode value={data.token} label={t('card.qrLabel')} className="member-card__qr-image" />
          <figcaption>{t('card.qrHint')}</figcaption>
        </figure>
      </section>
      <section className="card member-card__text" aria-labelledby={`${tokenId}-heading`}>
        <h2 id={`${tokenId}-heading`}>{t('card.textHeading')}</h2>
        <p>{t('card.textHint')}</p>
        <Button
          aria-expanded={showText}
          aria-controls={tokenId}
          onClick={() => setShowText(!showText)}
        >
          {showText ? t('card.hideText') : t('card.showText')}
        </Button>
        {showText ? (
          <textarea
            id={tokenId}
            className="member-card__token"
            readOnly
            rows={6}
            aria-label={t('card.tokenLabel')}
            value={data.token}
            data-testid="card-token"
            onFocus={(event) => event.currentTarget.select()}
          />
        ) : null}
      </section>
    </div>
  );
}

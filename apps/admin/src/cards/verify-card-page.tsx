import { useQuery } from '@tanstack/react-query';
import type { TCardVerification, TMemberStatus } from '@unionhall/domain';
import {
  Alert,
  Button,
  TextField,
  currentLocale,
  readApiError,
  useOnlineStatus,
} from '@unionhall/ui';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { CardScanner, canScan } from './card-scanner';
import { prefetchCardKeys, verifyCardOffline, type OfflineCheck } from './offline-verify';
import './verify-card.css';

function statusTone(status: TMemberStatus | null): string {
  return status === 'ACTIVE' ? 'uh-badge--success' : 'uh-badge--danger';
}

/** What the card itself says, once its signature holds. */
function CardFacts({
  facts,
}: {
  facts: {
    name: string | null;
    memberNumber: string | null;
    unitName: string | null;
    expiresAt: Date | null;
  };
}) {
  const { t, i18n } = useTranslation();
  const date = (value: Date) =>
    new Intl.DateTimeFormat(currentLocale(i18n), { dateStyle: 'medium' }).format(value);
  return (
    <dl className="verify-card__facts">
      <dt>{t('verifyCard.name')}</dt>
      <dd>{facts.name}</dd>
      <dt>{t('verifyCard.memberNumber')}</dt>
      <dd className="uh-code">{facts.memberNumber}</dd>
      <dt>{t('verifyCard.unit')}</dt>
      <dd>{facts.unitName}</dd>
      {facts.expiresAt ? (
        <>
          <dt>{t('verifyCard.validUntil')}</dt>
          <dd>{date(facts.expiresAt)}</dd>
        </>
      ) : null}
    </dl>
  );
}

function OfflineResult({ check }: { check: OfflineCheck | null }) {
  const { t } = useTranslation();
  if (!check) return <p role="status">{t('verifyCard.checking')}</p>;
  const claims = 'claims' in check ? check.claims : null;
  return (
    <div data-testid="offline-result" data-valid={String(check.ok)}>
      <p className="verify-card__verdict">
        <span className={`uh-badge ${check.ok ? 'uh-badge--success' : 'uh-badge--danger'}`}>
          {check.ok ? t('verifyCard.signatureValid') : t(`verifyCard.reason.${check.reason}`)}
        </span>
      </p>
      {claims ? (
        <>
          <CardFacts
            facts={{
              name: claims.name,
              memberNumber: claims.mno,
              unitName: claims.unit,
              expiresAt: new Date(claims.exp * 1000),
            }}
          />
          <p className="page__status">
            {t('verifyCard.statusAtIssue', { status: t(`verifyCard.status.${claims.st}`) })}
          </p>
        </>
      ) : null}
    </div>
  );
}

function OnlineResult({
  result,
  error,
  online,
}: {
  result: TCardVerification | undefined;
  error: unknown;
  online: boolean;
}) {
  const { t } = useTranslation();
  // A status fetched earlier is not the status now: offline, say it cannot be checked.
  if (!online) return <p role="status">{t('verifyCard.onlineOffline')}</p>;
  if (!result) {
    if (error) {
      return (
        <Alert tone="warning">{readApiError(error, t('verifyCard.onlineFailed')).message}</Alert>
      );
    }
    return <p role="status">{online ? t('verifyCard.checking') : t('verifyCard.onlineOffline')}</p>;
  }
  return (
    <div
      data-testid="online-result"
      data-valid={String(result.valid)}
      data-status={result.statusNow ?? ''}
    >
      <p className="verify-card__verdict">
        <span className={`uh-badge ${result.valid ? 'uh-badge--success' : 'uh-badge--danger'}`}>
          {result.valid
            ? t('verifyCard.genuine')
            : t(`verifyCard.reason.${result.reason ?? 'MALFORMED'}`)}
        </span>
      </p>
      {result.statusNow ? (
        <p className="verify-card__now">
          {t('verifyCard.statusNow')}{' '}
          <span className={`uh-badge ${statusTone(result.statusNow)}`}>
            {t(`verifyCard.status.${result.statusNow}`)}
          </span>
        </p>
      ) : null}
      {result.valid && result.statusNow !== 'ACTIVE' ? (
        <Alert tone="warning">{t('verifyCard.notActive')}</Alert>
      ) : null}
    </div>
  );
}

/**
 * Checks a member's card: the code from the camera or pasted as text, verified twice. Offline,
 * in this browser, against the union's public key (works without signal); online, against the
 * member's status right now (a card stays genuine after its holder is suspended).
 */
export function VerifyCardPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const online = useOnlineStatus();
  const [text, setText] = useState('');
  const [token, setToken] = useState<string | null>(null);
  const [offline, setOffline] = useState<OfflineCheck | null>(null);
  const [scanning, setScanning] = useState(false);
  const [scanner] = useState(canScan);

  useEffect(() => {
    prefetchCardKeys();
  }, []);

  const remote = useQuery({
    ...trpc.public.membership.verifyCard.queryOptions({ token: token ?? '' }),
    enabled: token !== null && online,
    retry: false,
    staleTime: 0,
  });

  const submit = useCallback((code: string) => {
    const trimmed = code.trim();
    if (!trimmed) return;
    setText(trimmed);
    setToken(trimmed);
    setOffline(null);
    setScanning(false);
    void verifyCardOffline(trimmed).then(setOffline);
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(text);
  };

  return (
    <section className="page verify-card" aria-labelledby="verify-card-title">
      <header className="page__header">
        <div>
          <h1 id="verify-card-title">{t('verifyCard.title')}</h1>
          <p className="page__intro">{t('verifyCard.intro')}</p>
        </div>
      </header>

      <form className="verify-card__form" onSubmit={onSubmit}>
        <TextField
          label={t('verifyCard.token')}
          description={t('verifyCard.tokenHint')}
          value={text}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <div className="page__tools">
          <Button type="submit" variant="primary" disabled={!text.trim()}>
            {t('verifyCard.verify')}
          </Button>
          {scanner && !scanning ? (
            <Button onClick={() => setScanning(true)}>{t('verifyCard.scan')}</Button>
          ) : null}
        </div>
      </form>
      {scanning ? <CardScanner onCode={submit} onClose={() => setScanning(false)} /> : null}

      {token ? (
        <div className="verify-card__results">
          <section className="verify-card__result" aria-labelledby="verify-offline-title">
            <h2 id="verify-offline-title">{t('verifyCard.offlineTitle')}</h2>
            <p className="page__status">{t('verifyCard.offlineHint')}</p>
            <OfflineResult check={offline} />
          </section>
          <section className="verify-card__result" aria-labelledby="verify-online-title">
            <h2 id="verify-online-title">{t('verifyCard.onlineTitle')}</h2>
            <p className="page__status">{t('verifyCard.onlineHint')}</p>
            <OnlineResult result={remote.data} error={remote.error} online={online} />
          </section>
        </div>
      ) : null}
    </section>
  );
}

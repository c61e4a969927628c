import { useQuery } from '@tanstack/react-query';
import type { TMemberStatus } from '@unionhall/domain';
import { Alert, Button, currentLocale, readApiError, useOnlineStatus } from '@unionhall/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { addTexts } from '../i18n';
import { membershipEn } from '../i18n/membership.en';
import { membershipZhCN } from '../i18n/membership.zh-CN';
import { forgetSubmitted } from '../join/join-draft';
import { ResignedNote, SelfServiceLinks } from '../self-service/self-service-links';
import { useTRPC } from '../trpc';

addTexts('membership', { 'zh-CN': membershipZhCN, en: membershipEn });

const STATUS_TONE: Record<TMemberStatus, string> = {
  APPLICANT: 'uh-badge--warning',
  ACTIVE: 'uh-badge--success',
  REJECTED: 'uh-badge--danger',
  LAPSED: 'uh-badge--neutral',
  SUSPENDED: 'uh-badge--danger',
  RESIGNED: 'uh-badge--neutral',
  DECEASED: 'uh-badge--neutral',
  MERGED: 'uh-badge--neutral',
};

/** History actions the catalogs name; anything newer falls back to the status it led to. */
const ACTIONS = [
  'APPLY',
  'APPROVE',
  'REJECT',
  'LAPSE',
  'SUSPEND',
  'REINSTATE',
  'RESIGN',
  'RECORD_DEATH',
  'MERGE_AWAY',
] as const;
type KnownAction = (typeof ACTIONS)[number];
const isKnownAction = (action: string): action is KnownAction =>
  (ACTIONS as readonly string[]).includes(action);

/**
 * The signed-in member's own record: where the application stands (or the membership),
 * the unit, the dates and number, and every change with its reason. Readable offline from
 * the saved copy (query-persistence.ts says when that copy is forgotten).
 */
export default function MembershipSection() {
  const { t, i18n } = useTranslation('membership');
  const trpc = useTRPC();
  const online = useOnlineStatus();
  const membership = useQuery(trpc.member.membership.me.queryOptions());
  const locale = currentLocale(i18n);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const hasRecord = Boolean(membership.data);

  // The applicant has found their application: the "sent from this device" note is done.
  useEffect(() => {
    if (hasRecord) forgetSubmitted();
  }, [hasRecord]);

  const heading = <h2 id="membership-heading">{t('heading')}</h2>;
  if (membership.data === undefined) {
    return (
      <section className="membership" aria-labelledby="membership-heading">
        {heading}
        {!online ? (
          <Alert tone="warning">{t('offlineNoData')}</Alert>
        ) : membership.isError ? (
          <Alert
            tone="error"
            title={t('loadError')}
            action={
              <Button size="sm" onClick={() => void membership.refetch()}>
                {t('common:actions.retry')}
              </Button>
            }
          >
            {readApiError(membership.error, t('common:errors.network')).message}
          </Alert>
        ) : (
          <p role="status">{t('common:status.loading')}</p>
        )}
      </section>
    );
  }

  const record = membership.data;
  if (record === null) {
    return (
      <section className="membership" aria-labelledby="membership-heading">
        {heading}
        <p>{t('none')}</p>
      </section>
    );
  }

  // The newest change says why a record stands where it does (e.g. why it was rejected).
  const latest = record.statusHistory.at(-1);
  const latestReason = latest?.toStatus === record.status ? latest.reason : null;
  const history = [...record.statusHistory].reverse();

  return (
    <section className="membership" aria-labelledby="membership-heading">
      {heading}
      {!online || membership.isError ? <p className="home__saved">{t('offline')}</p> : null}
      <p className="membership__status">
        <span className={`uh-badge ${STATUS_TONE[record.status]}`} data-testid="membership-status">
          {t(`status.${record.status}`)}
        </span>
      </p>
      <p>{t(`explain.${record.status}`)}</p>
      <ResignedNote status={record.status} />
      {latestReason ? (
        <p className="membership__reason">{t('reason', { reason: latestReason })}</p>
      ) : null}
      {record.needsPlacement && record.status === 'APPLICANT' ? (
        <p>{t('placement', { unit: record.orgUnitName })}</p>
      ) : null}
      <dl className="account__facts">
        <dt>{t('unit')}</dt>
        <dd>{record.orgUnitName}</dd>
        {record.memberNumber ? (
          <>
            <dt>{t('memberNumber')}</dt>
            <dd className="join__mono">{record.memberNumber}</dd>
          </>
        ) : null}
        <dt>{t('appliedAt')}</dt>
        <dd>{date.format(record.appliedAt)}</dd>
        {record.joinedAt ? (
          <>
            <dt>{t('joinedAt')}</dt>
            <dd>{date.format(record.joinedAt)}</dd>
          </>
        ) : null}
      </dl>
      <h3>{t('history')}</h3>
      <ol className="membership__history">
        {history.map((change) => (
          <li key={`${change.occurredAt.toISOString()}-${change.action}`}>
            <time dateTime={change.occurredAt.toISOString()}>{date.format(change.occurredAt)}</time>
            <span className="membership__action">
              {isKnownAction(change.action)
                ? t(`actions.${change.action}`)
                : t(`status.${change.toStatus}`)}
            </span>
            {change.reason ? (
              <span className="membership__change-reason">
                {t('reason', { reason: change.reason })}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      <SelfServiceLinks status={record.status} />
    </section>
  );
}

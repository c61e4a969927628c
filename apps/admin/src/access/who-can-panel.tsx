import { useQuery } from '@tanstack/react-query';
import { Alert, Button, currentLocale, readApiError, Select } from '@unionhall/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { unitOptions } from './access-helpers';
import { useAccessRights } from './use-access-rights';

/** "Who can do what where": every role that reaches one unit, with what it allows there. */
export function WhoCanPanel() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { units } = useAccessRights();
  const [unitId, setUnitId] = useState('');
  const result = useQuery(
    trpc.officer.access.whoCan.queryOptions({ orgUnitId: unitId }, { enabled: unitId !== '' }),
  );
  const loadError = result.error ? readApiError(result.error, t('common:errors.network')) : null;

  return (
    <section className="who-can" aria-labelledby="who-can-title">
      <h2 id="who-can-title">{t('access.whoCan.title')}</h2>
      <p className="page__intro">{t('access.whoCan.intro')}</p>
      <Select
        label={t('access.whoCan.unit')}
        name="whoCanUnit"
        value={unitId}
        placeholder={t('access.whoCan.choose')}
        onChange={(event) => setUnitId(event.target.value)}
        options={unitOptions(units, currentLocale(i18n))}
      />
      {loadError ? (
        <Alert
          tone="error"
          title={t('access.whoCan.loadError')}
          action={
            <Button size="sm" onClick={() => void result.refetch()}>
              {t('common:actions.retry')}
            </Button>
          }
        >
          {loadError.message}
        </Alert>
      ) : null}
      {unitId && result.isPending ? (
        <p role="status" className="page__status">
          {t('common:status.loading')}
        </p>
      ) : null}
      {result.data && result.data.entries.length === 0 ? (
        <p className="page__status">{t('access.whoCan.empty')}</p>
      ) : null}
      {result.data && result.data.entries.length > 0 ? (
        <ul
          className="who-can__list"
          aria-label={t('access.whoCan.caption', { unit: result.data.unit.name })}
        >
          {result.data.entries.map((entry) => (
            <li key={entry.grantId} className="who-can__entry">
              <div className="who-can__who">
                <strong>{entry.officer.name}</strong>{' '}
                <span className="officer__email">{entry.officer.email}</span>
                {entry.officer.disabled ? (
                  <span className="uh-badge uh-badge--danger">{t('access.disabled')}</span>
                ) : !entry.officer.totpEnrolled ? (
                  <span className="uh-badge uh-badge--warning">{t('access.whoCan.inactive')}</span>
                ) : null}
              </div>
              <div className="who-can__role">
                <span className="uh-badge uh-badge--neutral">{t(`access.role.${entry.role}`)}</span>{' '}
                <span className="who-can__where">
                  {entry.inherited
                    ? t('access.whoCan.inherited', { unit: entry.grantedOn.name })
                    : t('access.whoCan.direct')}
                </span>
              </div>
              <p className="who-can__permissions">
                <span>{t('access.whoCan.can')}</span>{' '}
                {entry.permissions
                  .map((permission) => t(`access.permission.${permission}`))
                  .join(t('access.whoCan.separator'))}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, currentLocale } from '@unionhall/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listMySessions, signOutOtherSessions } from '../auth/auth-api';
import { deviceName } from '../auth/device-name';
import { useAuthAction } from './use-auth-action';

export const SESSIONS_QUERY_KEY = ['auth', 'sessions'] as const;

/** Where the officer is signed in, and a way to end every session but this one. */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: SESSIONS_QUERY_KEY, queryFn: listMySessions });
  const [done, setDone] = useState(false);
  const { busy, failure, run } = useAuthAction();
  const locale = currentLocale(i18n);
  const format = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    [locale],
  );
  const others = (sessions.data ?? []).filter((session) => !session.current).length;

  const signOutOthers = () => {
    setDone(false);
    void run(async () => {
      await signOutOtherSessions();
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
    });
  };

  return (
    <section className="account__section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('account.sessions.heading')}</h2>
      <p className="page__intro">{t('account.sessions.intro')}</p>
      {sessions.isError || failure ? (
        <Alert tone="error">{t('account.sessions.error')}</Alert>
      ) : null}
      {done ? <Alert tone="success">{t('account.sessions.done')}</Alert> : null}
      {sessions.isPending ? <p className="page__status">{t('account.sessions.loading')}</p> : null}
      {sessions.data ? (
        <ul className="account__sessions">
          {sessions.data.map((session) => (
            <li key={session.id} className="account__session">
              <p className="account__device">
                {deviceName(session.userAgent) ?? t('account.sessions.unknownDevice')}
                {session.current ? (
                  <span className="account__current">{t('account.sessions.current')}</span>
                ) : null}
              </p>
              <p className="account__meta">
                {t('account.sessions.lastActive', { time: format.format(session.lastActiveAt) })}
                {session.ipAddress ? ` · ${session.ipAddress}` : null}
              </p>
              <p className="account__meta">
                {t('account.sessions.signedIn', { time: format.format(session.createdAt) })}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <Button variant="danger" onClick={signOutOthers} disabled={busy || others === 0}>
          {t('account.sessions.signOutOthers')}
        </Button>
      </div>
    </section>
  );
}

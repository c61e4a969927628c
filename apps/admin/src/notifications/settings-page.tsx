import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, readApiError, useOnlineStatus } from '@unionhall/ui';
import {
  NotificationSettingsPanel,
  type NotificationSettingsApi,
} from '@unionhall/ui/notification-settings';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, useTRPCClient } from '../trpc';

import './notifications.css';

/** The officer's own notification settings: the same panel members have in the app. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const preferences = useQuery(trpc.officer.notifications.preferences.get.queryOptions());
  const settings = useQuery(trpc.officer.notifications.settings.get.queryOptions());
  const api = useMemo<NotificationSettingsApi>(
    () => ({
      savePreferences: (input) => client.officer.notifications.preferences.set.mutate(input),
      saveSettings: (input) => client.officer.notifications.settings.set.mutate(input),
      fetchSettings: () =>
        queryClient.fetchQuery({
          ...trpc.officer.notifications.settings.get.queryOptions(),
          staleTime: 0,
        }),
    }),
    [client, queryClient, trpc],
  );
  const error = preferences.error ?? settings.error;

  let body;
  if (preferences.data && settings.data) {
    body = (
      <div className="card notification-settings">
        <NotificationSettingsPanel
          preferences={preferences.data}
          settings={settings.data}
          online={online}
          api={api}
        />
      </div>
    );
  } else if (error) {
    body = (
      <Alert
        tone="error"
        title={t('notifications.settingsLoadError')}
        action={
          <Button
            size="sm"
            onClick={() => {
              void preferences.refetch();
              void settings.refetch();
            }}
          >
            {t('common:actions.retry')}
          </Button>
        }
      >
        {readApiError(error, t('common:errors.network')).message}
      </Alert>
    );
  } else {
    body = (
      <p role="status" className="page__status">
        {t('common:status.loading')}
      </p>
    );
  }

  return (
    <section className="page" aria-labelledby="notification-settings-title">
      <header className="page__header">
        <div>
          <Link to="/notifications">{t('notifications.back')}</Link>
          <h1 id="notification-settings-title">{t('notifications.settingsTitle')}</h1>
          <p className="page__intro">{t('notifications.settingsIntro')}</p>
        </div>
      </header>
      {body}
    </section>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, readApiError, useOnlineStatus } from '@unionhall/ui';
import {
  NotificationSettingsPanel,
  type NotificationSettingsApi,
} from '@unionhall/ui/notification-settings';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC, useTRPCClient } from '../trpc';
import './texts';

/**
 * The member's notification settings (the panel is shared with the console): which channels
 * reach them for each kind of notification, language, quiet hours and the email digest. What
 * is saved goes into the query cache too, so the persisted copy stays current offline.
 */
export default function NotificationSettingsPage() {
  const { t } = useTranslation('notifications');
  const trpc = useTRPC();
  const session = useQuery(trpc.public.session.me.queryOptions());
  const isMember = session.data?.kind === 'MEMBER';
  const preferences = useQuery({
    ...trpc.member.notifications.preferences.get.queryOptions(),
    enabled: isMember,
  });
  const settings = useQuery({
    ...trpc.member.notifications.settings.get.queryOptions(),
    enabled: isMember,
  });
  const online = useOnlineStatus();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const api = useMemo<NotificationSettingsApi>(
    () => ({
      async savePreferences(input) {
        const saved = await client.member.notifications.preferences.set.mutate(input);
        queryClient.setQueryData(trpc.member.notifications.preferences.get.queryKey(), saved);
        return saved;
      },
      async saveSettings(input) {
        const saved = await client.member.notifications.settings.set.mutate(input);
        queryClient.setQueryData(trpc.member.notifications.settings.get.queryKey(), saved);
        return saved;
      },
      fetchSettings: () =>
        queryClient.fetchQuery({
          ...trpc.member.notifications.settings.get.queryOptions(),
          staleTime: 0,
        }),
    }),
    [client, queryClient, trpc],
  );

  let body;
  if (session.data === null) {
    body = (
      <>
        <p>{t('signedOut')}</p>
        <Link className="uh-button uh-button--primary" to="/sign-in">
          {t('signIn')}
        </Link>
      </>
    );
  } else if (preferences.data && settings.data) {
    body = (
      <NotificationSettingsPanel
        preferences={preferences.data}
        settings={settings.data}
        online={online}
        api={api}
      />
    );
  } else if (preferences.isError || settings.isError) {
    body = (
      <Alert tone="error" title={t('loadError')}>
        {readApiError(preferences.error ?? settings.error, t('common:errors.network')).message}
      </Alert>
    );
  } else {
    body = <p role="status">{t('common:status.loading')}</p>;
  }

  return (
    <section className="card notes" aria-labelledby="notification-settings-heading">
      <Link className="notes__back" to="/notifications">
        {t('settings.back')}
      </Link>
      <h1 id="notification-settings-heading">{t('settings.heading')}</h1>
      {online ? null : <Alert tone="warning">{t('notificationSettings:offlineMutation')}</Alert>}
      {body}
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { NotificationBellLink } from '@unionhall/ui';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useTRPC } from '../trpc';

/**
 * The header's bell: the officer's unread notifications, linking to the notifications page.
 * Shown to officers acting with a role (the same rule as the procedures behind it).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useQuery(trpc.public.session.me.queryOptions());
  const actingOfficer =
    me.data?.kind === 'OFFICER' && me.data.twoFactorEnabled && me.data.roles.length > 0;
  const unread = useQuery({
    ...trpc.officer.notifications.unreadCount.queryOptions(),
    enabled: actingOfficer,
    refetchInterval: 60_000,
  });
  if (!actingOfficer) return null;
  const count = unread.data?.count ?? 0;
  return (
    <NotificationBellLink
      link={NavLink}
      to="/notifications"
      count={count}
      label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      className="bell"
      countClassName="bell__count"
      iconSize={20}
    />
  );
}

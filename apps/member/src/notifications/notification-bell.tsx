import { useQuery } from '@tanstack/react-query';
import { NotificationBellLink } from '@unionhall/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../trpc';

/** How often the count is refreshed while the app is open and visible. */
const REFRESH_MS = 60_000;

/**
 * The header's bell: a link to the notification centre with the unread count. Only members
 * have one; offline it shows the count saved last time (a `member.*` query, persisted).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const session = useQuery(trpc.public.session.me.queryOptions());
  const isMember = session.data?.kind === 'MEMBER';
  const unread = useQuery({
    ...trpc.member.notifications.unreadCount.queryOptions(),
    enabled: isMember,
    refetchInterval: REFRESH_MS,
  });
  // Signed out (or an officer in the member app): no bell. Offline the session is unknown,
  // and a saved count means the member was signed in.
  if (!isMember && (session.data !== undefined || unread.data === undefined)) return null;
  const count = unread.data?.count ?? 0;
  return (
    <NotificationBellLink
      link={Link}
      to="/notifications"
      count={count}
      label={count > 0 ? t('notificationBell.unread', { count }) : t('notificationBell.label')}
      className="app__bell"
      countClassName="app__bell-count"
      iconSize={24}
    />
  );
}

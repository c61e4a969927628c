import { useQuery } from '@tanstack/react-query';
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
    <Link
      to="/notifications"
      className="app__bell"
      aria-label={count > 0 ? t('notificationBell.unread', { count }) : t('notificationBell.label')}
      data-testid="notification-bell"
    >
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 ? (
        <span className="app__bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}

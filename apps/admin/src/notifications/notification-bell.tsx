import { useQuery } from '@tanstack/react-query';
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
    <NavLink
      to="/notifications"
      className="bell"
      aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      data-testid="notification-bell"
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 ? (
        <span className="bell__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </NavLink>
  );
}

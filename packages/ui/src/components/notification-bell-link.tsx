import type { ComponentType, ReactNode } from 'react';

/** What the bell hands the app's router link (react-router's Link or NavLink take these). */
export interface BellLinkProps {
  to: string;
  className?: string;
  'aria-label'?: string;
  'data-testid'?: string;
  children?: ReactNode;
}

export interface NotificationBellLinkProps {
  /** The app's router link component: this package does not depend on a router. */
  link: ComponentType<BellLinkProps>;
  /** The notification centre's path. */
  to: string;
  /** Unread notifications; none shows no badge. */
  count: number;
  /** The link's accessible name, in the app's words (it says the count when there is one). */
  label: string;
  className: string;
  countClassName: string;
  /** The icon's width and height in px. */
  iconSize: number;
}

/**
 * The header's bell: a link to the notification centre with the unread count as a badge. The
 * console and the PWA decide who sees it and where the count comes from; the badge is hidden
 * from assistive technology because the label already says the count.
 */
export function NotificationBellLink({
  link: Link,
  to,
  count,
  label,
  className,
  countClassName,
  iconSize,
}: NotificationBellLinkProps) {
  return (
    <Link to={to} className={className} aria-label={label} data-testid="notification-bell">
      <svg
        viewBox="0 0 24 24"
        width={iconSize}
        height={iconSize}
        aria-hidden="true"
        focusable="false"
      >
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 ? (
        <span className={countClassName} aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}

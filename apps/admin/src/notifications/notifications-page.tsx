import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TNotificationItem } from '@unionhall/domain';
import { Alert, Button, currentLocale, readApiError } from '@unionhall/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../trpc';

import './notifications.css';

const INPUT = { limit: 20 };

/** Inside the console, a link is a route under /admin/; anything else is the member app's. */
function consolePath(link: string): string | null {
  return link === '/admin' || link.startsWith('/admin/')
    ? link.slice('/admin'.length) || '/'
    : null;
}

/** The officer's notifications, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(
    trpc.officer.notifications.list.infiniteQueryOptions(INPUT, {
      getNextPageParam: (page) => page.nextCursor,
      staleTime: 0,
    }),
  );
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const format = useMemo(
    () => new Intl.DateTimeFormat(currentLocale(i18n), { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n],
  );
  const markRead = useMutation(
    trpc.officer.notifications.markRead.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.officer.notifications.pathFilter()),
    }),
  );
  const open = (item: TNotificationItem) => {
    if (!item.readAt) markRead.mutate({ ids: [item.id] });
  };
  const unread = items.some((item) => !item.readAt);
  const loadError = list.error ? readApiError(list.error, t('common:errors.network')) : null;

  return (
    <section className="page" aria-labelledby="notifications-title">
      <header className="page__header">
        <div>
          <h1 id="notifications-title">{t('notifications.title')}</h1>
          <p className="page__intro">{t('notifications.intro')}</p>
          <Link to="/notifications/settings">{t('notifications.settingsLink')}</Link>
        </div>
        {unread ? (
          <Button onClick={() => markRead.mutate({ all: true })} disabled={markRead.isPending}>
            {t('notifications.markAllRead')}
          </Button>
        ) : null}
      </header>
      {loadError ? (
        <Alert
          tone="error"
          title={t('notifications.loadError')}
          action={
            <Button size="sm" onClick={() => void list.refetch()}>
              {t('common:actions.retry')}
            </Button>
          }
        >
          {loadError.message}
        </Alert>
      ) : null}
      <p role="status" className="page__status">
        {list.isPending && !loadError ? t('common:status.loading') : null}
        {list.isSuccess && items.length === 0 ? t('notifications.empty') : null}
      </p>
      {items.length > 0 ? (
        <ul className="notifications card" data-testid="notification-list">
          {items.map((item) => (
            <li
              key={item.id}
              className={`notifications__item${item.readAt ? '' : ' notifications__item--unread'}`}
            >
              <div className="notifications__meta">
                <span className="uh-badge uh-badge--neutral">
                  {t(`notifications.category.${item.category}`)}
                </span>
                <time dateTime={item.createdAt.toISOString()}>{format.format(item.createdAt)}</time>
                {item.readAt ? null : (
                  <span className="notifications__unread">{t('notifications.unread')}</span>
                )}
              </div>
              <NotificationTitle item={item} onOpen={open} />
              <p className="notifications__body">{item.body}</p>
              {!item.readAt && !item.link ? (
                <Button size="sm" variant="ghost" onClick={() => open(item)}>
                  {t('notifications.markRead')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {list.hasNextPage ? (
        <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('notifications.loadMore')}
        </Button>
      ) : null}
    </section>
  );
}

function NotificationTitle({
  item,
  onOpen,
}: {
  item: TNotificationItem;
  onOpen: (item: TNotificationItem) => void;
}) {
  if (!item.link) return <h2 className="notifications__title">{item.title}</h2>;
  const inConsole = consolePath(item.link);
  return (
    <h2 className="notifications__title">
      {inConsole ? (
        <Link to={inConsole} onClick={() => onOpen(item)}>
          {item.title}
        </Link>
      ) : (
        <a href={item.link} onClick={() => onOpen(item)}>
          {item.title}
        </a>
      )}
    </h2>
  );
}

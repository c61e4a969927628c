import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TNotificationItem } from '@unionhall/domain';
import { Alert, Button, currentLocale, readApiError, useOnlineStatus } from '@unionhall/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../trpc';
import { PAGE_SIZE } from './texts';

/**
 * The notification centre: what the union told the member, newest first. Opening one marks it
 * read and follows its link. Loaded pages stay readable offline (member.* queries are saved on
 * the device until sign-out); marking read while offline waits for the network.
 */
export default function NotificationsPage() {
  const { t, i18n } = useTranslation('notifications');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const session = useQuery(trpc.public.session.me.queryOptions());
  const isMember = session.data?.kind === 'MEMBER';
  const input = { limit: PAGE_SIZE };
  const listKey = trpc.member.notifications.list.infiniteQueryKey(input);
  const countKey = trpc.member.notifications.unreadCount.queryKey();
  const list = useInfiniteQuery(
    trpc.member.notifications.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
      enabled: isMember,
      // New notifications arrive while the app is closed: look again whenever the page opens.
      staleTime: 0,
    }),
  );
  const unread = useQuery({
    ...trpc.member.notifications.unreadCount.queryOptions(),
    enabled: isMember,
  });
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const format = useMemo(
    () => new Intl.DateTimeFormat(currentLocale(i18n), { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n],
  );

  /** Shows them read at once; the server is told as soon as there is a network. */
  const markLocally = (ids: readonly string[] | 'all') => {
    const now = new Date();
    const hit = (item: TNotificationItem) =>
      !item.readAt && (ids === 'all' || ids.includes(item.id));
    let marked = 0;
    queryClient.setQueryData(listKey, (old) =>
      old
        ? {
            ...old,
            pages: old.pages.map((page) => ({
              ...page,
              items: page.items.map((item) => {
                if (!hit(item)) return item;
                marked += 1;
                return { ...item, readAt: now };
              }),
            })),
          }
        : old,
    );
    queryClient.setQueryData(countKey, (old) =>
      old ? { count: ids === 'all' ? 0 : Math.max(0, old.count - marked) } : old,
    );
  };
  const markRead = useMutation(
    trpc.member.notifications.markRead.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: countKey }),
    }),
  );
  const open = (item: TNotificationItem) => {
    if (item.readAt) return;
    markLocally([item.id]);
    markRead.mutate({ ids: [item.id] });
  };
  const markAll = () => {
    markLocally('all');
    markRead.mutate({ all: true });
  };

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
  } else if (items.length > 0) {
    body = (
      <>
        {!online || list.isError ? <p className="notes__saved">{t('savedCopy')}</p> : null}
        <ul className="notes__list" data-testid="notification-list">
          {items.map((item) => (
            <li key={item.id} className={`notes__item${item.readAt ? '' : ' notes__item--unread'}`}>
              <NotificationEntry item={item} when={format.format(item.createdAt)} onOpen={open} />
            </li>
          ))}
        </ul>
        {list.hasNextPage ? (
          <Button
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage || !online}
          >
            {t('loadMore')}
          </Button>
        ) : null}
      </>
    );
  } else if (list.isError) {
    body = (
      <Alert
        tone="error"
        title={t('loadError')}
        action={
          <Button size="sm" onClick={() => void list.refetch()}>
            {t('common:actions.retry')}
          </Button>
        }
      >
        {readApiError(list.error, t('common:errors.network')).message}
      </Alert>
    );
  } else if (list.isPending && (list.fetchStatus === 'fetching' || session.isPending)) {
    body = <p role="status">{t('common:status.loading')}</p>;
  } else {
    body = <p className="notes__empty">{t('empty')}</p>;
  }

  return (
    <section className="card notes" aria-labelledby="notes-heading">
      <div className="notes__head">
        <h1 id="notes-heading">{t('heading')}</h1>
        {isMember ? <Link to="/notifications/settings">{t('settingsLink')}</Link> : null}
      </div>
      {(unread.data?.count ?? 0) > 0 ? (
        <Button size="sm" className="notes__all" onClick={markAll}>
          {t('markAllRead')}
        </Button>
      ) : null}
      {body}
    </section>
  );
}

function NotificationEntry({
  item,
  when,
  onOpen,
}: {
  item: TNotificationItem;
  when: string;
  onOpen: (item: TNotificationItem) => void;
}) {
  const { t } = useTranslation('notifications');
  const content = (
    <>
      <span className="notes__meta">
        <span className="uh-badge uh-badge--neutral">
          {t(`notificationSettings:category.${item.category}`)}
        </span>
        <time dateTime={item.createdAt.toISOString()}>{when}</time>
        {item.readAt ? null : <span className="notes__unread">{t('unread')}</span>}
      </span>
      <strong className="notes__title">{item.title}</strong>
      <span className="notes__body">{item.body}</span>
    </>
  );
  if (!item.link) {
    return (
      <button type="button" className="notes__open" onClick={() => onOpen(item)}>
        {content}
      </button>
    );
  }
  // The console's links leave the member app; the app's own stay in it.
  if (item.link.startsWith('/admin/')) {
    return (
      <a className="notes__open" href={item.link} onClick={() => onOpen(item)}>
        {content}
      </a>
    );
  }
  return (
    <Link className="notes__open" to={item.link} onClick={() => onOpen(item)}>
      {content}
    </Link>
  );
}

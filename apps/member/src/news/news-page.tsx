import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, readApiError, useOnlineStatus } from '@unionhall/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../trpc';
import { useNewsDate } from './news-shared';

/**
 * Union news: the announcements of the member's unit and the units above it, pinned first.
 * The list is one of the member's own queries (`member.*`), so it is kept on the device and
 * reads offline; it is forgotten at sign-out.
 */
export default function NewsPage() {
  const { t } = useTranslation('news');
  const trpc = useTRPC();
  const online = useOnlineStatus();
  const date = useNewsDate();
  const session = useQuery(trpc.public.session.me.queryOptions());
  const signedIn = session.data?.kind === 'MEMBER';
  const list = useInfiniteQuery(
    trpc.member.announcements.list.infiniteQueryOptions(
      { limit: 20 },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // Checked again on every visit online: a withdrawn notice must leave the list at once.
        staleTime: 0,
        // Offline, who is signed in is unknown (never saved): the saved list is still shown.
        enabled: signedIn || !online,
      },
    ),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (online && session.data === null) {
    return (
      <section className="card news" aria-labelledby="news-heading">
        <h1 id="news-heading">{t('heading')}</h1>
        <p>{t('signedOut')}</p>
        <Link className="uh-button uh-button--primary" to="/sign-in">
          {t('signIn')}
        </Link>
      </section>
    );
  }

  return (
    <section className="card news" aria-labelledby="news-heading">
      <h1 id="news-heading">{t('heading')}</h1>
      <p className="news__intro">{t('intro')}</p>
      {!online ? (
        <Alert tone="warning">{list.data ? t('offline') : t('offlineListNoData')}</Alert>
      ) : null}
      {list.isError && !list.data ? (
        <Alert tone="error" title={t('loadError')}>
          {readApiError(list.error, t('common:errors.network')).message}
        </Alert>
      ) : null}
      {list.isPending && list.fetchStatus === 'fetching' ? (
        <p role="status">{t('common:status.loading')}</p>
      ) : null}
      {list.data && items.length === 0 ? <p className="news__empty">{t('empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="news__list">
          {items.map((item) => (
            <li key={item.id} className="news-item" data-testid="news-item">
              <Link to={`/news/${item.id}`} className="news-item__link">
                <span className="news-item__badges">
                  {item.pinned ? <span className="uh-badge">{t('pinned')}</span> : null}
                  {item.opened ? null : (
                    <span className="uh-badge uh-badge--success">{t('unread')}</span>
                  )}
                </span>
                <span className="news-item__title">{item.title}</span>
                {item.excerpt ? <span className="news-item__excerpt">{item.excerpt}</span> : null}
                <span className="news-item__meta">
                  {item.orgUnitName} · {t('published', { time: date.format(item.publishedAt) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {list.hasNextPage && online ? (
        <Button disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t('common:status.loading') : t('more')}
        </Button>
      ) : null}
    </section>
  );
}

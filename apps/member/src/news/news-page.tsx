import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MemberFeedPage, useMemberFeedAccess } from '../routes/member-feed';
import { useTRPC } from '../trpc';
import { useNewsDate } from './news-shared';

/**
 * Union news: the announcements of the member's unit and the units above it, pinned first; kept
 * on the device and readable offline (MemberFeedPage).
 */
export default function NewsPage() {
  const { t } = useTranslation('news');
  const trpc = useTRPC();
  const date = useNewsDate();
  const access = useMemberFeedAccess();
  const list = useInfiniteQuery(
    trpc.member.announcements.list.infiniteQueryOptions(
      { limit: 20 },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // Checked again on every visit online: a withdrawn notice must leave the list at once.
        staleTime: 0,
        enabled: access.enabled,
      },
    ),
  );
  return (
    <MemberFeedPage
      namespace="news"
      block="news"
      access={access}
      list={list}
      renderItem={(item) => (
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
      )}
    />
  );
}

import { useInfiniteQuery } from '@tanstack/react-query';
import {
  ANNOUNCEMENT_STATES,
  ZAnnouncementState,
  type TAnnouncementSummary,
} from '@unionhall/domain';
import { Alert, Button, Select, currentLocale, readApiError } from '@unionhall/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../trpc';
import { STATE_TONE, audienceOf } from './announcements-helpers';
import './announcements.css';

/** The announcements of the officer's units, newest first, filtered by state. */
export function AnnouncementsPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const parsedState = ZAnnouncementState.safeParse(params.get('state'));
  const state = parsedState.success ? parsedState.data : undefined;
  const list = useInfiniteQuery(
    trpc.officer.announcements.list.infiniteQueryOptions(
      { state, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const format = useMemo(
    () => new Intl.DateTimeFormat(currentLocale(i18n), { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n],
  );

  return (
    <section className="page" aria-labelledby="announcements-title">
      <header className="page__header">
        <h1 id="announcements-title">{t('announcements.title')}</h1>
        <Link className="uh-button uh-button--primary" to="/announcements/new">
          {t('announcements.new')}
        </Link>
      </header>
      <p className="page__intro">{t('announcements.intro')}</p>
      <div className="announcements-filter">
        <Select
          label={t('announcements.filter')}
          value={state ?? ''}
          options={[
            { value: '', label: t('announcements.allStates') },
            ...ANNOUNCEMENT_STATES.map((value) => ({
              value,
              label: t(`announcements.state.${value}`),
            })),
          ]}
          onChange={(event) => {
            const next = new URLSearchParams(params);
            if (event.target.value) next.set('state', event.target.value);
            else next.delete('state');
            setParams(next, { replace: true });
          }}
        />
      </div>

      {list.isPending ? <p className="page__status">{t('common:status.loading')}</p> : null}
      {list.isError && !list.data ? (
        <Alert tone="error" title={t('announcements.loadError')}>
          {readApiError(list.error, t('common:errors.network')).message}
        </Alert>
      ) : null}
      {list.data && items.length === 0 ? (
        <p className="page__status">{t('announcements.empty')}</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="record-cards" aria-label={t('announcements.caption')}>
          {items.map((item) => (
            <AnnouncementRow key={item.id} item={item} format={format} />
          ))}
        </ul>
      ) : null}
      {list.hasNextPage ? (
        <div className="list-more">
          <Button disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? t('common:status.loading') : t('announcements.more')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function AnnouncementRow({
  item,
  format,
}: {
  item: TAnnouncementSummary;
  format: Intl.DateTimeFormat;
}) {
  const { t } = useTranslation();
  const audience = audienceOf(item);
  const when =
    item.state === 'SCHEDULED' && item.publishAt
      ? t('announcements.scheduledFor', { time: format.format(item.publishAt) })
      : item.state === 'PUBLISHED' && item.publishedAt
        ? t('announcements.publishedAt', { time: format.format(item.publishedAt) })
        : item.state === 'WITHDRAWN' && item.withdrawnAt
          ? t('announcements.withdrawnAt', { time: format.format(item.withdrawnAt) })
          : t('announcements.updatedAt', { time: format.format(item.updatedAt) });
  return (
    <li className="record-card announcement-row" data-testid="announcement-row">
      <div className="announcement-row__head">
        <Link to={`/announcements/${item.id}`} className="announcement-row__title">
          {item.title}
        </Link>
        <span className={`uh-badge ${STATE_TONE[item.state]}`}>
          {t(`announcements.state.${item.state}`)}
        </span>
        {item.pinned ? <span className="uh-badge">{t('announcements.pinned')}</span> : null}
      </div>
      {item.excerpt ? <p className="announcement-row__excerpt">{item.excerpt}</p> : null}
      <p className="announcement-row__meta">
        <span>
          {t(`announcements.${audience.key}`, { unit: audience.unit, segment: audience.segment })}
        </span>
        <span>{when}</span>
      </p>
    </li>
  );
}

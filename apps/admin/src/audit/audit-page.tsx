import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, currentLocale, readApiError, useMediaQuery } from '@unionhall/ui';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../trpc';
import { AuditCards, AuditTable } from './audit-event-list';
import type { TAuditDisplayContext } from './audit-event-parts';
import { AuditFilters } from './audit-filters';
import {
  activeFilterCount,
  filtersToInput,
  readFilters,
  writeFilters,
  type TAuditFilters,
} from './audit-helpers';
import './audit.css';

/** The same breakpoint as the console's CSS: below it, cards instead of a table. */
const PHONE_QUERY = '(max-width: 40rem)';

/** The Audit log page: who changed what and when, filtered by the URL, newest first. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readFilters(searchParams), [searchParams]);
  const input = useMemo(() => filtersToInput(filters), [filters]);

  const events = useInfiniteQuery(
    trpc.officer.audit.find.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
      // The log grows with every change made elsewhere in the console: always ask again.
      staleTime: 0,
    }),
  );
  // Units are named by their current name; the list is shared with the Organization page.
  const units = useQuery(trpc.officer.org.list.queryOptions());

  const locale = currentLocale(i18n);
  const context = useMemo<TAuditDisplayContext>(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    return {
      unitNames: new Map((units.data ?? []).map((unit) => [unit.id, unit.name])),
      formatTime: (date) => format.format(date),
      currentTargetId: filters.targetId,
    };
  }, [units.data, locale, filters.targetId]);
  const items = useMemo(
    () => events.data?.pages.flatMap((page) => page.items) ?? [],
    [events.data],
  );
  const isPhone = useMediaQuery(PHONE_QUERY);

  // When Load more fetches the last page its button goes away; keep the focus nearby.
  const endRef = useRef<HTMLParagraphElement>(null);
  const loadingMore = useRef(false);
  useEffect(() => {
    if (!events.isFetchingNextPage && loadingMore.current) {
      loadingMore.current = false;
      if (!events.hasNextPage) endRef.current?.focus();
    }
  }, [events.isFetchingNextPage, events.hasNextPage]);

  const apply = (next: TAuditFilters) => setSearchParams(writeFilters(next));
  const filtered = activeFilterCount(filters) > 0;
  const loadError = events.error ? readApiError(events.error, t('common:errors.network')) : null;
  const refreshing = events.isFetching && !events.isPending && !events.isFetchingNextPage;

  return (
    <section className="page" aria-labelledby="audit-title">
      <header className="page__header">
        <div>
          <h1 id="audit-title">{t('audit.title')}</h1>
          <p className="page__intro">{t('audit.intro')}</p>
        </div>
      </header>

      <AuditFilters
        key={searchParams.toString()}
        filters={filters}
        onApply={apply}
        unitNames={context.unitNames}
      />

      {loadError ? (
        <Alert
          tone="error"
          title={t('audit.loadError')}
          action={
            <Button
              size="sm"
              onClick={() =>
                void (events.isFetchNextPageError ? events.fetchNextPage() : events.refetch())
              }
            >
              {t('common:actions.retry')}
            </Button>
          }
        >
          {loadError.message}
        </Alert>
      ) : null}

      <div className="audit-toolbar">
        <p role="status" className="page__status">
          {events.isPending && !loadError ? t('common:status.loading') : null}
          {events.isSuccess && items.length > 0 ? t('audit.shown', { count: items.length }) : null}
          {events.isSuccess && items.length === 0
            ? filtered
              ? t('audit.emptyFiltered')
              : t('audit.empty')
            : null}
          {refreshing ? ` ${t('audit.refreshing')}` : null}
        </p>
        <Button size="sm" variant="ghost" onClick={() => void events.refetch()}>
          {t('common:actions.reload')}
        </Button>
      </div>

      {items.length > 0 ? (
        isPhone ? (
          <AuditCards events={items} context={context} />
        ) : (
          <AuditTable events={items} context={context} />
        )
      ) : null}

      {items.length > 0 ? (
        <div className="audit-more">
          {events.hasNextPage ? (
            // aria-disabled, not disabled: a disabled button drops the keyboard focus.
            <Button
              aria-disabled={events.isFetchingNextPage}
              onClick={() => {
                if (events.isFetchingNextPage) return;
                loadingMore.current = true;
                void events.fetchNextPage();
              }}
            >
              {events.isFetchingNextPage ? t('common:status.loading') : t('audit.loadMore')}
            </Button>
          ) : (
            <p ref={endRef} tabIndex={-1} className="page__status">
              {t('audit.end')}
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}

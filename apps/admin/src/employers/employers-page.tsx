import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, TextField, readApiError, useMediaQuery } from '@unionhall/ui';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { usePermissions } from '../auth/permissions';
import { unitsInTreeOrder } from '../members/members-helpers';
import { useTRPC } from '../trpc';
import { EmployerDialog } from './employer-dialog';
import { EmployerCards, EmployerTable } from './employer-list';
import {
  NO_EMPLOYER_FILTERS,
  employerFiltersToInput,
  hasEmployerFilters,
  readEmployerFilters,
  writeEmployerFilters,
  type TEmployerFilters,
} from './employers-helpers';
import './employers.css';

/** The same breakpoint as the console's CSS: below it, cards instead of a table. */
const PHONE_QUERY = '(max-width: 40rem)';

/**
 * The Employers page: where members work, which unit organizes each employer and how densely,
 * one keyset page at a time. The filters live in the URL.
 */
export function EmployersPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readEmployerFilters(searchParams), [searchParams]);
  const input = useMemo(() => employerFiltersToInput(filters), [filters]);
  const { canAnywhere } = usePermissions();
  const [creating, setCreating] = useState(false);

  const employers = useInfiniteQuery(
    trpc.officer.employers.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
      // Member counts change with every approval: ask again when the page opens.
      staleTime: 0,
    }),
  );
  // Without org.read the unit filter is left out; the list itself needs only member.read.
  const units = useQuery(trpc.officer.org.list.queryOptions());
  const items = useMemo(
    () => employers.data?.pages.flatMap((page) => page.items) ?? [],
    [employers.data],
  );
  const isPhone = useMediaQuery(PHONE_QUERY);

  // When Load more fetches the last page its button goes away; keep the focus nearby.
  const endRef = useRef<HTMLParagraphElement>(null);
  const loadingMore = useRef(false);
  useEffect(() => {
    if (!employers.isFetchingNextPage && loadingMore.current) {
      loadingMore.current = false;
      if (!employers.hasNextPage) endRef.current?.focus();
    }
  }, [employers.isFetchingNextPage, employers.hasNextPage]);

  const loadError = employers.error
    ? readApiError(employers.error, t('common:errors.network'))
    : null;
  const refreshing = employers.isFetching && !employers.isPending && !employers.isFetchingNextPage;

  return (
    <section className="page" aria-labelledby="employers-title">
      <header className="page__header">
        <div>
          <h1 id="employers-title">{t('employers.title')}</h1>
          <p className="page__intro">{t('employers.intro')}</p>
        </div>
        {canAnywhere('member.manage') ? (
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('employers.create')}
          </Button>
        ) : null}
      </header>

      <EmployerFilters
        key={searchParams.toString()}
        filters={filters}
        units={units.data ? unitsInTreeOrder(units.data) : null}
        onApply={(next) => setSearchParams(writeEmployerFilters(next))}
      />

      {loadError ? (
        <Alert
          tone="error"
          title={t('employers.loadError')}
          action={
            <Button
              size="sm"
              onClick={() =>
                void (employers.isFetchNextPageError
                  ? employers.fetchNextPage()
                  : employers.refetch())
              }
            >
              {t('common:actions.retry')}
            </Button>
          }
        >
          {loadError.message}
        </Alert>
      ) : null}

      <div className="employers-toolbar">
        <p role="status" className="page__status">
          {employers.isPending && !loadError ? t('common:status.loading') : null}
          {employers.isSuccess && items.length > 0
            ? t('employers.shown', { count: items.length })
            : null}
          {employers.isSuccess && items.length === 0
            ? hasEmployerFilters(filters)
              ? t('employers.emptyFiltered')
              : t('employers.empty')
            : null}
          {refreshing ? ` ${t('employers.refreshing')}` : null}
        </p>
        <Button size="sm" variant="ghost" onClick={() => void employers.refetch()}>
          {t('common:actions.reload')}
        </Button>
      </div>

      {items.length > 0 ? (
        isPhone ? (
          <EmployerCards employers={items} />
        ) : (
          <EmployerTable employers={items} />
        )
      ) : null}

      {items.length > 0 ? (
        <div className="employers-more">
          {employers.hasNextPage ? (
            // aria-disabled, not disabled: a disabled button drops the keyboard focus.
            <Button
              aria-disabled={employers.isFetchingNextPage}
              onClick={() => {
                if (employers.isFetchingNextPage) return;
                loadingMore.current = true;
                void employers.fetchNextPage();
              }}
            >
              {employers.isFetchingNextPage ? t('common:status.loading') : t('employers.loadMore')}
            </Button>
          ) : (
            <p ref={endRef} tabIndex={-1} className="page__status">
              {t('employers.end')}
            </p>
          )}
        </div>
      ) : null}

      {creating ? (
        <EmployerDialog
          employer={null}
          onClose={() => setCreating(false)}
          onDone={(created) => {
            setCreating(false);
            void navigate(`/employers/${created.id}`, { state: { created: created.name } });
          }}
        />
      ) : null}
    </section>
  );
}

interface FilterProps {
  filters: TEmployerFilters;
  /** Units to filter by, in tree order; null while loading or without org.read. */
  units: Array<{ id: string; name: string; depth: number }> | null;
  onApply: (filters: TEmployerFilters) => void;
}

/** Give it `key={the URL's search}` so that Back or a shared link resets what is typed. */
function EmployerFilters({ filters, units, onApply }: FilterProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({ ...draft, query: draft.query.trim() });
  }

  const unitOptions = [
    { value: '', label: t('employers.filters.allUnits') },
    ...(units ?? []).map((unit) => ({
      value: unit.id,
      label: `${'\u3000'.repeat(unit.depth)}${unit.name}`,
    })),
  ];

  return (
    <form
      className="employers-filters"
      role="search"
      aria-label={t('employers.filters.label')}
      noValidate
      onSubmit={submit}
    >
      <TextField
        type="search"
        label={t('employers.filters.query')}
        description={t('employers.filters.queryHint')}
        value={draft.query}
        maxLength={50}
        autoComplete="off"
        onChange={(event) => setDraft({ ...draft, query: event.target.value })}
      />
      {units ? (
        <Select
          label={t('employers.filters.unit')}
          options={unitOptions}
          value={draft.unitId}
          // A linked unit and "no union yet" exclude each other.
          disabled={draft.withoutUnion}
          onChange={(event) => setDraft({ ...draft, unitId: event.target.value })}
        />
      ) : null}
      <label className="employers-check">
        <input
          type="checkbox"
          checked={draft.withoutUnion}
          onChange={(event) =>
            setDraft({
              ...draft,
              withoutUnion: event.target.checked,
              unitId: event.target.checked ? '' : draft.unitId,
            })
          }
        />
        {t('employers.filters.withoutUnion')}
      </label>
      <div className="employers-filters__actions">
        <Button type="submit" variant="primary">
          {t('employers.filters.apply')}
        </Button>
        {hasEmployerFilters(filters) ? (
          <Button onClick={() => onApply(NO_EMPLOYER_FILTERS)}>
            {t('employers.filters.clear')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

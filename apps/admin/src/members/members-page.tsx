import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { MEMBER_STATUSES } from '@unionhall/domain';
import {
  Alert,
  Button,
  Select,
  TextField,
  currentLocale,
  readApiError,
  useMediaQuery,
} from '@unionhall/ui';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../trpc';
import { MemberSegments } from './member-segments';
import { MembersTransfer } from './members-transfer';
import { MemberCards, MemberTable } from './member-list';
import {
  APPLICATION_FILTERS,
  NO_MEMBER_FILTERS,
  hasMemberFilters,
  memberFiltersToInput,
  readMemberFilters,
  unitsInTreeOrder,
  writeMemberFilters,
  type TMemberFilters,
} from './members-helpers';
import './members.css';

/** The same breakpoint as the console's CSS: below it, cards instead of a table. */
const PHONE_QUERY = '(max-width: 40rem)';

/**
 * The Members page: search and filter the members in the officer's units, one keyset page at
 * a time. The filters live in the URL; the Applications view is the applicants' status.
 */
export function MembersPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readMemberFilters(searchParams), [searchParams]);
  const input = useMemo(() => memberFiltersToInput(filters), [filters]);
  const applications = filters.status === 'APPLICANT';

  const members = useInfiniteQuery(
    trpc.officer.membership.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
      // Other officers approve and edit members all day: ask again when the page opens.
      staleTime: 0,
    }),
  );
  // Without org.read the unit filter is left out; the list itself needs only member.read.
  const units = useQuery(trpc.officer.org.list.queryOptions());
  const tags = useQuery(trpc.officer.membership.tags.queryOptions());

  const locale = currentLocale(i18n);
  const formatDate = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return (date: Date) => format.format(date);
  }, [locale]);
  const items = useMemo(
    () => members.data?.pages.flatMap((page) => page.items) ?? [],
    [members.data],
  );
  const isPhone = useMediaQuery(PHONE_QUERY);

  // When Load more fetches the last page its button goes away; keep the focus nearby.
  const endRef = useRef<HTMLParagraphElement>(null);
  const loadingMore = useRef(false);
  useEffect(() => {
    if (!members.isFetchingNextPage && loadingMore.current) {
      loadingMore.current = false;
      if (!members.hasNextPage) endRef.current?.focus();
    }
  }, [members.isFetchingNextPage, members.hasNextPage]);

  const loadError = members.error ? readApiError(members.error, t('common:errors.network')) : null;
  const refreshing = members.isFetching && !members.isPending && !members.isFetchingNextPage;
  const emptyText = applications
    ? t('members.emptyApplications')
    : hasMemberFilters(filters)
      ? t('members.emptyFiltered')
      : t('members.empty');

  return (
    <section className="page" aria-labelledby="members-title">
      <header className="page__header">
        <div>
          <h1 id="members-title">{t('members.title')}</h1>
          <p className="page__intro">{t('members.intro')}</p>
        </div>
        <MembersTransfer filters={input} />
      </header>

      <nav className="members-views" aria-label={t('members.views.label')}>
        <Link
          to={{ search: '' }}
          aria-current={applications ? undefined : 'page'}
          className="members-views__link"
        >
          {t('members.views.all')}
        </Link>
        <Link
          to={{ search: writeMemberFilters(APPLICATION_FILTERS).toString() }}
          aria-current={applications ? 'page' : undefined}
          className="members-views__link"
        >
          {t('members.views.applications')}
        </Link>
      </nav>

      {filters.employerId ? (
        <EmployerFilterNote
          employerId={filters.employerId}
          onClear={() => setSearchParams(writeMemberFilters({ ...filters, employerId: '' }))}
        />
      ) : null}

      <MemberFilters
        key={searchParams.toString()}
        filters={filters}
        units={units.data ? unitsInTreeOrder(units.data) : null}
        tags={tags.data ?? null}
        onApply={(next) => setSearchParams(writeMemberFilters(next))}
      />

      <MemberSegments
        filters={filters}
        units={units.data ?? null}
        onApply={(next) => setSearchParams(writeMemberFilters(next))}
      />

      {loadError ? (
        <Alert
          tone="error"
          title={t('members.loadError')}
          action={
            <Button
              size="sm"
              onClick={() =>
                void (members.isFetchNextPageError ? members.fetchNextPage() : members.refetch())
              }
            >
              {t('common:actions.retry')}
            </Button>
          }
        >
          {loadError.message}
        </Alert>
      ) : null}

      <div className="members-toolbar">
        <p role="status" className="page__status">
          {members.isPending && !loadError ? t('common:status.loading') : null}
          {members.isSuccess && items.length > 0
            ? t('members.shown', { count: items.length })
            : null}
          {members.isSuccess && items.length === 0 ? emptyText : null}
          {refreshing ? ` ${t('members.refreshing')}` : null}
        </p>
        <Button size="sm" variant="ghost" onClick={() => void members.refetch()}>
          {t('common:actions.reload')}
        </Button>
      </div>

      {items.length > 0 ? (
        isPhone ? (
          <MemberCards members={items} showApplied={applications} formatDate={formatDate} />
        ) : (
          <MemberTable members={items} showApplied={applications} formatDate={formatDate} />
        )
      ) : null}

      {items.length > 0 ? (
        <div className="list-more">
          {members.hasNextPage ? (
            // aria-disabled, not disabled: a disabled button drops the keyboard focus.
            <Button
              aria-disabled={members.isFetchingNextPage}
              onClick={() => {
                if (members.isFetchingNextPage) return;
                loadingMore.current = true;
                void members.fetchNextPage();
              }}
            >
              {members.isFetchingNextPage ? t('common:status.loading') : t('members.loadMore')}
            </Button>
          ) : (
            <p ref={endRef} tabIndex={-1} className="page__status">
              {t('members.end')}
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}

/** Says whose members are listed when the list came from an employer's page. */
function EmployerFilterNote({ employerId, onClear }: { employerId: string; onClear: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const employer = useQuery(trpc.officer.employers.get.queryOptions({ id: employerId }));
  return (
    <Alert
      tone="info"
      action={
        <Button size="sm" variant="ghost" onClick={onClear}>
          {t('employers.allMembers')}
        </Button>
      }
    >
      {t('employers.membersOf', { name: employer.data?.name ?? '…' })}
    </Alert>
  );
}

interface FilterProps {
  /** The filters in the URL. The form edits a copy and applies it on submit. */
  filters: TMemberFilters;
  /** Units to filter by, in tree order; null while loading or without org.read. */
  units: Array<{ id: string; name: string; depth: number }> | null;
  /** Tags in use within scope, most used first; null while loading. */
  tags: ReadonlyArray<{ tag: string; count: number }> | null;
  onApply: (filters: TMemberFilters) => void;
}

/** Give it `key={the URL's search}` so that Back or a shared link resets what is typed. */
function MemberFilters({ filters, units, tags, onApply }: FilterProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({ ...draft, query: draft.query.trim() });
  }

  const unitOptions = [
    { value: '', label: t('members.filters.allUnits') },
    // Indented with full-width spaces: a native select shows no other structure.
    ...(units ?? []).map((unit) => ({
      value: unit.id,
      label: `${'\u3000'.repeat(unit.depth)}${unit.name}`,
    })),
  ];
  const statusOptions = [
    { value: '', label: t('members.filters.allStatuses') },
    ...MEMBER_STATUSES.map((status) => ({ value: status, label: t(`members.status.${status}`) })),
  ];

  const tagOptions = [
    { value: '', label: t('memberSegments.allTags') },
    ...(tags ?? []).map((row) => ({
      value: row.tag,
      label: t('memberSegments.tagOption', { tag: row.tag, count: row.count }),
    })),
  ];
  // A tag from a shared link that no member in scope carries any more still shows as chosen.
  if (draft.tag && !tagOptions.some((option) => option.value === draft.tag)) {
    tagOptions.push({ value: draft.tag, label: draft.tag });
  }

  return (
    <form
      className="members-filters"
      role="search"
      aria-label={t('members.filters.label')}
      noValidate
      onSubmit={submit}
    >
      <TextField
        className="members-filters__query"
        type="search"
        label={t('members.filters.query')}
        description={t('members.filters.queryHint')}
        value={draft.query}
        maxLength={50}
        autoComplete="off"
        onChange={(event) => setDraft({ ...draft, query: event.target.value })}
      />
      {units ? (
        <Select
          label={t('members.filters.unit')}
          options={unitOptions}
          value={draft.unitId}
          onChange={(event) => setDraft({ ...draft, unitId: event.target.value })}
        />
      ) : null}
      <Select
        label={t('members.filters.status')}
        options={statusOptions}
        value={draft.status}
        onChange={(event) => {
          const value = event.target.value;
          const status = MEMBER_STATUSES.find((candidate) => candidate === value) ?? '';
          setDraft({ ...draft, status });
        }}
      />
      <Select
        label={t('memberSegments.tag')}
        options={tagOptions}
        value={draft.tag}
        onChange={(event) => setDraft({ ...draft, tag: event.target.value })}
      />
      <div className="members-filters__actions">
        <Button type="submit" variant="primary">
          {t('members.filters.apply')}
        </Button>
        {hasMemberFilters(filters) ? (
          <Button onClick={() => onApply(NO_MEMBER_FILTERS)}>{t('members.filters.clear')}</Button>
        ) : null}
      </div>
    </form>
  );
}

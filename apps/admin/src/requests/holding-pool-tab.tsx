import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { TMemberSummary } from '@unionhall/domain';
import { Alert, Button, Dialog, Select, readApiError } from '@unionhall/ui';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unitsInTreeOrder } from '../members/members-helpers';
import { useTRPC } from '../trpc';
import { ListStatus, MemberLink, useCanManageIn, useDateFormat } from './request-parts';
import { placementTargets } from './requests-helpers';

/** Applicants whose employer has no union, waiting at a regional unit for a unit to join. */
export function HoldingPoolTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const pool = useInfiniteQuery(
    trpc.officer.membership.list.infiniteQueryOptions(
      // Oldest first: whoever has waited longest for a unit is placed first.
      { needsPlacement: true, status: ['APPLICANT'], order: 'applied', limit: 25 },
      { getNextPageParam: (page) => page.nextCursor, staleTime: 0 },
    ),
  );
  const units = useQuery(trpc.officer.org.list.queryOptions());
  const canManageIn = useCanManageIn(units.data ?? []);
  const [placing, setPlacing] = useState<TMemberSummary | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

  /** Grassroots unions and branches the officer manages, in tree order. */
  const targets = useMemo(() => {
    const all = units.data ?? [];
    const allowed = new Set(
      placementTargets(all)
        .filter((unit) => canManageIn(unit.id))
        .map((unit) => unit.id),
    );
    return unitsInTreeOrder(all).filter((unit) => allowed.has(unit.id));
  }, [units.data, canManageIn]);

  const rows = useMemo(() => pool.data?.pages.flatMap((page) => page.items) ?? [], [pool.data]);
  return (
    <div className="requests-tab">
      <p className="requests-hint">{t('requests.pool.intro')}</p>
      <ListStatus
        pending={pool.isPending}
        error={pool.error}
        empty={rows.length === 0}
        emptyText={t('requests.pool.empty')}
        onRetry={() => void pool.refetch()}
        flash={flash}
      />
      {rows.length > 0 ? (
        <ol className="requests-list" aria-label={t('requests.pool.caption')}>
          {rows.map((member) => (
            <PoolCard
              key={member.id}
              member={member}
              canPlace={canManageIn(member.orgUnitId) && targets.length > 0}
              onPlace={() => setPlacing(member)}
            />
          ))}
        </ol>
      ) : null}
      {pool.hasNextPage ? (
        <div className="requests-more">
          <Button
            aria-disabled={pool.isFetchingNextPage}
            onClick={() => {
              if (!pool.isFetchingNextPage) void pool.fetchNextPage();
            }}
          >
            {pool.isFetchingNextPage ? t('common:status.loading') : t('requests.pool.loadMore')}
          </Button>
        </div>
      ) : null}
      {placing ? (
        <PlaceDialog
          member={placing}
          targets={targets}
          onClose={() => setPlacing(null)}
          onStale={() => void pool.refetch()}
          onDone={(placed) => {
            setFlash(t('requests.pool.placed', { name: placed.name, unit: placed.orgUnitName }));
            setPlacing(null);
            void pool.refetch();
          }}
        />
      ) : null}
    </div>
  );
}

function PoolCard({
  member,
  canPlace,
  onPlace,
}: {
  member: TMemberSummary;
  canPlace: boolean;
  onPlace: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const formatDate = useDateFormat();
  return (
    <li className="requests-card">
      <article aria-labelledby={headingId}>
        <header className="requests-card__header">
          <h2 id={headingId} className="requests-card__title">
            <MemberLink id={member.id} name={member.name} />
          </h2>
          <span className="uh-badge uh-badge--neutral">{t('members.needsPlacement')}</span>
        </header>
        <dl className="requests-details">
          <div>
            <dt>{t('requests.pool.waitingAt')}</dt>
            <dd>{member.orgUnitName}</dd>
          </div>
          <div>
            <dt>{t('requests.pool.employer')}</dt>
            <dd>{member.employerName ?? t('members.noValue')}</dd>
          </div>
          <div>
            <dt>{t('requests.pool.appliedAt')}</dt>
            <dd>{formatDate(member.appliedAt)}</dd>
          </div>
        </dl>
        {canPlace ? (
          <div className="requests-card__actions">
            <Button variant="primary" onClick={onPlace}>
              {t('requests.pool.place')}
            </Button>
          </div>
        ) : (
          <p className="requests-hint">{t('requests.noPermission')}</p>
        )}
      </article>
    </li>
  );
}

function PlaceDialog({
  member,
  targets,
  onClose,
  onStale,
  onDone,
}: {
  member: TMemberSummary;
  targets: ReadonlyArray<{ id: string; name: string }>;
  onClose: () => void;
  onStale: () => void;
  onDone: (placed: TMemberSummary) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const place = useMutation(trpc.officer.membership.place.mutationOptions());
  const [unitId, setUnitId] = useState('');
  const [unitError, setUnitError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (place.isPending) return;
    if (unitId === '') {
      setUnitError(t('requests.pool.chooseUnit'));
      selectRef.current?.focus();
      return;
    }
    setUnitError(null);
    setError(null);
    place.mutate(
      { id: member.id, orgUnitId: unitId, expectedVersion: member.version },
      {
        onSuccess: onDone,
        onError: (caught) => {
          const info = readApiError(caught, t('common:errors.network'));
          if (info.appCode === 'CONFLICT') {
            setError(t('requests.errors.alreadyPlaced'));
            onStale();
          } else if (info.appCode === 'VERSION_CONFLICT') {
            setError(t('requests.errors.versionConflict'));
            onStale();
          } else {
            setError(info.message);
          }
        },
      },
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('requests.pool.placeTitle', { name: member.name })}
      description={t('requests.pool.placeBody')}
    >
      <form className="uh-form" noValidate onSubmit={submit}>
        <Select
          ref={selectRef}
          label={t('requests.pool.target')}
          placeholder={t('requests.pool.targetPlaceholder')}
          required
          options={targets.map((unit) => ({ value: unit.id, label: unit.name }))}
          value={unitId}
          error={unitError ?? undefined}
          onChange={(event) => setUnitId(event.target.value)}
        />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" aria-disabled={place.isPending}>
            {place.isPending ? t('common:status.saving') : t('requests.pool.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

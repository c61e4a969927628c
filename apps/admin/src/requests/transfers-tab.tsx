import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { TTransfer } from '@unionhall/domain';
import { Button } from '@unionhall/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../trpc';
import { DecideDialog } from './decide-dialog';
import {
  DecideButtons,
  ListStatus,
  MemberLink,
  RequestNote,
  RequestStateBadge,
  StateFilter,
  useCanManageIn,
  useDateFormat,
} from './request-parts';
import {
  readRequestState,
  readTransferDirection,
  TRANSFER_DIRECTIONS,
  type TTransferDirection,
} from './requests-helpers';
import { useDecisionError } from './use-request-decision';

/**
 * Transfers between units: incoming ones the receiving unit decides, outgoing ones its
 * officers follow. Direction and state live in the URL.
 */
export function TransfersTab() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [searchParams] = useSearchParams();
  const direction = readTransferDirection(searchParams);
  const state = readRequestState(searchParams);
  // Oldest first, a page at a time: the longest waiting are decided first.
  const transfers = useInfiniteQuery(
    trpc.officer.memberRequests.transfers.infiniteQueryOptions(
      { flow: direction, state, limit: 25 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const units = useQuery(trpc.officer.org.list.queryOptions());
  const canManageIn = useCanManageIn(units.data ?? []);
  const [deciding, setDeciding] = useState<{ row: TTransfer; approve: boolean } | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const decide = useMutation(trpc.officer.memberRequests.decideTransfer.mutationOptions());
  const decision = useDecisionError(() => void transfers.refetch());

  const rows = transfers.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="requests-tab">
      <DirectionFilter current={direction} />
      {direction === 'outgoing' ? (
        <p className="requests-hint">{t('requests.transfers.outgoingHint')}</p>
      ) : null}
      <StateFilter current={state} />
      <ListStatus
        pending={transfers.isPending}
        error={transfers.error}
        empty={rows.length === 0}
        emptyText={t(`requests.transfers.empty_${direction}`)}
        onRetry={() => void transfers.refetch()}
        flash={flash}
      />
      {rows.length > 0 ? (
        <ol className="requests-list">
          {rows.map((row) => (
            <TransferCard
              key={row.id}
              row={row}
              canDecide={
                direction === 'incoming' && row.state === 'PENDING' && canManageIn(row.toUnitId)
              }
              onDecide={(approve) => {
                decision.clear();
                setDeciding({ row, approve });
              }}
            />
          ))}
        </ol>
      ) : null}
      {transfers.hasNextPage ? (
        <div className="requests-more">
          <Button
            aria-disabled={transfers.isFetchingNextPage}
            onClick={() => {
              if (!transfers.isFetchingNextPage) void transfers.fetchNextPage();
            }}
          >
            {transfers.isFetchingNextPage
              ? t('common:status.loading')
              : t('requests.transfers.loadMore')}
          </Button>
        </div>
      ) : null}
      {deciding ? (
        <DecideDialog
          title={
            deciding.approve ? t('requests.transfers.accept') : t('requests.transfers.decline')
          }
          description={t(
            deciding.approve ? 'requests.transfers.acceptBody' : 'requests.transfers.declineBody',
            { name: deciding.row.memberName, to: deciding.row.toUnitName },
          )}
          approve={deciding.approve}
          confirmLabel={
            deciding.approve ? t('requests.transfers.accept') : t('requests.transfers.decline')
          }
          pending={decide.isPending}
          error={decision.error?.message ?? null}
          reasonError={decision.error?.reasonError ?? null}
          onClose={() => setDeciding(null)}
          onConfirm={(reason) =>
            decide.mutate(
              { id: deciding.row.id, approve: deciding.approve, ...(reason ? { reason } : {}) },
              {
                onSuccess: () => {
                  setFlash(
                    t(
                      deciding.approve
                        ? 'requests.transfers.accepted'
                        : 'requests.transfers.declined',
                      { name: deciding.row.memberName },
                    ),
                  );
                  setDeciding(null);
                  void transfers.refetch();
                },
                onError: decision.fail,
              },
            )
          }
        />
      ) : null}
    </div>
  );
}

function DirectionFilter({ current }: { current: TTransferDirection }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  return (
    <nav className="requests-filter" aria-label={t('requests.transfers.directionLabel')}>
      {TRANSFER_DIRECTIONS.map((direction) => {
        const next = new URLSearchParams(searchParams);
        next.set('direction', direction);
        next.delete('state');
        return (
          <Link
            key={direction}
            to={{ search: next.toString() }}
            aria-current={direction === current ? 'page' : undefined}
            className="requests-filter__link"
          >
            {t(`requests.transfers.${direction}`)}
          </Link>
        );
      })}
    </nav>
  );
}

function TransferCard({
  row,
  canDecide,
  onDecide,
}: {
  row: TTransfer;
  canDecide: boolean;
  onDecide: (approve: boolean) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const formatDate = useDateFormat();
  return (
    <li className="requests-card">
      <article aria-labelledby={headingId}>
        <header className="requests-card__header">
          <h2 id={headingId} className="requests-card__title">
            <MemberLink id={row.memberId} name={row.memberName} />
          </h2>
          <RequestStateBadge state={row.state} />
        </header>
        <dl className="requests-details">
          <div>
            <dt>{t('requests.transfers.from')}</dt>
            <dd>{row.fromUnitName}</dd>
          </div>
          <div>
            <dt>{t('requests.transfers.to')}</dt>
            <dd>{row.toUnitName}</dd>
          </div>
        </dl>
        <p className="requests-card__meta">
          <span>{t('requests.submittedAt', { date: formatDate(row.createdAt) })}</span>
          {row.decidedAt ? (
            <span>{t('requests.decidedAt', { date: formatDate(row.decidedAt) })}</span>
          ) : null}
        </p>
        <RequestNote title={t('requests.transfers.memberReason')} text={row.reason} />
        <RequestNote title={t('requests.decisionReason')} text={row.decisionReason} />
        {canDecide ? (
          <DecideButtons
            approveLabel={t('requests.transfers.accept')}
            rejectLabel={t('requests.transfers.decline')}
            onDecide={onDecide}
          />
        ) : null}
      </article>
    </li>
  );
}

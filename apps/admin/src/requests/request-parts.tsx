import { REQUEST_STATES, type TRequestState } from '@unionhall/domain';
import { Alert, Button, currentLocale, readApiError } from '@unionhall/ui';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermissions } from '../auth/permissions';

const STATE_TONES: Record<TRequestState, string> = {
  PENDING: 'warning',
  APPROVED: 'success',
  REJECTED: 'danger',
  CANCELLED: 'neutral',
};

/** A request's state in words, tinted to support (never replace) the word. */
export function RequestStateBadge({ state }: { state: TRequestState }) {
  const { t } = useTranslation();
  return (
    <span className={`uh-badge uh-badge--${STATE_TONES[state]}`}>
      {t(`requests.state.${state}`)}
    </span>
  );
}

/** Links that narrow the tab to one state; the choice lives in the URL (`?state=`). */
export function StateFilter({ current }: { current: TRequestState }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  return (
    <nav className="requests-filter" aria-label={t('requests.state.label')}>
      {REQUEST_STATES.map((state) => {
        const next = new URLSearchParams(searchParams);
        if (state === 'PENDING') next.delete('state');
        else next.set('state', state);
        return (
          <Link
            key={state}
            to={{ search: next.toString() }}
            aria-current={state === current ? 'page' : undefined}
            className="requests-filter__link"
          >
            {t(`requests.state.${state}`)}
          </Link>
        );
      })}
    </nav>
  );
}

/** The member's name, opening their member page. */
export function MemberLink({ id, name }: { id: string; name: string }) {
  return (
    <Link to={`/members/${id}`} className="requests-member">
      {name}
    </Link>
  );
}

/** Dates in the console's language. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return (date: Date) => format.format(date);
  }, [locale]);
}

/**
 * Whether the officer may manage members of a unit (a grant on it or an ancestor). Only
 * hides controls: the server checks again, and answers "not found" outside the scope.
 */
export function useCanManageIn(units: ReadonlyArray<{ id: string; parentId: string | null }>) {
  const { canOn } = usePermissions();
  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  return (unitId: string) => {
    const unit = byId.get(unitId);
    return unit ? canOn('member.manage', unit, byId) : false;
  };
}

/** The list's status line: loading, the failure with a retry, or the empty text. */
export function ListStatus({
  pending,
  error,
  empty,
  emptyText,
  onRetry,
  flash,
}: {
  pending: boolean;
  error: unknown;
  empty: boolean;
  emptyText: string;
  onRetry: () => void;
  flash: ReactNode;
}) {
  const { t } = useTranslation();
  const info = error ? readApiError(error, t('common:errors.network')) : null;
  return (
    <>
      {info ? (
        <Alert
          tone="error"
          title={t('requests.loadError')}
          action={
            <Button size="sm" onClick={onRetry}>
              {t('common:actions.retry')}
            </Button>
          }
        >
          {info.message}
        </Alert>
      ) : null}
      <div className="requests-toolbar">
        <p role="status" className="page__status">
          {flash}
          {!flash && pending && !info ? t('common:status.loading') : null}
          {!flash && !pending && !info && empty ? emptyText : null}
        </p>
        <Button size="sm" variant="ghost" onClick={onRetry}>
          {t('requests.refresh')}
        </Button>
      </div>
    </>
  );
}

/** A text someone wrote on a request (the member's note or reason, the officer's decision). */
export function RequestNote({ title, text }: { title: string; text: string | null }) {
  if (!text) return null;
  return (
    <div className="requests-note">
      <h3>{title}</h3>
      <p>{text}</p>
    </div>
  );
}

/** The two decisions on a pending request; the reason is asked for in the dialog that follows. */
export function DecideButtons({
  approveLabel,
  rejectLabel,
  onDecide,
}: {
  approveLabel: string;
  rejectLabel: string;
  onDecide: (approve: boolean) => void;
}) {
  return (
    <div className="requests-card__actions">
      <Button variant="primary" onClick={() => onDecide(true)}>
        {approveLabel}
      </Button>
      <Button variant="danger" onClick={() => onDecide(false)}>
        {rejectLabel}
      </Button>
    </div>
  );
}

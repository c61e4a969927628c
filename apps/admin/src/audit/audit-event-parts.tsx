import { MASKED, ZOrgUnitKind, type TAuditEvent } from '@unionhall/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  isKnownAction,
  isKnownField,
  orderedFields,
  writeFilters,
  NO_FILTERS,
} from './audit-helpers';

/** What the rows need besides the event: unit names and the formatter for the locale. */
export interface TAuditDisplayContext {
  unitNames: ReadonlyMap<string, string>;
  formatTime: (date: Date) => string;
  /** The target the log is filtered to, whose rows need no link to themselves. */
  currentTargetId: string;
}

export function AuditTime({
  event,
  context,
}: {
  event: TAuditEvent;
  context: TAuditDisplayContext;
}) {
  return (
    <time className="audit-time" dateTime={event.occurredAt.toISOString()}>
      {context.formatTime(event.occurredAt)}
    </time>
  );
}

export function AuditActor({ event }: { event: TAuditEvent }) {
  const { t } = useTranslation();
  return (
    <span className="audit-actor">
      {t(`audit.actorType.${event.actorType}`)}
      {event.actorId ? (
        <>
          {' '}
          <span className="uh-code audit-id">{event.actorId}</span>
        </>
      ) : null}
    </span>
  );
}

export function actionLabel(t: ReturnType<typeof useTranslation>['t'], action: string): string {
  return isKnownAction(action) ? t(`audit.action.${action}`) : action;
}

export function AuditAction({ event }: { event: TAuditEvent }) {
  const { t } = useTranslation();
  const known = isKnownAction(event.action);
  return (
    <span className={known ? 'audit-action' : 'audit-action uh-code'}>
      {actionLabel(t, event.action)}
    </span>
  );
}

/** The target by its current name when it is a unit we know, linking to its own history. */
export function AuditTarget({
  event,
  context,
}: {
  event: TAuditEvent;
  context: TAuditDisplayContext;
}) {
  const { t } = useTranslation();
  const { targetType, targetId } = event;
  if (!targetId) return <span className="audit-muted">{targetType ?? '—'}</span>;
  const name = targetType === 'OrgUnit' ? context.unitNames.get(targetId) : undefined;
  const text = name ?? <span className="uh-code audit-id">{targetId}</span>;
  return (
    <span className="audit-target">
      {targetType !== 'OrgUnit' ? <span className="audit-muted">{targetType} </span> : null}
      {targetId === context.currentTargetId ? (
        text
      ) : (
        <Link
          to={{ search: `?${writeFilters({ ...NO_FILTERS, targetId }).toString()}` }}
          aria-label={t('audit.targetHistory', { name: name ?? targetId })}
        >
          {text}
        </Link>
      )}
    </span>
  );
}

const OUTCOME_TONE = { SUCCESS: 'success', DENIED: 'warning', FAILED: 'danger' } as const;

export function AuditOutcome({ event }: { event: TAuditEvent }) {
  const { t } = useTranslation();
  return (
    <span className={`uh-badge uh-badge--${OUTCOME_TONE[event.outcome]}`}>
      {t(`audit.outcome.${event.outcome}`)}
    </span>
  );
}

/**
 * The changed fields as "field: before → after". A creation has nothing before, so it lists
 * the new values alone. The arrow is read out as words.
 */
export function AuditChanges({
  event,
  context,
}: {
  event: TAuditEvent;
  context: TAuditDisplayContext;
}) {
  const { t } = useTranslation();
  const changes = event.changes ?? {};
  const fields = orderedFields(Object.keys(changes));
  if (fields.length === 0) return <span className="audit-muted">{t('audit.noChanges')}</span>;
  const created = fields.every((field) => (changes[field]?.before ?? null) === null);

  const format = (field: string, value: unknown): string => {
    if (value === null || value === undefined) return t('audit.none');
    if (value === MASKED) return t('audit.masked');
    if (field === 'parentId' && typeof value === 'string') {
      return context.unitNames.get(value) ?? value;
    }
    if (field === 'kind') {
      const kind = ZOrgUnitKind.safeParse(value);
      if (kind.success) return t(`common:unitKind.${kind.data}`);
    }
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value);
  };

  return (
    <ul className="audit-changes">
      {fields.map((field) => {
        const change = changes[field];
        return (
          <li key={field}>
            <span className="audit-changes__field">
              {isKnownField(field) ? t(`audit.field.${field}`) : field}
              {t('audit.fieldSeparator')}
            </span>
            {created ? null : (
              <>
                <span className="audit-changes__before">{format(field, change?.before)}</span>
                <span aria-hidden="true"> → </span>
                <span className="uh-visually-hidden"> {t('audit.changedTo')} </span>
              </>
            )}
            <span className="audit-changes__after">{format(field, change?.after)}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function AuditRequestId({ event }: { event: TAuditEvent }) {
  const { t } = useTranslation();
  if (!event.requestId) return null;
  return (
    <p className="audit-request">
      <span className="audit-request__label">{t('audit.column.requestId')}</span>{' '}
      <span className="uh-code audit-id">{event.requestId}</span>
    </p>
  );
}

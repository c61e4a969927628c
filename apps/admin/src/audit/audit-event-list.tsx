import type { TAuditEvent } from '@unionhall/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AuditAction,
  AuditActor,
  AuditChanges,
  AuditOutcome,
  AuditRequestId,
  AuditTarget,
  AuditTime,
  actionLabel,
  type TAuditDisplayContext,
} from './audit-event-parts';

interface Props {
  events: readonly TAuditEvent[];
  context: TAuditDisplayContext;
}

/** Desktop: one row per event, columns for scanning down the log. */
export function AuditTable({ events, context }: Props) {
  const { t } = useTranslation();
  return (
    <div className="data-table-frame">
      <table className="data-table audit-table">
        <caption className="uh-visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.column.time')}</th>
            <th scope="col">{t('audit.column.action')}</th>
            <th scope="col">{t('audit.column.target')}</th>
            <th scope="col">{t('audit.column.actor')}</th>
            <th scope="col">{t('audit.column.outcome')}</th>
            <th scope="col">{t('audit.column.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.seq}>
              <th scope="row" className="audit-table__time">
                <AuditTime event={event} context={context} />
              </th>
              <td className="audit-table__action">
                <AuditAction event={event} />
              </td>
              <td>
                <AuditTarget event={event} context={context} />
              </td>
              <td>
                <AuditActor event={event} />
              </td>
              <td>
                <AuditOutcome event={event} />
              </td>
              <td className="audit-table__changes">
                <AuditChanges event={event} context={context} />
                <AuditRequestId event={event} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Phones: one card per event, each named by its action, details as a description list. */
export function AuditCards({ events, context }: Props) {
  const { t } = useTranslation();
  return (
    <ol className="audit-cards" aria-label={t('audit.caption')}>
      {events.map((event) => (
        <AuditCard key={event.seq} event={event} context={context} />
      ))}
    </ol>
  );
}

function AuditCard({ event, context }: { event: TAuditEvent; context: TAuditDisplayContext }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <li className="audit-card">
      <article aria-labelledby={headingId}>
        <header className="audit-card__header">
          <h2 id={headingId} className="audit-card__title">
            {actionLabel(t, event.action)}
          </h2>
          <AuditOutcome event={event} />
        </header>
        <p className="audit-card__time">
          <AuditTime event={event} context={context} />
        </p>
        <dl className="audit-card__details">
          <div>
            <dt>{t('audit.column.target')}</dt>
            <dd>
              <AuditTarget event={event} context={context} />
            </dd>
          </div>
          <div>
            <dt>{t('audit.column.actor')}</dt>
            <dd>
              <AuditActor event={event} />
            </dd>
          </div>
          <div>
            <dt>{t('audit.column.changes')}</dt>
            <dd>
              <AuditChanges event={event} context={context} />
            </dd>
          </div>
        </dl>
        <AuditRequestId event={event} />
      </article>
    </li>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TEmploymentRecord } from '@unionhall/domain';
import { Alert, Button, currentLocale, readApiError } from '@unionhall/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { EditEmploymentDialog, EndEmploymentDialog } from './employment-dialogs';

interface Props {
  memberId: string;
  followUp: boolean;
  /** Whether the officer may correct and end spells (member.manage on the member's unit). */
  canManage: boolean;
  /** After a change: the member record (employer, job) and the timeline follow the spell. */
  onChanged: () => void;
}

/** The member's employers over time, newest first, with where each spell was learnt. */
export function MemberEmployment({ memberId, followUp, canManage, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const history = useQuery(
    trpc.officer.employment.history.queryOptions({ memberId }, { staleTime: 0 }),
  );
  const [editing, setEditing] = useState<{ spell: TEmploymentRecord; kind: 'edit' | 'end' } | null>(
    null,
  );
  const [flash, setFlash] = useState<string | null>(null);
  const reload = () =>
    queryClient.invalidateQueries({
      queryKey: trpc.officer.employment.history.queryKey({ memberId }),
    });
  const locale = currentLocale(i18n);
  // Dates are calendar days: formatted in UTC so that no time zone shifts them by one.
  const date = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
    [locale],
  );
  const day = (value: string) => date.format(new Date(`${value}T00:00:00Z`));
  const period = (record: TEmploymentRecord): string => {
    const from = record.startedOn ? day(record.startedOn) : t('employment.unknownStart');
    if (!record.endedOn) {
      return record.startedOn
        ? t('employment.since', { from })
        : t('employment.period', { from, to: t('employment.present') });
    }
    return t('employment.period', { from, to: day(record.endedOn) });
  };

  return (
    <section className="member-section" aria-labelledby="member-employment">
      <h2 id="member-employment">{t('employment.heading')}</h2>
      {followUp ? (
        <Alert tone="warning" title={t('employment.followUp')}>
          {t('employment.followUpText')}
        </Alert>
      ) : null}
      {flash ? <Alert tone="success">{flash}</Alert> : null}
      {history.error ? (
        <Alert tone="error" title={t('employment.loadError')}>
          {readApiError(history.error, t('common:errors.network')).message}
        </Alert>
      ) : null}
      {history.isPending ? <p>{t('common:status.loading')}</p> : null}
      {history.data && history.data.length === 0 ? (
        <p className="members-muted">{t('employment.empty')}</p>
      ) : null}
      {history.data && history.data.length > 0 ? (
        <ol className="member-history" aria-label={t('employment.caption')}>
          {history.data.map((record) => (
            <li key={record.id} className="member-history__entry">
              <p className="member-history__head">
                <strong>{record.employerName}</strong>
                {record.endedOn ? null : (
                  <span className="uh-badge uh-badge--success">{t('employment.current')}</span>
                )}
                <span className="members-muted">{period(record)}</span>
              </p>
              {record.jobTitle ? (
                <p className="member-history__change">
                  {t('employment.jobTitle', { jobTitle: record.jobTitle })}
                </p>
              ) : null}
              {record.workplaceName ? (
                <p className="member-history__change">
                  {t('employment.workplace', { workplace: record.workplaceName })}
                </p>
              ) : null}
              {record.endReason ? (
                <p className="member-history__reason">
                  {t('employment.endReason', { reason: record.endReason })}
                </p>
              ) : null}
              <p className="member-history__change members-muted">
                {t('employment.sourceLabel', {
                  source: t(`employment.source.${record.source}`),
                })}
              </p>
              {canManage ? (
                <div className="member-history__actions">
                  <Button
                    size="sm"
                    aria-label={t('employment.edit.button', { employer: record.employerName })}
                    onClick={() => setEditing({ spell: record, kind: 'edit' })}
                  >
                    {t('employment.edit.short')}
                  </Button>
                  {record.endedOn ? null : (
                    <Button
                      size="sm"
                      variant="danger"
                      aria-label={t('employment.end.button', { employer: record.employerName })}
                      onClick={() => setEditing({ spell: record, kind: 'end' })}
                    >
                      {t('employment.end.short')}
                    </Button>
                  )}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {editing
        ? (() => {
            const props = {
              spell: editing.spell,
              onClose: () => setEditing(null),
              onStale: () => void reload(),
              onDone: (spell: TEmploymentRecord) => {
                setEditing(null);
                setFlash(
                  editing.kind === 'end'
                    ? t('employment.end.done', { employer: spell.employerName })
                    : t('employment.edit.done', { employer: spell.employerName }),
                );
                void reload();
                onChanged();
              },
            };
            return editing.kind === 'end' ? (
              <EndEmploymentDialog {...props} />
            ) : (
              <EditEmploymentDialog {...props} />
            );
          })()
        : null}
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MERGE_FIELDS,
  type TMergeField,
  type TMergePreview,
  type TMergeRecord,
  type TMergeSide,
} from '@unionhall/domain';
import { Alert, Button, Dialog, readApiError } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useTRPC } from '../trpc';
import { formatPhone } from './members-helpers';
import { StatusBadge } from './status-badge';
import './members.css';
import './merge.css';

type Picks = Partial<Record<TMergeField, TMergeSide>>;

/** Whether a record has a value for a field (an empty value is never a good default). */
function hasValue(record: TMergeRecord, field: TMergeField): boolean {
  switch (field) {
    case 'idDocument':
      return record.idLast4 !== null;
    case 'employer':
      return record.employerId !== null;
    case 'workplace':
      return record.workplaceId !== null;
    case 'orgUnit':
      return true;
    default:
      return record[field] !== null && record[field] !== '';
  }
}

/** The starting choice: the kept record's value, unless it is empty and the other's is not. */
export function defaultPicks(preview: TMergePreview): Picks {
  const picks: Picks = {};
  for (const field of MERGE_FIELDS) {
    picks[field] =
      !hasValue(preview.survivor, field) && hasValue(preview.other, field) ? 'OTHER' : 'SURVIVOR';
  }
  return picks;
}

/**
 * Two records of the same person side by side: per field, the officer picks whose value to
 * keep; the record in the address's first place stays, the other is merged into it.
 */
export function MergePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { id = '', otherId = '' } = useParams();
  const pair = { survivorId: id, otherId };
  const preview = useQuery(
    trpc.officer.membership.mergePreview.queryOptions(pair, { staleTime: 0 }),
  );
  const [chosen, setChosen] = useState<{ key: string; picks: Picks } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const merge = useMutation(trpc.officer.membership.merge.mutationOptions());

  if (preview.isPending) return <p className="page__status">{t('common:status.loading')}</p>;
  const data = preview.data;
  if (!data) {
    return (
      <section className="page" aria-labelledby="merge-title">
        <BackLink id={id} />
        <h1 id="merge-title">{t('memberMerge.loadError')}</h1>
        <Alert tone="error">
          {readApiError(preview.error, t('common:errors.network')).message}
        </Alert>
      </section>
    );
  }

  // Choices belong to one pair of versions: a reload after a conflict starts again.
  const key = `${data.survivor.id}:${data.survivor.version}:${data.other.id}:${data.other.version}`;
  const picks = chosen?.key === key ? chosen.picks : defaultPicks(data);
  const setPick = (field: TMergeField, side: TMergeSide) =>
    setChosen({ key, picks: { ...picks, [field]: side } });
  const recordOf = (side: TMergeSide | undefined) =>
    side === 'OTHER' ? data.other : data.survivor;
  const employerId = recordOf(picks.employer).employerId;
  const workplaceRecord = recordOf(picks.workplace);
  const workplaceMismatch =
    workplaceRecord.workplaceId !== null && workplaceRecord.employerId !== employerId;
  const blocked = data.blockers.length > 0;
  const taken = MERGE_FIELDS.filter(
    (field) => picks[field] === 'OTHER' && data.differences.includes(field),
  );

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!blocked && !workplaceMismatch) setConfirming(true);
  }

  function submit() {
    if (merge.isPending || !data) return;
    merge.mutate(
      {
        survivorId: data.survivor.id,
        otherId: data.other.id,
        survivorVersion: data.survivor.version,
        otherVersion: data.other.version,
        picks,
      },
      {
        onSuccess: async () => {
          await queryClient.invalidateQueries({ queryKey: trpc.officer.membership.pathKey() });
          await navigate(`/members/${data.survivor.id}`);
        },
        onError: (caught) => {
          setConfirming(false);
          const info = readApiError(caught, t('common:errors.network'));
          setError(
            info.appCode === 'VERSION_CONFLICT' ? t('memberMerge.versionConflict') : info.message,
          );
          void preview.refetch();
        },
      },
    );
  }

  return (
    <section className="page merge-page" aria-labelledby="merge-title">
      <BackLink id={id} />
      <header className="page__header">
        <h1 id="merge-title">{t('memberMerge.title')}</h1>
        <p className="page__intro">{t('memberMerge.intro')}</p>
        <p>
          <Link to={`/members/${otherId}/merge/${id}`}>{t('memberMerge.swap')}</Link>
        </p>
      </header>

      {data.blockers.map((blocker) => (
        <Alert key={blocker} tone="error">
          {t(`memberMerge.blocker.${blocker}`)}
        </Alert>
      ))}
      {data.notes.map((note) => (
        <Alert key={note} tone="info">
          {t(`memberMerge.note.${note}`)}
        </Alert>
      ))}
      {error ? <Alert tone="error">{error}</Alert> : null}

      <form className="merge-form" noValidate onSubmit={review}>
        <div className="merge-grid merge-grid--head" aria-hidden="true">
          <span>{t('memberMerge.fields')}</span>
          <span>{t('memberMerge.survivor')}</span>
          <span>{t('memberMerge.other')}</span>
        </div>
        <div className="merge-grid merge-row">
          <span className="merge-row__label">{t('memberMerge.statusAndNumber')}</span>
          <RecordHead record={data.survivor} side="SURVIVOR" />
          <RecordHead record={data.other} side="OTHER" />
        </div>
        {MERGE_FIELDS.map((field) => {
          const differs = data.differences.includes(field);
          return (
            <fieldset
              key={field}
              className={`merge-grid merge-row${differs ? ' merge-row--differs' : ''}`}
            >
              <legend className="merge-row__label">
                {t(`memberMerge.field.${field}`)}
                {differs ? (
                  <span className="uh-badge uh-badge--warning merge-row__badge">
                    {t('memberMerge.differs')}
                  </span>
                ) : null}
              </legend>
              {(['SURVIVOR', 'OTHER'] as const).map((side) => (
                <label key={side} className="merge-choice">
                  <input
                    type="radio"
                    name={field}
                    value={side}
                    checked={picks[field] === side}
                    onChange={() => setPick(field, side)}
                  />
                  <span>
                    <span className="merge-choice__side">
                      {side === 'SURVIVOR' ? t('memberMerge.survivor') : t('memberMerge.other')}
                    </span>
                    <FieldValue record={recordOf(side)} field={field} />
                  </span>
                </label>
              ))}
            </fieldset>
          );
        })}
        <div className="merge-grid merge-row">
          <span className="merge-row__label">{t('memberMerge.tags')}</span>
          <p className="merge-tags">
            {[...new Set([...data.survivor.tags, ...data.other.tags])].join('、') ||
              t('memberMerge.noTags')}
            <br />
            <span className="members-muted">{t('memberMerge.tagsHint')}</span>
          </p>
        </div>
        {workplaceMismatch ? (
          <Alert tone="error">{t('memberMerge.workplaceMismatch')}</Alert>
        ) : null}
        <div className="uh-form__actions">
          <Link to={`/members/${id}`}>{t('common:actions.cancel')}</Link>
          <Button type="submit" variant="primary" aria-disabled={blocked || workplaceMismatch}>
            {t('memberMerge.review')}
          </Button>
        </div>
      </form>

      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('memberMerge.confirmTitle')}
        description={t('memberMerge.confirmBody', {
          other: data.other.name,
          survivor: data.survivor.name,
        })}
      >
        {taken.length > 0 ? (
          <>
            <p>{t('memberMerge.confirmTaken')}</p>
            <ul className="merge-taken">
              {taken.map((field) => (
                <li key={field}>
                  {t(`memberMerge.field.${field}`)}
                  {t('audit.fieldSeparator')}
                  <FieldValue record={data.other} field={field} />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('memberMerge.confirmNone')}</p>
        )}
        <div className="uh-form__actions">
          <Button onClick={() => setConfirming(false)}>{t('common:actions.cancel')}</Button>
          <Button variant="danger" aria-disabled={merge.isPending} onClick={submit}>
            {merge.isPending ? t('common:status.saving') : t('memberMerge.confirm')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}

function BackLink({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <p className="member-page__back">
      <Link to={`/members/${id}`}>← {t('memberMerge.back')}</Link>
    </p>
  );
}

function RecordHead({ record, side }: { record: TMergeRecord; side: TMergeSide }) {
  const { t } = useTranslation();
  return (
    <p className="merge-record-head">
      <span className="merge-choice__side">
        {side === 'SURVIVOR' ? t('memberMerge.survivor') : t('memberMerge.other')}
      </span>
      <StatusBadge status={record.status} />{' '}
      {record.memberNumber ? (
        <span className="members-number">{record.memberNumber}</span>
      ) : (
        <span className="members-muted">{t('members.detail.noMemberNumber')}</span>
      )}
    </p>
  );
}

/** A field's value as officers read it; the ID document only by type and last four. */
function FieldValue({ record, field }: { record: TMergeRecord; field: TMergeField }) {
  const { t } = useTranslation();
  const none = <span className="members-muted">{t('members.noValue')}</span>;
  switch (field) {
    case 'idDocument':
      return record.idLast4 ? (
        <span>
          {t('members.detail.idEnding', {
            type: t(`members.idType.${record.idType}`),
            last4: record.idLast4,
          })}
        </span>
      ) : (
        none
      );
    case 'phone':
      return record.phone ? <span>{formatPhone(record.phone)}</span> : none;
    case 'employer':
      return record.employerName ? <span>{record.employerName}</span> : none;
    case 'workplace':
      return record.workplaceName ? <span>{record.workplaceName}</span> : none;
    case 'orgUnit':
      return <span>{record.orgUnitName}</span>;
    default: {
      const value = record[field];
      return value ? <span className="members-anywhere">{value}</span> : none;
    }
  }
}

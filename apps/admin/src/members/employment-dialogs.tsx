import { useMutation, useQuery } from '@tanstack/react-query';
import { unionToday, type TEmploymentRecord } from '@unionhall/domain';
import { Alert, Button, Dialog, Select, TextField, readApiError } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';

interface Props {
  spell: TEmploymentRecord;
  onClose: () => void;
  /** After the change: the spell as it is now. */
  onDone: (spell: TEmploymentRecord) => void;
  /** Someone else changed the spell first: the page reloads it before a new try. */
  onStale: () => void;
}

/** Shows the server's refusal in the dialog; a stale version reloads the page behind it. */
function useFailure(onStale: () => void) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const fail = (caught: unknown) => {
    const info = readApiError(caught, t('common:errors.network'));
    if (info.appCode === 'VERSION_CONFLICT') {
      setError(t('employment.edit.versionConflict'));
      onStale();
      return;
    }
    setFieldErrors(info.fieldErrors);
    setError(info.message);
  };
  const reset = () => {
    setError(null);
    setFieldErrors({});
  };
  return { error, fieldErrors, fail, reset };
}

/** An officer corrects a spell: employer, workplace, job and dates. */
export function EditEmploymentDialog({ spell, onClose, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [employerId, setEmployerId] = useState(spell.employerId);
  const [workplaceId, setWorkplaceId] = useState(spell.workplaceId ?? '');
  const [jobTitle, setJobTitle] = useState(spell.jobTitle ?? '');
  const [startedOn, setStartedOn] = useState(spell.startedOn ?? '');
  const [endedOn, setEndedOn] = useState(spell.endedOn ?? '');
  const [datesError, setDatesError] = useState<string | null>(null);
  const failure = useFailure(onStale);
  const update = useMutation(trpc.officer.employment.update.mutationOptions());
  const employers = useQuery(
    trpc.officer.employers.list.queryOptions({
      limit: 50,
      ...(search.trim() ? { query: search.trim() } : {}),
    }),
  );
  const employer = useQuery(trpc.officer.employers.get.queryOptions({ id: employerId }));
  const today = unionToday();

  const employerOptions = [
    { value: spell.employerId, label: spell.employerName },
    ...(employers.data?.items ?? [])
      .filter((item) => item.id !== spell.employerId)
      .map((item) => ({ value: item.id, label: item.name })),
  ];
  const workplaceOptions = [
    { value: '', label: t('employment.edit.noWorkplace') },
    ...(employer.data?.workplaces ?? []).map((place) => ({ value: place.id, label: place.name })),
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    // A closed spell keeps an end date; the order of the dates is checked here for a quick
    // answer and again by the server.
    if (spell.endedOn && !endedOn) {
      setDatesError(t('employment.edit.endRequired'));
      return;
    }
    if (startedOn && endedOn && endedOn < startedOn) {
      setDatesError(t('employment.edit.datesOrder'));
      return;
    }
    setDatesError(null);
    failure.reset();
    update.mutate(
      {
        id: spell.id,
        employerId,
        workplaceId: workplaceId || null,
        jobTitle: jobTitle.trim() || null,
        startedOn: startedOn || null,
        endedOn: endedOn || null,
        expectedVersion: spell.version,
      },
      { onSuccess: onDone, onError: failure.fail },
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('employment.edit.title')}
      description={t('employment.edit.intro')}
    >
      <form className="uh-form" noValidate onSubmit={submit}>
        <TextField
          label={t('employment.edit.searchEmployer')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <Select
          label={t('employment.edit.employer')}
          required
          options={employerOptions}
          value={employerId}
          error={failure.fieldErrors.employerId}
          onChange={(event) => {
            setEmployerId(event.target.value);
            setWorkplaceId('');
          }}
        />
        <Select
          label={t('employment.edit.workplace')}
          options={workplaceOptions}
          value={workplaceId}
          onChange={(event) => setWorkplaceId(event.target.value)}
        />
        <TextField
          label={t('employment.edit.jobTitle')}
          maxLength={100}
          value={jobTitle}
          error={failure.fieldErrors.jobTitle}
          onChange={(event) => setJobTitle(event.target.value)}
        />
        <TextField
          label={t('employment.edit.startedOn')}
          type="date"
          max={today}
          value={startedOn}
          error={failure.fieldErrors.startedOn}
          onChange={(event) => setStartedOn(event.target.value)}
        />
        {spell.endedOn ? (
          <TextField
            label={t('employment.edit.endedOn')}
            type="date"
            max={today}
            required
            value={endedOn}
            error={datesError ?? failure.fieldErrors.endedOn}
            onChange={(event) => setEndedOn(event.target.value)}
          />
        ) : datesError ? (
          <Alert tone="error">{datesError}</Alert>
        ) : null}
        {failure.error ? <Alert tone="error">{failure.error}</Alert> : null}
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" aria-disabled={update.isPending}>
            {update.isPending ? t('common:status.saving') : t('employment.edit.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** An officer ends the member's current spell on the day they left. */
export function EndEmploymentDialog({ spell, onClose, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const today = unionToday();
  const [endedOn, setEndedOn] = useState(today);
  const [reason, setReason] = useState('');
  const failure = useFailure(onStale);
  const end = useMutation(trpc.officer.employment.end.mutationOptions());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (end.isPending) return;
    failure.reset();
    end.mutate(
      {
        id: spell.id,
        endedOn,
        expectedVersion: spell.version,
        ...(reason.trim() ? { endReason: reason.trim() } : {}),
      },
      { onSuccess: onDone, onError: failure.fail },
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('employment.end.title')}
      description={t('employment.end.intro', { employer: spell.employerName })}
    >
      <form className="uh-form" noValidate onSubmit={submit}>
        <TextField
          label={t('employment.end.endedOn')}
          type="date"
          required
          max={today}
          value={endedOn}
          error={failure.fieldErrors.endedOn}
          onChange={(event) => setEndedOn(event.target.value)}
        />
        <TextField
          label={t('employment.end.reason')}
          maxLength={200}
          value={reason}
          error={failure.fieldErrors.endReason}
          onChange={(event) => setReason(event.target.value)}
        />
        {failure.error ? <Alert tone="error">{failure.error}</Alert> : null}
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="danger" aria-disabled={end.isPending}>
            {end.isPending ? t('common:status.saving') : t('employment.end.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

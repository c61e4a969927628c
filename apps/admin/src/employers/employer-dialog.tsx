import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZEmployerInput, type TEmployer } from '@unionhall/domain';
import {
  Alert,
  Button,
  Dialog,
  Select,
  TextField,
  readApiError,
  useIssueMessages,
} from '@unionhall/ui';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/permissions';
import { unitsInTreeOrder } from '../members/members-helpers';
import { useFocusFirstInvalid } from '../org/use-focus-first-invalid';
import { useTRPC } from '../trpc';
import { draftToInput, employerDraft, type TEmployerDraft } from './employers-helpers';

interface Props {
  /** The employer to edit, in its latest copy (after a conflict it carries the new version); null to create one. */
  employer: TEmployer | null;
  onClose: () => void;
  onDone: (employer: TEmployer, message: string) => void;
}

/**
 * Creates or edits an employer, including linking it to the union unit that organizes it. The
 * units offered are those where the officer may manage members (the server checks again).
 */
export function EmployerDialog({ employer, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toFieldErrors = useIssueMessages();
  const { canOn } = usePermissions();
  const [draft, setDraft] = useState<TEmployerDraft>(() => employerDraft(employer));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstInvalid(clientErrors);
  const units = useQuery(trpc.officer.org.list.queryOptions());

  const unitOptions = useMemo(() => {
    const list = units.data ?? [];
    const byId = new Map(list.map((unit) => [unit.id, unit]));
    const manageable = unitsInTreeOrder(list).filter((unit) => {
      const full = byId.get(unit.id);
      return full ? canOn('member.manage', full, byId) : false;
    });
    const options = [
      { value: '', label: t('employers.form.noUnit') },
      // Indented with full-width spaces: a native select shows no other structure.
      ...manageable.map((unit) => ({
        value: unit.id,
        label: `${'\u3000'.repeat(unit.depth)}${unit.name}`,
      })),
    ];
    // Without org.read the list is empty: still show the unit the employer is linked to.
    if (employer?.orgUnitId && !options.some((option) => option.value === employer.orgUnitId)) {
      options.push({ value: employer.orgUnitId, label: employer.orgUnitName ?? '' });
    }
    return options;
  }, [units.data, canOn, employer, t]);

  const invalidate = () =>
    queryClient.invalidateQueries({ queryKey: trpc.officer.employers.pathKey() });
  const done = (saved: TEmployer) => {
    void invalidate();
    onDone(
      saved,
      employer
        ? t('employers.detail.updated', { name: saved.name })
        : t('employers.detail.created', { name: saved.name }),
    );
  };
  const create = useMutation(trpc.officer.employers.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(
    trpc.officer.employers.update.mutationOptions({
      onSuccess: done,
      onError: (error) => {
        // Reloads the employer, so the page hands this dialog the new version to save over.
        if (error.data?.appCode === 'VERSION_CONFLICT') void invalidate();
      },
    }),
  );
  const mutation = employer ? update : create;

  const apiError = mutation.error ? readApiError(mutation.error, t('common:errors.network')) : null;
  const apiFieldErrors: Record<string, string> = { ...apiError?.fieldErrors };
  let apiMessage = apiError?.message ?? null;
  if (apiError?.appCode === 'VERSION_CONFLICT') apiMessage = t('employers.versionConflict');
  if (apiError?.appCode === 'CONFLICT') {
    apiFieldErrors.creditCode = t('employers.duplicateCode');
    apiMessage = null;
  }
  const errors = { ...apiFieldErrors, ...clientErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZEmployerInput.safeParse(draftToInput(draft), { reportInput: true });
    if (!parsed.success) {
      setClientErrors(toFieldErrors(parsed.error.issues));
      return;
    }
    setClientErrors({});
    create.reset();
    update.reset();
    if (employer) {
      update.mutate({ ...parsed.data, id: employer.id, expectedVersion: employer.version });
    } else {
      create.mutate(parsed.data);
    }
  }

  const field = (key: keyof TEmployerDraft) => ({
    name: key,
    value: draft[key],
    error: errors[key],
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [key]: event.target.value })),
  });

  return (
    <Dialog
      open
      onClose={onClose}
      title={employer ? t('employers.form.editTitle') : t('employers.form.createTitle')}
      description={
        employer
          ? t('employers.form.editDescription', { name: employer.name })
          : t('employers.form.createDescription')
      }
    >
      <form ref={formRef} className="uh-form" noValidate onSubmit={submit}>
        {apiMessage ? <Alert tone="error">{apiMessage}</Alert> : null}
        <TextField
          {...field('name')}
          label={t('employers.form.name')}
          description={t('employers.form.nameHint')}
          required
          autoComplete="organization"
          maxLength={100}
        />
        <TextField
          {...field('creditCode')}
          label={t('employers.form.creditCode')}
          description={t('employers.form.creditCodeHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={30}
        />
        <Select
          {...field('orgUnitId')}
          label={t('employers.form.unit')}
          description={t('employers.form.unitHint')}
          options={unitOptions}
        />
        <TextField
          {...field('workforceSize')}
          label={t('employers.form.workforce')}
          description={t('employers.form.workforceHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
        />
        <TextField
          {...field('address')}
          label={t('employers.form.address')}
          autoComplete="street-address"
          maxLength={200}
        />
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={mutation.isPending}>
            {mutation.isPending
              ? t('common:status.saving')
              : employer
                ? t('employers.form.submitEdit')
                : t('employers.form.submitCreate')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

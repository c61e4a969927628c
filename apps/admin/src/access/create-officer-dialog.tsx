import { useMutation } from '@tanstack/react-query';
import { ZCreateOfficerInput, type TCreateOfficerResult, type TRole } from '@unionhall/domain';
import {
  Alert,
  Button,
  currentLocale,
  Dialog,
  Select,
  TextField,
  readApiError,
  useIssueMessages,
} from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusFirstInvalid } from '../org/use-focus-first-invalid';
import { useTRPC } from '../trpc';
import { unitOptions } from './access-helpers';
import { useInvalidateAccess } from './use-access-mutation';
import { useAccessRights } from './use-access-rights';

interface Props {
  onClose: () => void;
}

/**
 * Creates an officer account with a first role, then shows the temporary password once.
 * Closing the dialog forgets it: the server keeps only its hash.
 */
export function CreateOfficerDialog({ onClose }: Props) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateAccess();
  const toFieldErrors = useIssueMessages();
  const { units, grantableRoles, manageableUnits } = useAccessRights();
  const options = unitOptions(units, currentLocale(i18n), manageableUnits);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState('');
  const [role, setRole] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstInvalid(clientErrors);
  const roles = unitId ? grantableRoles(unitId) : [];

  const mutation = useMutation(
    trpc.officer.access.createOfficer.mutationOptions({ onSuccess: () => invalidate() }),
  );
  const apiError = mutation.error ? readApiError(mutation.error, t('common:errors.network')) : null;
  const errors = { ...apiError?.fieldErrors, ...clientErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZCreateOfficerInput.safeParse(
      { email, name, role, orgUnitId: unitId },
      { reportInput: true },
    );
    if (!parsed.success) {
      setClientErrors(toFieldErrors(parsed.error.issues));
      return;
    }
    setClientErrors({});
    mutation.reset();
    mutation.mutate(parsed.data);
  }

  if (mutation.data) return <CreatedOfficer result={mutation.data} onClose={onClose} />;

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('access.createDialog.title')}
      description={t('access.createDialog.description')}
    >
      <form ref={formRef} className="uh-form" noValidate onSubmit={submit}>
        {apiError ? <Alert tone="error">{apiError.message}</Alert> : null}
        <TextField
          label={t('access.createDialog.email')}
          name="email"
          type="email"
          required
          autoComplete="off"
          maxLength={254}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
        <TextField
          label={t('access.createDialog.name')}
          name="name"
          required
          autoComplete="off"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        <Select
          label={t('access.createDialog.unit')}
          name="orgUnitId"
          required
          value={unitId}
          placeholder={t('access.grantDialog.chooseUnit')}
          onChange={(event) => {
            setUnitId(event.target.value);
            setRole('');
          }}
          error={errors.orgUnitId}
          options={options}
        />
        <Select
          label={t('access.createDialog.role')}
          name="role"
          required
          value={role}
          disabled={!unitId}
          description={t('access.grantDialog.roleHint')}
          onChange={(event) => setRole(event.target.value)}
          error={errors.role}
          placeholder={t('common:validation.choose')}
          options={roles.map((value: TRole) => ({ value, label: t(`access.role.${value}`) }))}
        />
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('common:status.saving') : t('access.createDialog.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The one time the temporary password is visible, with a button to copy it. */
function CreatedOfficer({
  result,
  onClose,
}: {
  result: TCreateOfficerResult;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyPassword() {
    try {
      await navigator.clipboard.writeText(result.temporaryPassword);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('access.createDialog.createdTitle')}
      description={t('access.createDialog.passwordIntro', {
        name: result.officer.name,
        email: result.officer.email,
      })}
    >
      <div className="uh-form">
        <div className="access-password">
          <span className="access-password__label">{t('access.createDialog.passwordLabel')}</span>
          <code className="access-password__value" data-testid="temporary-password">
            {result.temporaryPassword}
          </code>
        </div>
        <p role="status" className="access-password__status">
          {copy === 'copied'
            ? t('access.createDialog.copied')
            : copy === 'failed'
              ? t('access.createDialog.copyFailed')
              : ''}
        </p>
        <div className="uh-form__actions">
          <Button onClick={() => void copyPassword()}>{t('access.createDialog.copy')}</Button>
          <Button variant="primary" onClick={onClose}>
            {t('access.createDialog.done')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

import { useMutation } from '@tanstack/react-query';
import { type TOfficer, type TRole } from '@unionhall/domain';
import { Alert, Button, currentLocale, Dialog, Select } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { unitOptions } from './access-helpers';
import { useAccessError, useInvalidateAccess } from './use-access-mutation';
import { useAccessRights } from './use-access-rights';

interface Props {
  officer: TOfficer;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Grants one more role to an officer, on a unit where the caller manages access. */
export function GrantRoleDialog({ officer, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateAccess();
  const { units, grantableRoles, manageableUnits } = useAccessRights();
  const options = unitOptions(units, currentLocale(i18n), manageableUnits);
  const [unitId, setUnitId] = useState('');
  const [role, setRole] = useState('');
  const [errors, setErrors] = useState<{ unit?: string; role?: string }>({});
  const roles = unitId ? grantableRoles(unitId) : [];

  const mutation = useMutation(
    trpc.officer.access.grant.mutationOptions({
      onSuccess: async (grant) => {
        await invalidate();
        onDone(
          t('access.granted', {
            name: officer.name,
            role: t(`access.role.${grant.role}`),
            unit: grant.orgUnitName,
          }),
        );
      },
    }),
  );
  const apiError = useAccessError(mutation.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosenRole = roles.find((candidate) => candidate === role);
    const next = {
      unit: unitId ? undefined : t('common:validation.required'),
      role: chosenRole ? undefined : t('common:validation.choose'),
    };
    setErrors(next);
    if (!chosenRole || !unitId) return;
    mutation.reset();
    mutation.mutate({ userId: officer.id, orgUnitId: unitId, role: chosenRole });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('access.grantDialog.title')}
      description={t('access.grantDialog.description', { name: officer.name })}
    >
      <form className="uh-form" noValidate onSubmit={submit}>
        {apiError ? <Alert tone="error">{apiError}</Alert> : null}
        <Select
          label={t('access.grantDialog.unit')}
          name="orgUnitId"
          required
          value={unitId}
          placeholder={t('access.grantDialog.chooseUnit')}
          onChange={(event) => {
            setUnitId(event.target.value);
            setRole('');
          }}
          error={errors.unit}
          options={options}
        />
        <Select
          label={t('access.grantDialog.role')}
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
            {mutation.isPending ? t('common:status.saving') : t('access.grantDialog.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

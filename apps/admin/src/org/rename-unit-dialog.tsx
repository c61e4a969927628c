import { useMutation } from '@tanstack/react-query';
import { ZRenameOrgUnitInput, type TOrgTreeNode } from '@unionhall/domain';
import { Alert, Button, Dialog, TextField, useIssueMessages } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { useFocusFirstInvalid } from './use-focus-first-invalid';
import { useInvalidateOrg, useOrgMutationError } from './use-org-mutation-error';

interface Props {
  /** The latest copy of the unit: after a conflict it carries the new version. */
  unit: TOrgTreeNode;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function RenameUnitDialog({ unit, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateOrg();
  const toFieldErrors = useIssueMessages();
  const [name, setName] = useState(unit.name);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstInvalid(clientErrors);

  const mutation = useMutation(
    trpc.officer.org.rename.mutationOptions({
      onSuccess: async (renamed) => {
        await invalidate();
        onDone(t('org.renamed', { name: renamed.name }));
      },
      onError: (error) => {
        if (error.data?.appCode === 'VERSION_CONFLICT') void invalidate();
      },
    }),
  );
  const apiError = useOrgMutationError(mutation.error);
  const errors = { ...apiError?.fieldErrors, ...clientErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZRenameOrgUnitInput.safeParse(
      { id: unit.id, name, expectedVersion: unit.version },
      { reportInput: true },
    );
    if (!parsed.success) {
      setClientErrors(toFieldErrors(parsed.error.issues));
      return;
    }
    if (parsed.data.name === unit.name) {
      setClientErrors({ name: t('renameDialog.unchanged') });
      return;
    }
    setClientErrors({});
    mutation.reset();
    mutation.mutate(parsed.data);
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('renameDialog.title')}
      description={t('renameDialog.description', { name: unit.name })}
    >
      <form ref={formRef} className="uh-form" noValidate onSubmit={submit}>
        {apiError ? <Alert tone="error">{apiError.message}</Alert> : null}
        <TextField
          label={t('renameDialog.name')}
          name="name"
          required
          autoComplete="off"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
          description={t('createDialog.nameHint')}
          error={errors.name}
        />
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('common:status.saving') : t('renameDialog.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

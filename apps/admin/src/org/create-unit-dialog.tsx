import { useMutation } from '@tanstack/react-query';
import { ZCreateOrgUnitInput, type TOrgTreeNode, type TOrgUnitKind } from '@unionhall/domain';
import { Alert, Button, Dialog, Select, TextField, useIssueMessages } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { allowedChildKinds, defaultChildKind } from './org-helpers';
import { useFocusFirstInvalid } from './use-focus-first-invalid';
import { useInvalidateOrg, useOrgMutationError } from './use-org-mutation-error';

interface Props {
  parent: TOrgTreeNode;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Adds a unit under `parent`; only the kinds the parent may contain are offered. */
export function CreateUnitDialog({ parent, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateOrg();
  const toFieldErrors = useIssueMessages();
  const kinds = allowedChildKinds(parent.kind);
  const [kind, setKind] = useState<string>(defaultChildKind(parent.kind) ?? '');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstInvalid(clientErrors);

  const mutation = useMutation(
    trpc.officer.org.create.mutationOptions({
      onSuccess: async (unit) => {
        await invalidate();
        onDone(t('org.created', { name: unit.name }));
      },
    }),
  );
  const apiError = useOrgMutationError(mutation.error);
  const errors = { ...apiError?.fieldErrors, ...clientErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZCreateOrgUnitInput.safeParse(
      { parentId: parent.id, kind, name, code },
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

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('createDialog.title')}
      description={t('createDialog.description', { parent: parent.name })}
    >
      <form ref={formRef} className="uh-form" noValidate onSubmit={submit}>
        {apiError ? <Alert tone="error">{apiError.message}</Alert> : null}
        <Select
          label={t('createDialog.kind')}
          name="kind"
          required
          value={kind}
          onChange={(event) => setKind(event.target.value)}
          error={errors.kind}
          options={kinds.map((value: TOrgUnitKind) => ({
            value,
            label: t(`common:unitKind.${value}`),
          }))}
        />
        <TextField
          label={t('createDialog.name')}
          name="name"
          required
          autoComplete="off"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
          description={t('createDialog.nameHint')}
          error={errors.name}
        />
        <TextField
          label={t('createDialog.code')}
          name="code"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          description={t('createDialog.codeHint')}
          error={errors.code}
        />
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('common:status.saving') : t('createDialog.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

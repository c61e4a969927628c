import { useMutation } from '@tanstack/react-query';
import { ZMoveOrgUnitInput, type TOrgTreeNode } from '@unionhall/domain';
import { Alert, Button, Dialog, Select, useIssueMessages } from '@unionhall/ui';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { moveTargets } from './org-helpers';
import { useFocusFirstInvalid } from './use-focus-first-invalid';
import { useInvalidateOrg, useOrgMutationError } from './use-org-mutation-error';

interface Props {
  unit: TOrgTreeNode;
  roots: readonly TOrgTreeNode[];
  currentParent: TOrgTreeNode | undefined;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Moves a unit (with its subtree) under another unit that may contain its kind. */
export function MoveUnitDialog({ unit, roots, currentParent, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateOrg();
  const toFieldErrors = useIssueMessages();
  const targets = useMemo(() => moveTargets(roots, unit), [roots, unit]);
  const [newParentId, setNewParentId] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstInvalid(clientErrors);

  const mutation = useMutation(
    trpc.officer.org.move.mutationOptions({
      onSuccess: async (moved) => {
        await invalidate();
        const parent = targets.find((entry) => entry.unit.id === moved.parentId)?.unit.name ?? '';
        onDone(t('org.moved', { name: moved.name, parent }));
      },
      onError: (error) => {
        if (error.data?.appCode === 'VERSION_CONFLICT') void invalidate();
      },
    }),
  );
  const apiError = useOrgMutationError(mutation.error);
  // The only client-side failure here is "nothing chosen", whatever zod calls it.
  const parentError = clientErrors.newParentId
    ? t('common:validation.choose')
    : apiError?.fieldErrors.newParentId;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZMoveOrgUnitInput.safeParse(
      { id: unit.id, newParentId, expectedVersion: unit.version },
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

  const description = [
    t('moveDialog.description', { name: unit.name }),
    currentParent ? t('moveDialog.currentParent', { name: currentParent.name }) : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <Dialog open onClose={onClose} title={t('moveDialog.title')} description={description}>
      <form ref={formRef} className="uh-form" noValidate onSubmit={submit}>
        {apiError ? <Alert tone="error">{apiError.message}</Alert> : null}
        {targets.length === 0 ? (
          <Alert tone="info">{t('moveDialog.noTargets')}</Alert>
        ) : (
          <Select
            label={t('moveDialog.parent')}
            name="newParentId"
            required
            value={newParentId}
            onChange={(event) => setNewParentId(event.target.value)}
            placeholder={t('moveDialog.choose')}
            description={t('moveDialog.parentHint')}
            error={parentError}
            options={targets.map((entry) => ({
              value: entry.unit.id,
              label: `${entry.path.join(' / ')} (${t(`common:unitKind.${entry.unit.kind}`)})`,
            }))}
          />
        )}
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          {targets.length > 0 ? (
            <Button type="submit" variant="primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('common:status.saving') : t('moveDialog.submit')}
            </Button>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}

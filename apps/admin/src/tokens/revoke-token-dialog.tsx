import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TApiToken } from '@unionhall/domain';
import { Alert, Button, Dialog, readApiError } from '@unionhall/ui';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';

interface Props {
  token: TApiToken;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Asks before revoking: systems using the token are refused from their next request. */
export function RevokeTokenDialog({ token, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(
    trpc.officer.tokens.revoke.mutationOptions({
      onSuccess: async (revoked) => {
        await queryClient.invalidateQueries(trpc.officer.tokens.pathFilter());
        onDone(t('tokens.revoked', { name: revoked.name }));
      },
    }),
  );
  const apiError = mutation.error ? readApiError(mutation.error, t('common:errors.network')) : null;

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('tokens.revokeDialog.title')}
      description={t('tokens.revokeDialog.body', { name: token.name })}
    >
      <div className="uh-form">
        {apiError ? <Alert tone="error">{apiError.message}</Alert> : null}
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button
            variant="danger"
            disabled={mutation.isPending}
            onClick={() => mutation.mutate({ id: token.id })}
          >
            {mutation.isPending ? t('common:status.saving') : t('tokens.revokeDialog.submit')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

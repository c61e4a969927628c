import { useMutation } from '@tanstack/react-query';
import {
  statusActionNeedsReason,
  type TMemberStatusAction,
  type TMemberSummary,
} from '@unionhall/domain';
import { Alert, Button, Dialog, TextField, readApiError } from '@unionhall/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';

interface Props {
  member: { id: string; name: string; version: number };
  action: TMemberStatusAction;
  onClose: () => void;
  /** After the change: the member as it is now. */
  onDone: (member: TMemberSummary) => void;
  /** Someone else changed the member first: the page reloads it before a new try. */
  onStale: () => void;
}

/** Asks before a status change, with the reason the state machine wants for it. */
export function StatusActionDialog({ member, action, onClose, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const needsReason = statusActionNeedsReason(action);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLInputElement>(null);

  const change = useMutation(trpc.officer.membership.changeStatus.mutationOptions());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const trimmed = reason.trim();
    if (needsReason && trimmed === '') {
      setReasonError(t('members.dialog.reasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    setReasonError(null);
    setError(null);
    change.mutate(
      {
        id: member.id,
        action,
        expectedVersion: member.version,
        ...(trimmed ? { reason: trimmed } : {}),
      },
      {
        onSuccess: (updated) => onDone(updated),
        onError: (caught) => {
          const info = readApiError(caught, t('common:errors.network'));
          if (info.appCode === 'VERSION_CONFLICT') {
            setError(t('members.dialog.versionConflict'));
            onStale();
            return;
          }
          // The status moved on under this page: show the server's words (in the UI language)
          // and reload, so the buttons match the status again.
          if (info.appCode === 'MEMBER_STATUS_TRANSITION') onStale();
          const fieldError = info.fieldErrors.reason;
          if (fieldError) {
            setReasonError(fieldError);
            reasonRef.current?.focus();
          }
          setError(info.message);
        },
      },
    );
  }

  const destructive = action !== 'APPROVE' && action !== 'REINSTATE';
  return (
    <Dialog
      open
      onClose={onClose}
      title={t(`members.action.${action}`)}
      description={t(`members.dialog.body.${action}`, { name: member.name })}
    >
      <form className="uh-form" noValidate onSubmit={submit}>
        {needsReason ? (
          <TextField
            ref={reasonRef}
            label={t('members.dialog.reason')}
            description={
              action === 'REJECT' ? t('members.dialog.rejectHint') : t('members.dialog.reasonHint')
            }
            required
            maxLength={500}
            value={reason}
            error={reasonError ?? undefined}
            onChange={(event) => setReason(event.target.value)}
          />
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button
            type="submit"
            variant={destructive ? 'danger' : 'primary'}
            aria-disabled={change.isPending}
          >
            {change.isPending ? t('common:status.saving') : t(`members.action.${action}`)}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

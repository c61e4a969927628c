import { Alert, Button, Dialog, TextField } from '@unionhall/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  description: string;
  /** Approving takes an optional note; refusing needs a reason the member will read. */
  approve: boolean;
  confirmLabel: string;
  pending: boolean;
  /** The server's answer to the last try, in the user's language; null while none. */
  error: string | null;
  /** A field error from the server for the reason, if it had one. */
  reasonError: string | null;
  onConfirm: (reason: string | undefined) => void;
  onClose: () => void;
}

/** Asks before deciding a member's request, with the reason a refusal needs. */
export function DecideDialog({
  title,
  description,
  approve,
  confirmLabel,
  pending,
  error,
  reasonError: serverReasonError,
  onConfirm,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const trimmed = reason.trim();
    if (!approve && trimmed === '') {
      setReasonError(t('requests.dialog.reasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    setReasonError(null);
    onConfirm(trimmed === '' ? undefined : trimmed);
  }

  const shownReasonError = reasonError ?? serverReasonError;
  return (
    <Dialog open onClose={onClose} title={title} description={description}>
      <form className="uh-form" noValidate onSubmit={submit}>
        <TextField
          ref={reasonRef}
          label={approve ? t('requests.dialog.reasonOptional') : t('requests.dialog.reason')}
          description={t('requests.dialog.reasonHint')}
          required={!approve}
          maxLength={500}
          value={reason}
          error={shownReasonError ?? undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant={approve ? 'primary' : 'danger'} aria-disabled={pending}>
            {pending ? t('common:status.saving') : confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

import { Alert, Button, Dialog } from '@unionhall/ui';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  body: string;
  confirmLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before a change that takes something away from someone (revoke, disable). */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
}: Props) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} title={title} description={body}>
      <div className="uh-form">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button variant="danger" disabled={pending} onClick={onConfirm}>
            {pending ? t('common:status.saving') : confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

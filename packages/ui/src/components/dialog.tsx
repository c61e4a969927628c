import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DialogProps {
  open: boolean;
  /** Called when the user dismisses the dialog (Escape, the close button). */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the rest of the page
 * inert, closes on Escape and returns focus to the opener. Content mounts only while open, so
 * forms inside start fresh each time.
 */
export function Dialog({ open, onClose, title, description, children }: DialogProps) {
  const { t } = useTranslation('common');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="uh-dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={() => {
        if (open) onClose();
      }}
    >
      {open ? (
        <div className="uh-dialog__body">
          <header className="uh-dialog__header">
            <h2 id={titleId} className="uh-dialog__title">
              {title}
            </h2>
            <button
              type="button"
              className="uh-dialog__close"
              aria-label={t('actions.close')}
              onClick={onClose}
            >
              <span aria-hidden="true">×</span>
            </button>
          </header>
          {description ? (
            <p id={descriptionId} className="uh-dialog__description">
              {description}
            </p>
          ) : null}
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

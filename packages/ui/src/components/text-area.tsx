import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame, useFieldIds } from './field';

export interface TextAreaProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'children'
> {
  label: ReactNode;
  description?: ReactNode;
  /** The message shown under the field; sets aria-invalid and joins aria-describedby. */
  error?: ReactNode;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line field with the same layout and announcements as TextField. */
export function TextArea({
  label,
  description,
  error,
  id,
  required,
  className,
  ...rest
}: TextAreaProps) {
  const { t } = useTranslation('common');
  const ids = useFieldIds(id, description, error);
  return (
    <FieldFrame
      label={label}
      controlId={ids.controlId}
      description={description}
      descriptionId={ids.descriptionId}
      error={error}
      errorId={ids.errorId}
      required={required}
      requiredLabel={t('status.required')}
    >
      <textarea
        id={ids.controlId}
        className={`uh-input${className ? ` ${className}` : ''}`}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...rest}
      />
    </FieldFrame>
  );
}

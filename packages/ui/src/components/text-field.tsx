import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame, useFieldIds } from './field';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  label: ReactNode;
  description?: ReactNode;
  /** The message shown under the field; sets aria-invalid and joins aria-describedby. */
  error?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose description and error are announced with it. */
export function TextField({
  label,
  description,
  error,
  id,
  required,
  className,
  ...rest
}: TextFieldProps) {
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
      <input
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

import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame, useFieldIds } from './field';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  label: ReactNode;
  options: readonly SelectOption[];
  /** Shown as a first, unselectable option when the value is empty. */
  placeholder?: string;
  description?: ReactNode;
  error?: ReactNode;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled native select: the platform picker is the most usable one on phones. */
export function Select({
  label,
  options,
  placeholder,
  description,
  error,
  id,
  required,
  className,
  ...rest
}: SelectProps) {
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
      <select
        id={ids.controlId}
        className={`uh-select${className ? ` ${className}` : ''}`}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...rest}
      >
        {placeholder !== undefined ? (
          <option value="" disabled>
            {placeholder}
          </option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

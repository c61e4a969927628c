import { useId } from 'react';

/** A labelled multi-line field, as the case page's forms use it. */
export function TextArea({
  label,
  value,
  onChange,
  required,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  const id = useId();
  return (
    <div className="case-textarea">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="uh-input"
        rows={3}
        value={value}
        required={required}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

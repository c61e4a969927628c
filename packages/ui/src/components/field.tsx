import { useId, type ReactNode } from 'react';

export interface FieldIds {
  controlId: string;
  describedBy: string | undefined;
}

/** Ids that tie a control to its label, description and error message. */
export function useFieldIds(id: string | undefined, description: ReactNode, error: ReactNode) {
  const generated = useId();
  const controlId = id ?? generated;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return { controlId, descriptionId, errorId, describedBy };
}

interface FieldFrameProps {
  label: ReactNode;
  controlId: string;
  description: ReactNode;
  descriptionId: string | undefined;
  error: ReactNode;
  errorId: string | undefined;
  required: boolean | undefined;
  requiredLabel: string;
  children: ReactNode;
}

/** The label / control / description / error layout shared by TextField and Select. */
export function FieldFrame(props: FieldFrameProps) {
  return (
    <div className={`uh-field${props.error ? ' uh-field--invalid' : ''}`}>
      <label className="uh-field__label" htmlFor={props.controlId}>
        {props.label}
        {props.required ? (
          <span className="uh-field__required" aria-hidden="true" title={props.requiredLabel}>
            {' *'}
          </span>
        ) : null}
      </label>
      {props.children}
      {props.description ? (
        <p className="uh-field__description" id={props.descriptionId}>
          {props.description}
        </p>
      ) : null}
      {props.error ? (
        <p className="uh-field__error" id={props.errorId}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

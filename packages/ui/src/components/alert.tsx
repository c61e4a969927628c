import type { ReactNode } from 'react';

export interface AlertProps {
  tone?: 'error' | 'warning' | 'success' | 'info';
  title?: ReactNode;
  children?: ReactNode;
  /** Extra controls, e.g. a retry button. */
  action?: ReactNode;
  className?: string;
}

/**
 * A message box. Errors and warnings interrupt assistive technology (role=alert); success and
 * info are announced politely (role=status).
 */
export function Alert({ tone = 'info', title, children, action, className }: AlertProps) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div role={role} className={`uh-alert uh-alert--${tone}${className ? ` ${className}` : ''}`}>
      <div className="uh-alert__content">
        {title ? <p className="uh-alert__title">{title}</p> : null}
        {children ? <div className="uh-alert__body">{children}</div> : null}
      </div>
      {action ? <div className="uh-alert__action">{action}</div> : null}
    </div>
  );
}

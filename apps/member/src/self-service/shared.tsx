import type { TErrorCode, TRequestState } from '@unionhall/domain';
import { Alert, readApiError, useOnlineStatus } from '@unionhall/ui';
import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addTexts } from '../i18n';
import { selfServiceEn } from '../i18n/self-service.en';
import { selfServiceZhCN } from '../i18n/self-service.zh-CN';

import './self-service.css';

addTexts('self', { 'zh-CN': selfServiceZhCN, en: selfServiceEn });

/**
 * Mutations here fail at once without a network instead of waiting: TanStack Query's default
 * ("online") would pause them silently until the connection returns, and the member would see
 * a button that does nothing.
 */
export const NEEDS_NETWORK = { networkMode: 'always' } as const;

/** The message for a failed call: the screen's own words for the codes it explains. */
export function useErrorText() {
  const { t } = useTranslation('self');
  const online = useOnlineStatus();
  return (error: unknown, explained: Partial<Record<TErrorCode, string>> = {}) => {
    if (!online) return t('offlineMutation');
    const info = readApiError(error, t('common:errors.network'));
    return (info.appCode && explained[info.appCode]) ?? info.message;
  };
}

/** Says, while offline, that what is shown can be read but not changed. */
export function OfflineNotice() {
  const { t } = useTranslation('self');
  const online = useOnlineStatus();
  return online ? null : <Alert tone="warning">{t('offlineMutation')}</Alert>;
}

export function BackToAccount() {
  const { t } = useTranslation('self');
  return (
    <Link className="self__back" to="/account">
      {t('back')}
    </Link>
  );
}

const STATE_TONE: Record<TRequestState, string> = {
  PENDING: 'uh-badge--warning',
  APPROVED: 'uh-badge--success',
  REJECTED: 'uh-badge--danger',
  CANCELLED: 'uh-badge--neutral',
};

export function RequestState({ state }: { state: TRequestState }) {
  const { t } = useTranslation('self');
  return (
    <span className={`uh-badge ${STATE_TONE[state]}`} data-testid="request-state">
      {t(`state.${state}`)}
    </span>
  );
}

/** When a request was sent and decided, in the member's language. */
export function RequestDates({
  createdAt,
  decidedAt,
}: {
  createdAt: Date;
  decidedAt: Date | null;
}) {
  const { t, i18n } = useTranslation('self');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <span className="self__dates">
      <time dateTime={createdAt.toISOString()}>
        {t('requestedOn', { date: date.format(createdAt) })}
      </time>
      {decidedAt ? (
        <time dateTime={decidedAt.toISOString()}>
          {t('decidedOn', { date: date.format(decidedAt) })}
        </time>
      ) : null}
    </span>
  );
}

/** "+86 138 0013 8000": easier to read back than the stored E.164 form. */
export function formatPhone(phone: string): string {
  const match = /^\+86(\d{3})(\d{4})(\d{4})$/.exec(phone);
  return match ? `+86 ${match[1]} ${match[2]} ${match[3]}` : phone;
}

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
}

/** A labelled multi-line field with the same layout and announcements as TextField. */
export function TextArea({ label, description, error, required, ...rest }: TextAreaProps) {
  const { t } = useTranslation('common');
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`uh-field${error ? ' uh-field--invalid' : ''}`}>
      <label className="uh-field__label" htmlFor={id}>
        {label}
        {required ? (
          <span className="uh-field__required" aria-hidden="true" title={t('status.required')}>
            {' *'}
          </span>
        ) : null}
      </label>
      <textarea
        id={id}
        className="uh-input self__textarea"
        rows={3}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      {description ? (
        <p className="uh-field__description" id={descriptionId}>
          {description}
        </p>
      ) : null}
      {error ? (
        <p className="uh-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

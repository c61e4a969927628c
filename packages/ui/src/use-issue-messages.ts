import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { issuesToFieldErrors, type ClientIssue } from './api-error';
import { currentLocale } from './i18n/create-i18n';

/** Returns a function that turns client-side zod issues into translated per-field messages. */
export function useIssueMessages(): (issues: readonly ClientIssue[]) => Record<string, string> {
  const { t, i18n } = useTranslation('common');
  return useCallback(
    (issues) =>
      issuesToFieldErrors(issues, currentLocale(i18n), {
        required: t('validation.required'),
        tooShort: (minimum) => t('validation.tooShort', { minimum }),
        tooLong: (maximum) => t('validation.tooLong', { maximum }),
        choose: t('validation.choose'),
        invalid: t('validation.invalid'),
      }),
    [t, i18n],
  );
}

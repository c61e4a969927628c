import { readApiError } from '@unionhall/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What a decision dialog shows after a failed try. */
export interface DecisionError {
  message: string;
  reasonError: string | null;
}

/**
 * Turns a failed decision into words for the officer, in the console's language: the cases
 * the officer can act on get their own text (and reload the list); others keep the server's
 * localized message.
 */
export function useDecisionError(onStale: () => void) {
  const { t } = useTranslation();
  const [error, setError] = useState<DecisionError | null>(null);

  function fail(caught: unknown) {
    const info = readApiError(caught, t('common:errors.network'));
    let message = info.message;
    if (info.appCode === 'CONFLICT') {
      message = t('requests.errors.alreadyDecided');
      onStale();
    } else if (info.appCode === 'MEMBER_ID_IN_USE') {
      message = t('requests.errors.alreadyApplied');
    } else if (info.appCode === 'VERSION_CONFLICT') {
      message = t('requests.errors.versionConflict');
      onStale();
    }
    setError({ message, reasonError: info.fieldErrors.reason ?? null });
  }

  return { error, fail, clear: () => setError(null) };
}

import { useQueryClient } from '@tanstack/react-query';
import { readApiError, type ApiErrorInfo } from '@unionhall/ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';

/** Reloads every officer.org query (the list) after a change, or after someone else's. */
export function useInvalidateOrg(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries(trpc.officer.org.pathFilter()),
    [queryClient, trpc],
  );
}

/**
 * The message and field errors of a failed org mutation. A version conflict gets its own
 * explanation, because the list has just been reloaded under the user's eyes.
 */
export function useOrgMutationError(error: unknown): ApiErrorInfo | null {
  const { t } = useTranslation();
  if (!error) return null;
  const info = readApiError(error, t('common:errors.network'));
  if (info.appCode === 'VERSION_CONFLICT') return { ...info, message: t('org.versionConflict') };
  return info;
}

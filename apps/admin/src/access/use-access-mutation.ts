import { useQueryClient } from '@tanstack/react-query';
import { readApiError } from '@unionhall/ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';

/**
 * Reloads what an access change can alter: the officer list, the who-can panel, and the
 * signed-in officer's own roles (they may have granted or revoked one of their own).
 */
export function useInvalidateAccess(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.officer.access.pathFilter()),
      queryClient.invalidateQueries(trpc.public.session.me.queryFilter()),
    ]);
  }, [queryClient, trpc]);
}

/** The translated message of a failed access call, or null. */
export function useAccessError(error: unknown): string | null {
  const { t } = useTranslation();
  return error ? readApiError(error, t('common:errors.network')).message : null;
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { readApiError, useOnlineStatus } from '@unionhall/ui';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../trpc';
import { queueSnapshot, sendQueuedCases, subscribeQueue } from './case-queue';

/** How often a queue that could not be sent is tried again while the app is open. */
const RETRY_MS = 30_000;

/**
 * Sends the requests queued on this device whenever the member is signed in and online: at
 * start, when the connection returns, and when a new one is queued. It lives in the layout so
 * a request goes out whatever screen is open, not only on the requests pages.
 */
export function useQueuedCaseSender(): void {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const session = useQuery(trpc.public.session.me.queryOptions());
  const owner = session.data?.kind === 'MEMBER' ? session.data.id : undefined;
  const queue = useSyncExternalStore(subscribeQueue, queueSnapshot, () => null);

  useEffect(() => {
    if (!online || !owner || !queue) return;
    const run = () =>
      void sendQueuedCases({
        owner,
        send: (input) => client.member.cases.submit.mutate(input),
        describe: (error) => readApiError(error, t('common:errors.network')).message,
      }).then((sent) => {
        if (sent > 0) void queryClient.invalidateQueries({ queryKey: trpc.member.cases.pathKey() });
      });
    run();
    // The browser may say "online" while the server cannot be reached (a captive portal, a
    // server restarting): try again now and then until the queue is empty.
    const timer = setInterval(run, RETRY_MS);
    return () => clearInterval(timer);
  }, [online, owner, queue, client, queryClient, trpc, t]);
}

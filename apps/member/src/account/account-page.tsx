import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, useOnlineStatus } from '@unionhall/ui';
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { forgetQueuedCases, queueSnapshot, readQueue, subscribeQueue } from '../cases/case-queue';
import { forgetCachedFiles, forgetPersistedQueries } from '../query-persistence';
import { useTRPC, useTRPCClient } from '../trpc';
import { signOut } from './auth-api';

/** Passkeys bring the WebAuthn code with them: loaded only once a member is signed in. */
const PasskeysSection = lazy(() => import('./passkeys-section'));
/** "Turn on notifications on this phone": the Push API code and its texts, on demand. */
const PushSection = lazy(() => import('../push/push-section'));
/** The member's own record; loaded with the account page, not with the start page. */
const MembershipSection = lazy(() => import('../membership/membership-section'));

/** The signed-in member: who they are, and the way out. */
export function AccountPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const online = useOnlineStatus();
  const me = useQuery(trpc.public.session.me.queryOptions());
  // Only to re-render when the queue changes (a request sent while the page is open).
  useSyncExternalStore(subscribeQueue, queueSnapshot, () => null);
  const loading = <p role="status">{t('common:status.loading')}</p>;

  if (me.isPending && !online) {
    // Who is signed in is never kept on the device, so offline it is unknown; the saved
    // membership (forgotten at sign-out) is what can still be shown.
    return (
      <section className="card account" aria-labelledby="account-heading">
        <h1 id="account-heading">{t('account.heading')}</h1>
        <Alert tone="warning">{t('account.offline')}</Alert>
        <Suspense fallback={loading}>
          <MembershipSection />
        </Suspense>
      </section>
    );
  }
  if (me.isPending) return loading;
  if (!me.data) {
    return (
      <section className="card account" aria-labelledby="account-heading">
        <h1 id="account-heading">{t('account.heading')}</h1>
        <p>{t('account.signedOut')}</p>
        <Link className="uh-button uh-button--primary" to="/sign-in">
          {t('account.signIn')}
        </Link>
      </section>
    );
  }

  // Requests queued offline go at sign-out with the member's other records: say so first.
  const userId = me.data.id;
  const unsent = readQueue().filter((entry) => entry.owner === userId || entry.owner === '').length;

  const leave = async () => {
    // This browser stops receiving the member's notifications before the session ends.
    await import('../push/web-push')
      .then((push) =>
        push.forgetThisDeviceOnServer((endpoint) =>
          client.member.push.unsubscribe.mutate({ endpoint }),
        ),
      )
      .catch(() => undefined);
    await signOut().catch(() => undefined);
    queryClient.clear();
    forgetPersistedQueries();
    // Requests still waiting on this phone hold the member's own words: they go too.
    forgetQueuedCases();
    await forgetCachedFiles();
    await navigate('/');
  };

  return (
    <section className="card account" aria-labelledby="account-heading">
      <h1 id="account-heading">{t('account.heading')}</h1>
      <dl className="account__facts">
        <dt>{t('account.name')}</dt>
        <dd>{me.data.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{me.data.email}</dd>
      </dl>
      {me.data.kind === 'MEMBER' ? (
        <Link className="uh-button uh-button--primary" to="/card">
          {t('card.link')}
        </Link>
      ) : null}
      {me.data.kind === 'MEMBER' ? (
        <Link className="uh-button" to="/cases">
          {t('account.requests')}
        </Link>
      ) : null}
      {me.data.kind === 'MEMBER' ? (
        <Suspense fallback={loading}>
          <MembershipSection />
          <PasskeysSection />
          <PushSection client={client} />
        </Suspense>
      ) : null}
      {me.data.kind === 'MEMBER' ? (
        <Link className="account__notifications" to="/notifications/settings">
          {t('account.notifications')}
        </Link>
      ) : null}
      {unsent > 0 ? (
        <Alert tone="warning">{t('account.queuedWarning', { count: unsent })}</Alert>
      ) : null}
      <Button onClick={() => void leave()}>{t('account.signOut')}</Button>
    </section>
  );
}

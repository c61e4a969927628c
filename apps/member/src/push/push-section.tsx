import type { TRPCClient } from '@trpc/client';
import type { AppRouter } from '@unionhall/api';
import { Alert, Button, useOnlineStatus } from '@unionhall/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTexts } from '../i18n';
import { pushEn } from '../i18n/push.en';
import { pushZhCN } from '../i18n/push.zh-CN';
import {
  currentSubscription,
  pushSupported,
  PushSetupError,
  subscribeThisDevice,
  unsubscribeThisDevice,
} from './web-push';
import './push-section.css';

addTexts('push', { 'zh-CN': pushZhCN, en: pushEn });

type State = 'checking' | 'unsupported' | 'denied' | 'off' | 'on';
type ErrorKey = 'dismissed' | 'noWorker' | 'offline' | 'failed';

/**
 * "Turn on notifications on this phone": asks the browser for permission, subscribes with the
 * server's VAPID key through the service worker, and registers the subscription for the
 * signed-in member; or turns it off again. Loaded on demand with the account page. Whether
 * this device is on is asked from the browser and the server each time, never saved. The
 * client comes from the page: importing the tRPC module here would split it out of the first
 * download into a chunk of its own, which costs the first route about a kilobyte.
 */
export default function PushSection({ client }: { client: TRPCClient<AppRouter> }) {
  const { t } = useTranslation('push');
  const online = useOnlineStatus();
  const [state, setState] = useState<State>('checking');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [notice, setNotice] = useState<'turnedOn' | 'turnedOff' | null>(null);

  useEffect(() => {
    let current = true;
    const settle = (next: State) => {
      if (current) setState(next);
    };
    if (!pushSupported()) {
      settle('unsupported');
    } else if (Notification.permission === 'denied') {
      settle('denied');
    } else {
      currentSubscription()
        .then(async (subscription) => {
          if (!subscription || Notification.permission !== 'granted') return settle('off');
          // The browser may hold a subscription the server dropped, or another member's.
          const status = await client.member.push.status.query({
            endpoint: subscription.endpoint,
          });
          settle(status.subscribed ? 'on' : 'off');
        })
        .catch(() => settle('off'));
    }
    return () => {
      current = false;
    };
  }, [client]);

  const explain = (caught: unknown): ErrorKey => {
    if (!navigator.onLine) return 'offline';
    if (caught instanceof PushSetupError && caught.reason !== 'subscription') {
      return caught.reason === 'denied' ? 'failed' : caught.reason;
    }
    return 'failed';
  };

  const turnOn = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const { publicKey } = await client.member.push.publicKey.query();
      const subscription = await subscribeThisDevice(publicKey);
      await client.member.push.subscribe.mutate({
        ...subscription,
        userAgent: navigator.userAgent,
      });
      setState('on');
      setNotice('turnedOn');
    } catch (caught) {
      if (caught instanceof PushSetupError && caught.reason === 'denied') setState('denied');
      else setError(explain(caught));
    } finally {
      setBusy(false);
    }
  };

  const turnOff = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const subscription = await currentSubscription();
      if (subscription) {
        // The server first: if this fails, the device still receives, and says so.
        await client.member.push.unsubscribe.mutate({ endpoint: subscription.endpoint });
        await unsubscribeThisDevice();
      }
      setState('off');
      setNotice('turnedOff');
    } catch (caught) {
      setError(explain(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="push-settings" aria-labelledby="push-heading">
      <h2 id="push-heading">{t('heading')}</h2>
      <p className="push-settings__intro">{t('intro')}</p>
      {error ? <Alert tone="error">{t(`errors.${error}`)}</Alert> : null}
      {notice ? <Alert tone="success">{t(notice)}</Alert> : null}
      {state === 'checking' ? <p role="status">{t('checking')}</p> : null}
      {state === 'unsupported' ? <Alert tone="info">{t('unsupported')}</Alert> : null}
      {state === 'denied' ? <Alert tone="warning">{t('denied')}</Alert> : null}
      {state === 'on' ? (
        <>
          {notice ? null : <p>{t('on')}</p>}
          <Button disabled={busy || !online} onClick={() => void turnOff()}>
            {t('turnOff')}
          </Button>
        </>
      ) : null}
      {state === 'off' ? (
        <>
          {notice ? null : <p>{t('off')}</p>}
          <Button variant="primary" disabled={busy || !online} onClick={() => void turnOn()}>
            {t('turnOn')}
          </Button>
        </>
      ) : null}
    </section>
  );
}

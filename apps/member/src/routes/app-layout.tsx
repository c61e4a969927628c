import { LanguageSwitcher, useOnlineStatus } from '@unionhall/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useQueuedCaseSender } from '../cases/use-queue-sender';
import { NotificationBell } from '../notifications/notification-bell';

/** The phone-first frame: a compact header with the offline badge and the language picker. */
export function AppLayout() {
  const { t } = useTranslation();
  const online = useOnlineStatus();
  useQueuedCaseSender();

  useEffect(() => {
    document.title = t('title');
  }, [t]);

  return (
    <div className="app">
      <a className="uh-skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app__header">
        <Link to="/" className="app__brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>
            <span className="app__product">{t('common:product.shortName')}</span>{' '}
            <span className="app__name">{t('appName')}</span>
          </span>
        </Link>
        <p role="status" className="app__network" data-testid="offline-indicator">
          {online ? null : <span className="app__offline">{t('offline.badge')}</span>}
        </p>
        <NotificationBell />
        <Link to="/account" className="app__account">
          {t('account.link')}
        </Link>
        <LanguageSwitcher className="app__language" />
      </header>
      <main id="main" className="app__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

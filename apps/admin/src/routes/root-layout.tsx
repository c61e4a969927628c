import { LanguageSwitcher } from '@unionhall/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigation } from 'react-router';

/** Header with product name, navigation and language; the page below it. */
export function RootLayout() {
  const { t } = useTranslation();
  const navigation = useNavigation();

  useEffect(() => {
    document.title = t('title');
  }, [t]);

  return (
    <div className="layout">
      <a className="uh-skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="layout__header">
        <div className="layout__brand">
          <span className="layout__logo" aria-hidden="true">
            U
          </span>
          <span className="layout__product">{t('common:product.name')}</span>
          <span className="layout__console">{t('consoleLabel')}</span>
        </div>
        <nav className="layout__nav" aria-label={t('nav.label')}>
          <NavLink to="/" end>
            {t('nav.organization')}
          </NavLink>
          <NavLink to="/audit">{t('nav.audit')}</NavLink>
        </nav>
        <LanguageSwitcher className="layout__language" />
      </header>
      <main
        id="main"
        className="layout__main"
        tabIndex={-1}
        aria-busy={navigation.state === 'loading'}
      >
        <Outlet />
      </main>
    </div>
  );
}

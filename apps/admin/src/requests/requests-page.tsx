import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ChangeRequestsTab } from './change-requests-tab';
import { HoldingPoolTab } from './holding-pool-tab';
import { TransfersTab } from './transfers-tab';
import { readRequestsTab, REQUESTS_TABS } from './requests-helpers';
import './requests.css';

/**
 * What members ask for, in one place: changes to their record, transfers between units, and
 * applicants waiting for a unit. The open tab lives in the URL, so a link can point to it.
 */
export function RequestsPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const tab = readRequestsTab(searchParams);

  return (
    <section className="page" aria-labelledby="requests-title">
      <header className="page__header">
        <div>
          <h1 id="requests-title">{t('requests.title')}</h1>
          <p className="page__intro">{t('requests.intro')}</p>
        </div>
      </header>

      <nav className="requests-tabs" aria-label={t('requests.tabs.label')}>
        {REQUESTS_TABS.map((candidate) => (
          <Link
            key={candidate}
            to={{ search: candidate === 'changes' ? '' : `tab=${candidate}` }}
            aria-current={candidate === tab ? 'page' : undefined}
            className="requests-tabs__link"
          >
            {t(`requests.tabs.${candidate}`)}
          </Link>
        ))}
      </nav>

      {tab === 'changes' ? <ChangeRequestsTab /> : null}
      {tab === 'transfers' ? <TransfersTab /> : null}
      {tab === 'pool' ? <HoldingPoolTab /> : null}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { ChangePasswordSection } from './change-password-section';
import { RecoveryCodesSection } from './recovery-codes-section';
import { SessionsSection } from './sessions-section';
import './account.css';

/** My account: the signed-in officer's password, recovery codes and sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="account-heading">
      <header className="page__header">
        <div>
          <h1 id="account-heading">{t('account.title')}</h1>
          <p className="page__intro">{t('account.intro')}</p>
        </div>
      </header>
      <div className="account">
        <ChangePasswordSection />
        <RecoveryCodesSection />
        <SessionsSection />
      </div>
    </section>
  );
}

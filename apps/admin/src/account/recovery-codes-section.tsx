import { Alert, Button, TextField } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { regenerateRecoveryCodes } from '../auth/auth-api';
import { useAuthAction } from './use-auth-action';

/**
 * A fresh set of recovery codes, shown once. Better Auth keeps them encrypted and never shows
 * the old ones again, so "see my codes" means "replace them".
 */
export function RecoveryCodesSection() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const { busy, failure, run } = useAuthAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setCodes(await regenerateRecoveryCodes(password));
      setPassword('');
    });
  };

  return (
    <section className="account__section" aria-labelledby="recovery-codes-heading">
      <h2 id="recovery-codes-heading">{t('account.recovery.heading')}</h2>
      <p className="page__intro">{t('account.recovery.intro')}</p>
      {failure ? (
        <Alert tone="error">
          {t(
            failure === 'invalid'
              ? 'account.errors.wrongPassword'
              : `account.errors.${failure === 'tooMany' ? 'tooMany' : 'unknown'}`,
          )}
        </Alert>
      ) : null}
      {codes ? (
        <div className="account__codes">
          <Alert tone="success">{t('account.recovery.done')}</Alert>
          <ul className="auth__codes" aria-label={t('account.recovery.listLabel')}>
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form className="auth__form" onSubmit={submit}>
        <TextField
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" disabled={busy}>
          {t('account.recovery.submit')}
        </Button>
      </form>
    </section>
  );
}

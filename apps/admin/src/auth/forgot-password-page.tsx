import { Alert, Button, TextField } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthAction } from '../account/use-auth-action';
import { requestPasswordReset } from './auth-api';

/**
 * Signed out: ask for a reset link by email. The answer never says whether the address
 * belongs to an officer, so it cannot be used to find out who has an account.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, failure, run } = useAuthAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await requestPasswordReset(email.trim());
      setSentTo(email.trim());
    });
  };

  return (
    <section className="auth card" aria-labelledby="forgot-heading">
      <h1 id="forgot-heading">{t('account.forgot.heading')}</h1>
      {sentTo ? (
        <Alert tone="success">{t('account.forgot.sent', { email: sentTo })}</Alert>
      ) : (
        <>
          <p>{t('account.forgot.intro')}</p>
          {failure ? (
            <Alert tone="error">
              {t(`account.errors.${failure === 'tooMany' ? 'tooMany' : 'unknown'}`)}
            </Alert>
          ) : null}
          <form className="auth__form" onSubmit={submit}>
            <TextField
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            <Button type="submit" variant="primary" disabled={busy}>
              {t('account.forgot.submit')}
            </Button>
          </form>
        </>
      )}
      <p>
        <Link to="/">{t('account.backToSignIn')}</Link>
      </p>
    </section>
  );
}

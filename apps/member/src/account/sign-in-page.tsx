import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, TextField } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AuthRequestError, requestCode, signInWithCode } from './auth-api';

/** Sign in with a code: the address first, then the six digits that arrive there. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'email' | 'code'>('email');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fail = (caught: unknown) =>
    setError(t(`signIn.errors.${caught instanceof AuthRequestError ? caught.reason : 'unknown'}`));

  const sendCode = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await requestCode(email.trim());
      setStep('code');
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signInWithCode(email.trim(), code.trim());
      await queryClient.invalidateQueries();
      await navigate('/account');
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card account" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{t('signIn.heading')}</h1>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {step === 'email' ? (
        <form onSubmit={(event) => void sendCode(event)} className="account__form">
          <TextField
            label={t('signIn.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <Button type="submit" variant="primary" disabled={busy}>
            {t('signIn.sendCode')}
          </Button>
        </form>
      ) : (
        <form onSubmit={(event) => void verify(event)} className="account__form">
          <p>{t('signIn.codeSent', { email: email.trim() })}</p>
          <TextField
            label={t('signIn.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <Button type="submit" variant="primary" disabled={busy}>
            {t('signIn.submit')}
          </Button>
          <Button variant="ghost" onClick={() => setStep('email')}>
            {t('signIn.changeEmail')}
          </Button>
        </form>
      )}
    </section>
  );
}

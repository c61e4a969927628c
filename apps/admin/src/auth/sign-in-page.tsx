import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, TextField } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDevOutbox } from '../dev/dev-outbox';
import { AuthRequestError, signInWithPassword, verifyCode, verifyRecoveryCode } from './auth-api';

/** Password first; then the code from the authenticator app (or a recovery code). */
export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const devOutbox = useDevOutbox();
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [recovery, setRecovery] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(t(`auth.errors.${caught instanceof AuthRequestError ? caught.reason : 'unknown'}`));
    } finally {
      setBusy(false);
    }
  };
  const signedIn = () => queryClient.invalidateQueries();

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const next = await signInWithPassword(email.trim(), password);
      setPassword('');
      if (next === 'second-factor') setStep('code');
      else await signedIn();
    });
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await (recovery ? verifyRecoveryCode(code.trim()) : verifyCode(code.trim()));
      await signedIn();
    });
  };

  return (
    <section className="auth card" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{t('auth.signInHeading')}</h1>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {step === 'password' ? (
        <form className="auth__form" onSubmit={submitPassword}>
          <TextField
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <TextField
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <Button type="submit" variant="primary" disabled={busy}>
            {t('auth.signIn')}
          </Button>
          <Link className="auth__link" to="/forgot-password">
            {t('account.forgot.link')}
          </Link>
          {devOutbox.data ? (
            <Link className="auth__link" to="/dev/outbox">
              {t('devOutbox.signInHint')}
            </Link>
          ) : null}
        </form>
      ) : (
        <form className="auth__form" onSubmit={submitCode}>
          <p>{recovery ? t('auth.recoveryHint') : t('auth.codeHint')}</p>
          <TextField
            label={recovery ? t('auth.recoveryCode') : t('auth.code')}
            inputMode={recovery ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <Button type="submit" variant="primary" disabled={busy}>
            {t('auth.verify')}
          </Button>
          <Button variant="ghost" onClick={() => setRecovery(!recovery)}>
            {recovery ? t('auth.useCode') : t('auth.useRecovery')}
          </Button>
        </form>
      )}
    </section>
  );
}

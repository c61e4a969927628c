import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, TextField } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TotpQr } from './totp-qr';
import { AuthRequestError, secretOf, startEnrolment, verifyCode } from './auth-api';

/**
 * An officer's first sign-in: enrol an authenticator app before any role takes effect. The
 * otpauth link opens the authenticator on a phone; the key can be typed in by hand.
 */
export function EnrolPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [enrolment, setEnrolment] = useState<{ totpURI: string; backupCodes: string[] } | null>(
    null,
  );
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

  const begin = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setEnrolment(await startEnrolment(password));
      setPassword('');
    });
  };
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await verifyCode(code.trim());
      await queryClient.invalidateQueries();
    });
  };

  return (
    <section className="auth card" aria-labelledby="enrol-heading">
      <h1 id="enrol-heading">{t('auth.enrolHeading')}</h1>
      <p>{t('auth.enrolIntro')}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {enrolment === null ? (
        <form className="auth__form" onSubmit={begin}>
          <TextField
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <Button type="submit" variant="primary" disabled={busy}>
            {t('auth.startEnrolment')}
          </Button>
        </form>
      ) : (
        <form className="auth__form" onSubmit={confirm}>
          <p>{t('auth.scanQr')}</p>
          <TotpQr uri={enrolment.totpURI} label={t('auth.qrLabel')} />
          <p>
            <a href={enrolment.totpURI}>{t('auth.openAuthenticator')}</a>
          </p>
          <p>
            {t('auth.manualKey')}{' '}
            <code className="auth__secret" data-testid="totp-secret">
              {secretOf(enrolment.totpURI)}
            </code>
          </p>
          <div>
            <h2 className="auth__subheading">{t('auth.recoveryCodesHeading')}</h2>
            <p>{t('auth.recoveryCodesHint')}</p>
            <ul className="auth__codes">
              {enrolment.backupCodes.map((backup) => (
                <li key={backup}>
                  <code>{backup}</code>
                </li>
              ))}
            </ul>
          </div>
          <TextField
            label={t('auth.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <Button type="submit" variant="primary" disabled={busy}>
            {t('auth.confirmEnrolment')}
          </Button>
        </form>
      )}
    </section>
  );
}

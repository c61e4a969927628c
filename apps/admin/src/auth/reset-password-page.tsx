import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { NewPasswordFields, newPasswordProblems } from '../account/new-password-fields';
import { useAuthAction } from '../account/use-auth-action';
import { resetPassword } from './auth-api';

/**
 * Reached from the emailed link (?token=…), signed out: choose a new password. Every session
 * of the account ends, so the officer signs in again with it (and the authenticator code).
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const [next, setNext] = useState({ password: '', confirm: '' });
  const [submitted, setSubmitted] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, failure, run } = useAuthAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const problems = newPasswordProblems(next);
    if (problems.password || problems.confirm) return;
    void run(async () => {
      await resetPassword(token, next.password);
      setDone(true);
      // A session open in this browser ended with the reset.
      await queryClient.invalidateQueries();
    });
  };

  const invalidLink = !token || failure === 'invalid';
  return (
    <section className="auth card" aria-labelledby="reset-heading">
      <h1 id="reset-heading">{t('account.reset.heading')}</h1>
      {done ? (
        <Alert tone="success">{t('account.reset.done')}</Alert>
      ) : invalidLink ? (
        <Alert tone="error">
          {t('account.reset.invalidLink')}{' '}
          <Link to="/forgot-password">{t('account.reset.again')}</Link>
        </Alert>
      ) : (
        <>
          <p>{t('account.reset.intro')}</p>
          {failure ? (
            <Alert tone="error">
              {t(`account.errors.${failure === 'tooMany' ? 'tooMany' : 'unknown'}`)}
            </Alert>
          ) : null}
          <form className="auth__form" onSubmit={submit} noValidate>
            <NewPasswordFields value={next} onChange={setNext} showProblems={submitted} />
            <Button type="submit" variant="primary" disabled={busy}>
              {t('account.reset.submit')}
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

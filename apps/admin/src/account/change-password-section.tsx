import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, TextField } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../auth/auth-api';
import { NewPasswordFields, newPasswordProblems } from './new-password-fields';
import { SESSIONS_QUERY_KEY } from './sessions-section';
import { useAuthAction } from './use-auth-action';

/** Current password, new one twice. Every other session ends; this one carries on. */
export function ChangePasswordSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState({ password: '', confirm: '' });
  const [submitted, setSubmitted] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, failure, run } = useAuthAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setDone(false);
    const problems = newPasswordProblems(next);
    if (problems.password || problems.confirm) return;
    void run(async () => {
      await changePassword(current, next.password);
      setCurrent('');
      setNext({ password: '', confirm: '' });
      setSubmitted(false);
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
    });
  };

  return (
    <section className="account__section" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">{t('account.changePassword.heading')}</h2>
      <p className="page__intro">{t('account.changePassword.intro')}</p>
      {failure ? (
        <Alert tone="error">
          {t(
            failure === 'invalid'
              ? 'account.errors.wrongPassword'
              : `account.errors.${failure === 'tooMany' ? 'tooMany' : 'unknown'}`,
          )}
        </Alert>
      ) : null}
      {done ? <Alert tone="success">{t('account.changePassword.done')}</Alert> : null}
      <form className="auth__form" onSubmit={submit} noValidate>
        <TextField
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <NewPasswordFields value={next} onChange={setNext} showProblems={submitted} />
        <Button type="submit" variant="primary" disabled={busy}>
          {t('account.changePassword.submit')}
        </Button>
      </form>
    </section>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { normalizeChinaMobile, VALIDATION_MESSAGES } from '@unionhall/domain';
import { Alert, Button, currentLocale, TextField } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import {
  AuthRequestError,
  requestCode,
  requestSmsCode,
  signInWithCode,
  signInWithSmsCode,
} from './auth-api';

type Method = 'email' | 'sms';

function emailFromState(state: unknown): string {
  if (typeof state !== 'object' || state === null) return '';
  const email: unknown = Reflect.get(state, 'email');
  return typeof email === 'string' ? email : '';
}

/** Whether this browser can use passkeys at all; the ceremony's code is loaded on demand. */
const passkeysSupported = () =>
  typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';

/**
 * Sign in with a code, by email or SMS: the address first, then the six digits that arrive
 * there. Or with a passkey, in one step.
 */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<Method>('email');
  const location = useLocation();
  // The join form sends the applicant here with the address the account was made for.
  const [email, setEmail] = useState(() => emailFromState(location.state));
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'address' | 'code'>('address');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fail = (caught: unknown) =>
    setError(t(`signIn.errors.${caught instanceof AuthRequestError ? caught.reason : 'unknown'}`));

  const signedIn = async () => {
    await queryClient.invalidateQueries();
    await navigate('/account');
  };

  /** The number as the API stores it (E.164), or null after showing why it is not one. */
  const phoneNumber = (): string | null => {
    const normalized = normalizeChinaMobile(phone);
    setPhoneError(
      normalized ? null : VALIDATION_MESSAGES['validation.chinaMobile'][currentLocale(i18n)],
    );
    return normalized;
  };

  const sendCode = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const number = method === 'sms' ? phoneNumber() : null;
    if (method === 'sms' && !number) return;
    setBusy(true);
    try {
      if (number) await requestSmsCode(number);
      else await requestCode(email.trim());
      setCode('');
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
      const number = method === 'sms' ? normalizeChinaMobile(phone) : null;
      if (number) await signInWithSmsCode(number, code.trim());
      else await signInWithCode(email.trim(), code.trim());
      await signedIn();
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const withPasskey = async () => {
    setBusy(true);
    setError(null);
    try {
      const { PasskeyError, signInWithPasskey } = await import('./passkey-api');
      try {
        await signInWithPasskey();
      } catch (caught) {
        if (caught instanceof PasskeyError) {
          setError(t(`signIn.passkeyErrors.${caught.reason}`));
          return;
        }
        if (caught instanceof AuthRequestError && caught.reason === 'invalid') {
          setError(t('signIn.passkeyErrors.invalid'));
          return;
        }
        throw caught;
      }
      await signedIn();
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const choose = (next: Method) => {
    setMethod(next);
    setError(null);
    setPhoneError(null);
  };

  return (
    <section className="card account" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{t('signIn.heading')}</h1>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {step === 'address' ? (
        <>
          <form onSubmit={(event) => void sendCode(event)} className="account__form">
            <fieldset className="account__methods">
              <legend>{t('signIn.method')}</legend>
              {(['email', 'sms'] as const).map((option) => (
                <label key={option} className="account__method">
                  <input
                    type="radio"
                    name="method"
                    value={option}
                    checked={method === option}
                    onChange={() => choose(option)}
                  />
                  <span>{t(`signIn.methods.${option}`)}</span>
                </label>
              ))}
            </fieldset>
            {method === 'email' ? (
              <TextField
                label={t('signIn.email')}
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            ) : (
              <TextField
                label={t('signIn.phone')}
                description={t('signIn.phoneHint')}
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                required
                value={phone}
                error={phoneError ?? undefined}
                onChange={(event) => setPhone(event.target.value)}
              />
            )}
            <Button type="submit" variant="primary" disabled={busy}>
              {t('signIn.sendCode')}
            </Button>
          </form>
          {passkeysSupported() ? (
            <div className="account__alternative">
              <p className="account__or">{t('signIn.or')}</p>
              <Button onClick={() => void withPasskey()} disabled={busy}>
                {t('signIn.withPasskey')}
              </Button>
            </div>
          ) : null}
        </>
      ) : (
        <form onSubmit={(event) => void verify(event)} className="account__form">
          <p>
            {method === 'sms'
              ? t('signIn.smsSent', { phone: normalizeChinaMobile(phone) ?? phone })
              : t('signIn.codeSent', { email: email.trim() })}
          </p>
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
          <Button variant="ghost" onClick={() => setStep('address')}>
            {t(method === 'sms' ? 'signIn.changePhone' : 'signIn.changeEmail')}
          </Button>
        </form>
      )}
    </section>
  );
}

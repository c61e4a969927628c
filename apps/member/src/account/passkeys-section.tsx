import type { TPasskeySummary } from '@unionhall/domain';
import { Alert, Button } from '@unionhall/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthRequestError } from './auth-api';
import { addPasskey, deletePasskey, listPasskeys, PasskeyError } from './passkey-api';

/** A name the member can recognise the device by in the list: the platform, roughly. */
function deviceName(userAgent: string): string | null {
  for (const [pattern, name] of [
    [/iPhone/, 'iPhone'],
    [/iPad/, 'iPad'],
    [/HarmonyOS/, 'HarmonyOS'],
    [/Android/, 'Android'],
    [/Macintosh|Mac OS X/, 'Mac'],
    [/Windows/, 'Windows'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ] as const) {
    if (pattern.test(userAgent)) return name;
  }
  return null;
}

/**
 * The signed-in member's passkeys: add one for this device, see them, remove one. Loaded with
 * the account page on demand (it carries the WebAuthn code). The list is personal, so it is
 * kept in this component's state, never in the query cache the app saves to the device.
 */
export default function PasskeysSection() {
  const { t, i18n } = useTranslation();
  const [passkeys, setPasskeys] = useState<TPasskeySummary[] | null>(null);
  const [revision, setRevision] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);

  useEffect(() => {
    let current = true;
    listPasskeys().then(
      (list) => {
        if (!current) return;
        setPasskeys(list);
        setLoadFailed(false);
      },
      () => {
        if (current) setLoadFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [revision]);

  const explain = (caught: unknown) => {
    if (caught instanceof PasskeyError) return t(`passkeys.errors.${caught.reason}`);
    if (caught instanceof AuthRequestError) return t(`signIn.errors.${caught.reason}`);
    return t('signIn.errors.unknown');
  };

  const add = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const device = deviceName(navigator.userAgent);
      await addPasskey(device ? t('passkeys.defaultName', { device }) : t('passkeys.unnamed'));
      setNotice(t('passkeys.added'));
      setRevision((value) => value + 1);
    } catch (caught) {
      setError(explain(caught));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (passkey: TPasskeySummary) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await deletePasskey(passkey.id);
      setNotice(t('passkeys.removed'));
      setRevision((value) => value + 1);
    } catch (caught) {
      setError(explain(caught));
    } finally {
      setBusy(false);
    }
  };

  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  return (
    <section className="passkeys" aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">{t('passkeys.heading')}</h2>
      <p className="passkeys__intro">{t('passkeys.intro')}</p>
      {loadFailed ? <Alert tone="error">{t('passkeys.errors.load')}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {passkeys === null ? (
        loadFailed ? null : (
          <p role="status">{t('common:status.loading')}</p>
        )
      ) : passkeys.length === 0 ? (
        <p>{t('passkeys.none')}</p>
      ) : (
        <ul className="passkeys__list">
          {passkeys.map((passkey) => {
            const name = passkey.name || t('passkeys.unnamed');
            return (
              <li key={passkey.id} className="passkeys__item">
                <span className="passkeys__name">
                  {name}
                  {passkey.createdAt ? (
                    <span className="passkeys__meta">
                      {t('passkeys.createdAt', { date: date.format(passkey.createdAt) })}
                    </span>
                  ) : null}
                </span>
                <Button
                  size="sm"
                  variant="danger"
                  disabled={busy}
                  aria-label={t('passkeys.removeNamed', { name })}
                  onClick={() => void remove(passkey)}
                >
                  {t('passkeys.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <Button variant="primary" disabled={busy} onClick={() => void add()}>
        {t('passkeys.add')}
      </Button>
    </section>
  );
}

import {
  DIGEST_FREQUENCIES,
  LOCALES,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CHANNELS,
  type TNotificationCategory,
  type TNotificationChannel,
  type TNotificationPreference,
  type TNotificationSettings,
  type TSetNotificationPreferencesInput,
  type TUpdateNotificationSettingsInput,
} from '@unionhall/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../api-error';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { Select } from '../components/select';
import { TextField } from '../components/text-field';
import './notification-settings.css';

/**
 * What the settings need from the app: its own procedures (the member's or the officer's).
 * Each returns what the server saved, which replaces what is shown.
 */
export interface NotificationSettingsApi {
  savePreferences(input: TSetNotificationPreferencesInput): Promise<TNotificationPreference[]>;
  saveSettings(input: TUpdateNotificationSettingsInput): Promise<TNotificationSettings>;
  /** The current settings from the server, after a conflict. */
  fetchSettings(): Promise<TNotificationSettings>;
}

export interface NotificationSettingsPanelProps {
  preferences: readonly TNotificationPreference[];
  settings: TNotificationSettings;
  online: boolean;
  api: NotificationSettingsApi;
}

/**
 * Notification settings, the same for members (PWA) and officers (console): which channels
 * reach the person for each kind of notification, the language of email, SMS and push, quiet
 * hours and the email digest. Switches save at once; the rest is a form saved against the
 * version it was based on. Texts: the `notificationSettings` namespace, which each app
 * registers where this loads.
 */
export function NotificationSettingsPanel({
  preferences,
  settings,
  online,
  api,
}: NotificationSettingsPanelProps) {
  return (
    <>
      <ChannelMatrix cells={preferences} online={online} api={api} />
      <SettingsForm settings={settings} online={online} api={api} />
    </>
  );
}

function ChannelMatrix({
  cells: initial,
  online,
  api,
}: {
  cells: readonly TNotificationPreference[];
  online: boolean;
  api: NotificationSettingsApi;
}) {
  const { t } = useTranslation('notificationSettings');
  const [cells, setCells] = useState(initial);
  const [failure, setFailure] = useState<string | null>(null);
  // The switch moves at once (within the tap); the saved value replaces it, and a refusal
  // puts it back.
  const [moving, setMoving] = useState<Record<string, boolean>>({});
  const settle = (key: string) =>
    setMoving((current) => Object.fromEntries(Object.entries(current).filter(([k]) => k !== key)));
  const toggle = async (
    category: TNotificationCategory,
    channel: TNotificationChannel,
    enabled: boolean,
  ) => {
    const key = `${category}/${channel}`;
    setMoving((now) => ({ ...now, [key]: enabled }));
    try {
      setCells(await api.savePreferences({ changes: [{ category, channel, enabled }] }));
      setFailure(null);
    } catch (error) {
      setFailure(
        online ? readApiError(error, t('common:errors.network')).message : t('offlineMutation'),
      );
    } finally {
      settle(key);
    }
  };
  const cell = (category: TNotificationCategory, channel: TNotificationChannel) =>
    cells.find((entry) => entry.category === category && entry.channel === channel);

  return (
    <div className="uh-nsettings__section">
      <h2>{t('channelsHeading')}</h2>
      <p className="uh-nsettings__hint">{t('channelsIntro')}</p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {NOTIFICATION_CATEGORIES.map((category) => (
        <fieldset key={category} className="uh-nsettings__category">
          <legend>{t(`category.${category}`)}</legend>
          <div className="uh-nsettings__channels">
            {NOTIFICATION_CHANNELS.map((channel) => {
              const current = cell(category, channel);
              if (!current) return null;
              const lockedId = `locked-${category}-${channel}`;
              return (
                <label
                  key={channel}
                  className="uh-nsettings__toggle"
                  title={current.locked ? t('locked') : undefined}
                >
                  <input
                    type="checkbox"
                    checked={moving[`${category}/${channel}`] ?? current.enabled}
                    disabled={current.locked}
                    aria-label={t('toggle', {
                      category: t(`category.${category}`),
                      channel: t(`channel.${channel}`),
                    })}
                    aria-describedby={current.locked ? lockedId : undefined}
                    onChange={(event) => void toggle(category, channel, event.target.checked)}
                  />
                  <span>{t(`channel.${channel}`)}</span>
                  {current.locked ? (
                    <span className="uh-nsettings__locked" id={lockedId}>
                      {t('locked')}
                    </span>
                  ) : null}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

function formOf(settings: TNotificationSettings) {
  return {
    language: settings.language,
    digest: settings.digest,
    enabled: settings.quietHours.enabled,
    start: settings.quietHours.start,
    end: settings.quietHours.end,
  };
}

function SettingsForm({
  settings: initial,
  online,
  api,
}: {
  settings: TNotificationSettings;
  online: boolean;
  api: NotificationSettingsApi;
}) {
  const { t } = useTranslation('notificationSettings');
  const [settings, setSettings] = useState(initial);
  const [form, setForm] = useState(() => formOf(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    setErrors({});
    if (!online) {
      setMessage({ tone: 'error', text: t('offlineMutation') });
      return;
    }
    setPending(true);
    try {
      const saved = await api.saveSettings({
        language: form.language,
        quietHours: { enabled: form.enabled, start: form.start, end: form.end },
        digest: form.digest,
        expectedVersion: settings.version,
      });
      setSettings(saved);
      setMessage({ tone: 'success', text: t('saved') });
    } catch (error) {
      const info = readApiError(error, t('common:errors.network'));
      setErrors(info.fieldErrors);
      if (info.appCode === 'VERSION_CONFLICT') {
        // Show the latest settings, for the person to make their change again on them.
        const fresh = await api.fetchSettings();
        setSettings(fresh);
        setForm(formOf(fresh));
        setMessage({ tone: 'error', text: t('conflict') });
      } else {
        setMessage({ tone: 'error', text: online ? info.message : t('offlineMutation') });
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="uh-nsettings__section" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('languageHeading')}</h2>
      <Select
        label={t('language')}
        value={form.language}
        options={LOCALES.map((locale) => ({ value: locale, label: t(`languages.${locale}`) }))}
        onChange={(event) => {
          const language = LOCALES.find((locale) => locale === event.target.value);
          if (language) setForm({ ...form, language });
        }}
      />
      <label className="uh-nsettings__toggle">
        <input
          type="checkbox"
          checked={form.enabled}
          onChange={(event) => setForm({ ...form, enabled: event.target.checked })}
        />
        <span>{t('quietEnabled')}</span>
      </label>
      <p className="uh-nsettings__hint">{t('quietHint')}</p>
      {form.enabled ? (
        <div className="uh-nsettings__times">
          <TextField
            label={t('quietStart')}
            type="time"
            value={form.start}
            onChange={(event) => setForm({ ...form, start: event.target.value })}
            error={errors['quietHours.start']}
          />
          <TextField
            label={t('quietEnd')}
            type="time"
            value={form.end}
            onChange={(event) => setForm({ ...form, end: event.target.value })}
            error={errors['quietHours.end']}
          />
        </div>
      ) : null}
      <Select
        label={t('digest')}
        value={form.digest}
        description={t('digestHint')}
        options={DIGEST_FREQUENCIES.map((frequency) => ({
          value: frequency,
          label: t(`digestOptions.${frequency}`),
        }))}
        onChange={(event) => {
          const digest = DIGEST_FREQUENCIES.find((frequency) => frequency === event.target.value);
          if (digest) setForm({ ...form, digest });
        }}
      />
      {message ? (
        <Alert tone={message.tone === 'success' ? 'success' : 'error'}>{message.text}</Alert>
      ) : null}
      <Button type="submit" variant="primary" disabled={pending}>
        {t('save')}
      </Button>
    </form>
  );
}

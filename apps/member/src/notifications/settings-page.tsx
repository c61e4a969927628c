import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DIGEST_FREQUENCIES,
  LOCALES,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CHANNELS,
  type TNotificationCategory,
  type TNotificationChannel,
  type TNotificationPreference,
  type TNotificationSettings,
} from '@unionhall/domain';
import { Alert, Button, Select, TextField, readApiError, useOnlineStatus } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../trpc';
import './texts';

/**
 * Notification settings: which channels reach the member for each kind of notification, the
 * language of email, SMS and push, and quiet hours. Toggles save at once; language and quiet
 * hours are a form saved against the version it was based on.
 */
export default function NotificationSettingsPage() {
  const { t } = useTranslation('notifications');
  const trpc = useTRPC();
  const session = useQuery(trpc.public.session.me.queryOptions());
  const isMember = session.data?.kind === 'MEMBER';
  const preferences = useQuery({
    ...trpc.member.notifications.preferences.get.queryOptions(),
    enabled: isMember,
  });
  const settings = useQuery({
    ...trpc.member.notifications.settings.get.queryOptions(),
    enabled: isMember,
  });
  const online = useOnlineStatus();

  let body;
  if (session.data === null) {
    body = (
      <>
        <p>{t('signedOut')}</p>
        <Link className="uh-button uh-button--primary" to="/sign-in">
          {t('signIn')}
        </Link>
      </>
    );
  } else if (preferences.data && settings.data) {
    body = (
      <>
        <ChannelMatrix cells={preferences.data} />
        <SettingsForm settings={settings.data} />
      </>
    );
  } else if (preferences.isError || settings.isError) {
    body = (
      <Alert tone="error" title={t('loadError')}>
        {readApiError(preferences.error ?? settings.error, t('common:errors.network')).message}
      </Alert>
    );
  } else {
    body = <p role="status">{t('common:status.loading')}</p>;
  }

  return (
    <section className="card notes" aria-labelledby="notification-settings-heading">
      <Link className="notes__back" to="/notifications">
        {t('settings.back')}
      </Link>
      <h1 id="notification-settings-heading">{t('settings.heading')}</h1>
      {online ? null : <Alert tone="warning">{t('offlineMutation')}</Alert>}
      {body}
    </section>
  );
}

function ChannelMatrix({ cells }: { cells: readonly TNotificationPreference[] }) {
  const { t } = useTranslation('notifications');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const [failure, setFailure] = useState<string | null>(null);
  const preferencesKey = trpc.member.notifications.preferences.get.queryKey();
  // The switch moves at once (React state, so within the tap); the saved value replaces it,
  // and a refusal puts it back.
  const [moving, setMoving] = useState<Record<string, boolean>>({});
  const settle = (key: string) =>
    setMoving((current) => Object.fromEntries(Object.entries(current).filter(([k]) => k !== key)));
  const set = useMutation(
    trpc.member.notifications.preferences.set.mutationOptions({
      // Fail at once offline instead of pausing silently behind a switch that did not move.
      networkMode: 'always',
      onSuccess: (matrix) => {
        setFailure(null);
        queryClient.setQueryData(preferencesKey, matrix);
      },
      onError: (error) =>
        setFailure(
          online ? readApiError(error, t('common:errors.network')).message : t('offlineMutation'),
        ),
      onSettled: (_data, _error, input) => {
        for (const change of input.changes) settle(`${change.category}/${change.channel}`);
      },
    }),
  );
  const cell = (category: TNotificationCategory, channel: TNotificationChannel) =>
    cells.find((entry) => entry.category === category && entry.channel === channel);

  return (
    <div className="notes__section">
      <h2>{t('settings.channelsHeading')}</h2>
      <p className="notes__hint">{t('settings.channelsIntro')}</p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {NOTIFICATION_CATEGORIES.map((category) => (
        <fieldset key={category} className="notes__category">
          <legend>{t(`category.${category}`)}</legend>
          <div className="notes__channels">
            {NOTIFICATION_CHANNELS.map((channel) => {
              const current = cell(category, channel);
              if (!current) return null;
              return (
                <label
                  key={channel}
                  className={`notes__toggle${current.locked ? ' notes__toggle--locked' : ''}`}
                  title={current.locked ? t('settings.locked') : undefined}
                >
                  <input
                    type="checkbox"
                    checked={moving[`${category}/${channel}`] ?? current.enabled}
                    disabled={current.locked}
                    aria-label={t('settings.toggle', {
                      category: t(`category.${category}`),
                      channel: t(`channel.${channel}`),
                    })}
                    aria-describedby={current.locked ? `locked-${category}-${channel}` : undefined}
                    onChange={(event) => {
                      const enabled = event.target.checked;
                      setMoving((now) => ({ ...now, [`${category}/${channel}`]: enabled }));
                      set.mutate({ changes: [{ category, channel, enabled }] });
                    }}
                  />
                  <span>{t(`channel.${channel}`)}</span>
                  {current.locked ? (
                    <span className="notes__locked" id={`locked-${category}-${channel}`}>
                      {t('settings.locked')}
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

function SettingsForm({ settings }: { settings: TNotificationSettings }) {
  const { t } = useTranslation('notifications');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const [form, setForm] = useState(() => formOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const settingsKey = trpc.member.notifications.settings.get.queryKey();
  const save = useMutation(
    trpc.member.notifications.settings.set.mutationOptions({
      networkMode: 'always',
      onSuccess: (saved) => {
        queryClient.setQueryData(settingsKey, saved);
        setMessage({ tone: 'success', text: t('settings.saved') });
      },
      onError: async (error) => {
        const info = readApiError(error, t('common:errors.network'));
        setErrors(info.fieldErrors);
        if (info.appCode === 'VERSION_CONFLICT') {
          // Show the latest settings, for the member to make their change again on them.
          const fresh = await queryClient.fetchQuery({
            ...trpc.member.notifications.settings.get.queryOptions(),
            staleTime: 0,
          });
          setForm(formOf(fresh));
          setMessage({ tone: 'error', text: t('settings.conflict') });
          return;
        }
        setMessage({ tone: 'error', text: online ? info.message : t('offlineMutation') });
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    setErrors({});
    if (!online) {
      setMessage({ tone: 'error', text: t('offlineMutation') });
      return;
    }
    save.mutate({
      language: form.language,
      quietHours: { enabled: form.enabled, start: form.start, end: form.end },
      digest: form.digest,
      expectedVersion: settings.version,
    });
  };

  return (
    <form className="notes__section" onSubmit={submit} noValidate>
      <h2>{t('settings.languageHeading')}</h2>
      <Select
        label={t('settings.language')}
        value={form.language}
        options={LOCALES.map((locale) => ({
          value: locale,
          label: t(`settings.languages.${locale}`),
        }))}
        onChange={(event) => {
          const language = LOCALES.find((locale) => locale === event.target.value);
          if (language) setForm({ ...form, language });
        }}
      />
      <label className="notes__toggle">
        <input
          type="checkbox"
          checked={form.enabled}
          onChange={(event) => setForm({ ...form, enabled: event.target.checked })}
        />
        <span>{t('settings.quietEnabled')}</span>
      </label>
      <p className="notes__hint">{t('settings.quietHint')}</p>
      {form.enabled ? (
        <div className="notes__times">
          <TextField
            label={t('settings.quietStart')}
            type="time"
            value={form.start}
            onChange={(event) => setForm({ ...form, start: event.target.value })}
            error={errors['quietHours.start']}
          />
          <TextField
            label={t('settings.quietEnd')}
            type="time"
            value={form.end}
            onChange={(event) => setForm({ ...form, end: event.target.value })}
            error={errors['quietHours.end']}
          />
        </div>
      ) : null}
      <Select
        label={t('settings.digest')}
        value={form.digest}
        description={t('settings.digestHint')}
        options={DIGEST_FREQUENCIES.map((frequency) => ({
          value: frequency,
          label: t(`settings.digestOptions.${frequency}`),
        }))}
        onChange={(event) => {
          const digest = DIGEST_FREQUENCIES.find((frequency) => frequency === event.target.value);
          if (digest) setForm({ ...form, digest });
        }}
      />
      {message ? (
        <Alert tone={message.tone === 'success' ? 'success' : 'error'}>{message.text}</Alert>
      ) : null}
      <Button type="submit" variant="primary" disabled={save.isPending}>
        {t('settings.save')}
      </Button>
    </form>
  );
}

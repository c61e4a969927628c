import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ATTACHMENT_ACCEPT,
  type TAnnouncementAttachment,
  type TAnnouncementDetail,
} from '@unionhall/domain';
import {
  Alert,
  Button,
  Dialog,
  Select,
  TextField,
  currentLocale,
  readApiError,
} from '@unionhall/ui';
import { Suspense, lazy, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { usePermissions } from '../auth/permissions';
import { readFileAsBase64 } from '../members/download';
import { unitsInTreeOrder } from '../members/members-helpers';
import { useTRPC } from '../trpc';
import {
  STATE_TONE,
  audienceOf,
  fromDateTimeLocal,
  sizeInKb,
  toDateTimeLocal,
} from './announcements-helpers';
import './announcements.css';

/** The editor (Tiptap and ProseMirror) is the heaviest part: it loads with this page only. */
const RichTextEditor = lazy(() => import('./rich-text-editor'));

/** `/announcements/new` writes a new one; `/announcements/<id>` edits, publishes, withdraws. */
export function AnnouncementPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { id = 'new' } = useParams();
  const location = useLocation();
  const isNew = id === 'new';
  // A draft just created on this page keeps its editor (same key), with its undo history.
  const createdHere = Reflect.get(Object(location.state), 'createdHere') === true;
  const announcement = useQuery(
    trpc.officer.announcements.get.queryOptions({ id }, { enabled: !isNew, staleTime: 0 }),
  );

  if (isNew) return <AnnouncementEditor key="new" initial={null} />;
  if (announcement.isPending) return <p className="page__status">{t('common:status.loading')}</p>;
  if (!announcement.data) {
    return (
      <section className="page" aria-labelledby="announcement-title">
        <BackLink />
        <h1 id="announcement-title">{t('announcements.loadError')}</h1>
        <Alert tone="error">
          {readApiError(announcement.error, t('common:errors.network')).message}
        </Alert>
      </section>
    );
  }
  // Keyed by id: the form starts from the loaded announcement once, then keeps its own state.
  return (
    <AnnouncementEditor
      key={createdHere ? 'new' : announcement.data.id}
      initial={announcement.data}
    />
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="page__back">
      <Link to="/announcements">← {t('announcements.back')}</Link>
    </p>
  );
}

type Notice = { tone: 'success' | 'error'; text: string; conflict?: boolean } | null;

function AnnouncementEditor({ initial }: { initial: TAnnouncementDetail | null }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { canOn } = usePermissions();
  const units = useQuery(trpc.officer.org.list.queryOptions());
  const segments = useQuery(trpc.officer.segments.list.queryOptions());

  // The saved announcement as the server last answered; the form fields are edits on top.
  const [saved, setSaved] = useState<TAnnouncementDetail | null>(initial);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [orgUnitId, setOrgUnitId] = useState(initial?.orgUnitId ?? '');
  const [segmentId, setSegmentId] = useState(initial?.segmentId ?? '');
  const [bodyHtml, setBodyHtml] = useState(initial?.bodyHtml ?? '');
  const [publishAt, setPublishAt] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [dialog, setDialog] = useState<'publish' | 'withdraw' | null>(null);
  const bodyLabelId = useId();

  const create = useMutation(trpc.officer.announcements.create.mutationOptions());
  const update = useMutation(trpc.officer.announcements.update.mutationOptions());
  const publish = useMutation(trpc.officer.announcements.publish.mutationOptions());
  const withdraw = useMutation(trpc.officer.announcements.withdraw.mutationOptions());
  const pin = useMutation(trpc.officer.announcements.pin.mutationOptions());
  const upload = useMutation(trpc.officer.announcements.uploadAttachment.mutationOptions());
  const remove = useMutation(trpc.officer.announcements.removeAttachment.mutationOptions());

  const format = useMemo(
    () => new Intl.DateTimeFormat(currentLocale(i18n), { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n],
  );

  const unitOptions = useMemo(() => {
    const all = units.data ?? [];
    const byId = new Map(all.map((unit) => [unit.id, unit]));
    return unitsInTreeOrder(all).filter((unit) => {
      const full = byId.get(unit.id);
      return full ? canOn('announcement.manage', full, byId) : false;
    });
  }, [units.data, canOn]);

  const state = saved?.state ?? 'DRAFT';
  const withdrawn = state === 'WITHDRAWN';
  const audienceLocked = state === 'PUBLISHED' || withdrawn;
  const dirty =
    !saved ||
    title.trim() !== saved.title ||
    bodyHtml !== saved.bodyHtml ||
    orgUnitId !== saved.orgUnitId ||
    (segmentId || null) !== saved.segmentId;

  /** Takes the server's answer as the new saved state (and its version). */
  function accept(next: TAnnouncementDetail) {
    setSaved(next);
    queryClient.setQueryData(trpc.officer.announcements.get.queryKey({ id: next.id }), next);
    void queryClient.invalidateQueries({ queryKey: trpc.officer.announcements.list.pathKey() });
  }

  function showError(error: unknown) {
    const info = readApiError(error, t('common:errors.network'));
    if (info.appCode === 'VERSION_CONFLICT') {
      setNotice({ tone: 'error', text: t('announcements.edit.conflict'), conflict: true });
      return;
    }
    setErrors(info.fieldErrors);
    setNotice({ tone: 'error', text: info.message });
  }

  function validate(): boolean {
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('announcements.edit.titleRequired');
    if (!orgUnitId) found.orgUnitId = t('announcements.edit.unitRequired');
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  /** Saves the form; returns the saved announcement (created first if new), or null. */
  async function save(): Promise<TAnnouncementDetail | null> {
    if (!validate()) return null;
    setNotice(null);
    try {
      if (!saved) {
        const created = await create.mutateAsync({
          title,
          bodyHtml,
          orgUnitId,
          segmentId: segmentId || null,
        });
        accept(created);
        void navigate(`/announcements/${created.id}`, {
          replace: true,
          state: { createdHere: true },
        });
        setNotice({ tone: 'success', text: t('announcements.edit.created') });
        return created;
      }
      if (!dirty) return saved;
      const next = await update.mutateAsync({
        id: saved.id,
        expectedVersion: saved.version,
        title,
        bodyHtml,
        ...(audienceLocked ? {} : { orgUnitId, segmentId: segmentId || null }),
      });
      accept(next);
      setBodyHtml(next.bodyHtml);
      setNotice({ tone: 'success', text: t('announcements.edit.saved') });
      return next;
    } catch (error) {
      showError(error);
      return null;
    }
  }

  async function uploadFile(file: File): Promise<TAnnouncementAttachment | null> {
    if (!saved) return null;
    try {
      const attachment = await upload.mutateAsync({
        announcementId: saved.id,
        fileName: file.name,
        file: await readFileAsBase64(file),
      });
      setSaved((current) =>
        current ? { ...current, attachments: [...current.attachments, attachment] } : current,
      );
      return attachment;
    } catch (error) {
      showError(error);
      return null;
    }
  }

  async function removeFile(attachment: TAnnouncementAttachment) {
    if (!saved) return;
    try {
      const result = await remove.mutateAsync({ id: attachment.id });
      // An image the body showed left the body too: take the server's body and version.
      const next = await queryClient.fetchQuery(
        trpc.officer.announcements.get.queryOptions({ id: saved.id }, { staleTime: 0 }),
      );
      if (next.version === result.announcementVersion) {
        accept(next);
        setBodyHtml(next.bodyHtml);
      }
      setNotice({
        tone: 'success',
        text: t('announcements.files.removed', { name: attachment.fileName }),
      });
    } catch (error) {
      showError(error);
    }
  }

  async function publishNow() {
    const current = await save();
    if (!current) return;
    try {
      const next = await publish.mutateAsync({ id: current.id, expectedVersion: current.version });
      accept(next);
      setDialog(null);
      setNotice({ tone: 'success', text: t('announcements.publish.published') });
    } catch (error) {
      setDialog(null);
      showError(error);
    }
  }

  async function schedule(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const at = fromDateTimeLocal(publishAt);
    if (!at) {
      setErrors({ publishAt: t('announcements.publish.atRequired') });
      return;
    }
    const current = await save();
    if (!current) return;
    try {
      const next = await publish.mutateAsync({
        id: current.id,
        expectedVersion: current.version,
        publishAt: at,
      });
      accept(next);
      setNotice({
        tone: 'success',
        text: t('announcements.publish.scheduled', { time: format.format(at) }),
      });
    } catch (error) {
      showError(error);
    }
  }

  async function withdrawNow() {
    if (!saved) return;
    try {
      const next = await withdraw.mutateAsync({ id: saved.id, expectedVersion: saved.version });
      accept(next);
      setDialog(null);
      setNotice({ tone: 'success', text: t('announcements.publish.withdrawn') });
    } catch (error) {
      setDialog(null);
      showError(error);
    }
  }

  async function togglePin() {
    if (!saved) return;
    try {
      const next = await pin.mutateAsync({
        id: saved.id,
        expectedVersion: saved.version,
        pinned: !saved.pinned,
      });
      accept(next);
      setNotice({
        tone: 'success',
        text: next.pinned
          ? t('announcements.publish.pinnedNow')
          : t('announcements.publish.unpinnedNow'),
      });
    } catch (error) {
      showError(error);
    }
  }

  const busy =
    create.isPending ||
    update.isPending ||
    publish.isPending ||
    withdraw.isPending ||
    pin.isPending;
  const audience = saved
    ? audienceOf(saved)
    : {
        key: 'audienceUnit' as const,
        unit: unitOptions.find((u) => u.id === orgUnitId)?.name ?? '',
        segment: '',
      };
  const audienceText = t(`announcements.${audience.key}`, {
    unit: audience.unit,
    segment: audience.segment,
  });
  const segmentOptions = [
    { value: '', label: t('announcements.edit.everyone') },
    ...(segments.data ?? []).map((segment) => ({
      value: segment.id,
      label: `${segment.name} · ${segment.orgUnitName}`,
    })),
  ];

  return (
    <section className="page announcement-page" aria-labelledby="announcement-title">
      <BackLink />
      <header className="page__header">
        <h1 id="announcement-title">
          {saved ? t('announcements.edit.editTitle') : t('announcements.edit.newTitle')}
        </h1>
        {saved ? (
          <span className={`uh-badge ${STATE_TONE[state]}`} data-testid="announcement-state">
            {t(`announcements.state.${state}`)}
          </span>
        ) : null}
      </header>

      {notice ? (
        <Alert
          tone={notice.tone}
          action={
            notice.conflict ? (
              <Button size="sm" onClick={() => window.location.reload()}>
                {t('announcements.edit.reload')}
              </Button>
            ) : undefined
          }
        >
          {notice.text}
        </Alert>
      ) : null}
      {withdrawn ? <Alert tone="warning">{t('announcements.edit.withdrawnNote')}</Alert> : null}

      <form
        className="uh-form announcement-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextField
          label={t('announcements.edit.heading')}
          value={title}
          maxLength={120}
          required
          disabled={withdrawn}
          error={errors.title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <div className="announcement-form__audience">
          <Select
            label={t('announcements.edit.unit')}
            description={
              audienceLocked
                ? t('announcements.edit.audienceLocked')
                : t('announcements.edit.unitHint')
            }
            value={orgUnitId}
            disabled={audienceLocked}
            error={errors.orgUnitId}
            options={[
              { value: '', label: t('announcements.edit.chooseUnit') },
              ...unitOptions.map((unit) => ({
                value: unit.id,
                label: `${'　'.repeat(unit.depth)}${unit.name}`,
              })),
            ]}
            onChange={(event) => setOrgUnitId(event.target.value)}
          />
          <Select
            label={t('announcements.edit.segment')}
            description={t('announcements.edit.segmentHint')}
            value={segmentId}
            disabled={audienceLocked}
            error={errors.segmentId}
            options={segmentOptions}
            onChange={(event) => setSegmentId(event.target.value)}
          />
        </div>
        <div className="announcement-form__body">
          <span className="uh-field__label" id={bodyLabelId}>
            {t('announcements.edit.body')}
          </span>
          {withdrawn ? (
            // A withdrawn body is shown as the server sanitised it; it no longer changes.
            <div
              className="rte__content rte__content--readonly"
              dangerouslySetInnerHTML={{ __html: bodyHtml }}
            />
          ) : (
            <Suspense
              fallback={<p className="page__status">{t('announcements.editor.loading')}</p>}
            >
              <RichTextEditor
                labelId={bodyLabelId}
                initialHtml={bodyHtml}
                onChange={setBodyHtml}
                imageHint={t('announcements.edit.unsavedFirst')}
                {...(saved
                  ? {
                      onUploadImage: async (file: File) => {
                        const image = await uploadFile(file);
                        return image
                          ? { url: image.url, alt: file.name.replace(/\.[^.]+$/, '') }
                          : null;
                      },
                    }
                  : {})}
              />
            </Suspense>
          )}
          {errors.bodyHtml ? <p className="uh-field__error">{errors.bodyHtml}</p> : null}
        </div>
        {withdrawn ? null : (
          <div className="uh-form__actions">
            <Button
              type="submit"
              variant={saved ? 'primary' : 'secondary'}
              disabled={busy || (saved !== null && !dirty)}
            >
              {create.isPending || update.isPending
                ? t('common:status.saving')
                : saved
                  ? t('announcements.edit.save')
                  : t('announcements.edit.saveDraft')}
            </Button>
          </div>
        )}
      </form>

      {saved ? (
        <Attachments
          attachments={saved.attachments}
          disabled={withdrawn}
          uploading={upload.isPending}
          onUpload={async (file) => {
            const attachment = await uploadFile(file);
            if (attachment) {
              setNotice({
                tone: 'success',
                text: t('announcements.files.uploaded', { name: attachment.fileName }),
              });
            }
          }}
          onRemove={(attachment) => void removeFile(attachment)}
        />
      ) : null}

      {withdrawn ? null : (
        <section className="announcement-section" aria-labelledby="publish-heading">
          <h2 id="publish-heading">{t('announcements.publish.heading')}</h2>
          {state === 'SCHEDULED' && saved?.publishAt ? (
            <p>{t('announcements.scheduledFor', { time: format.format(saved.publishAt) })}</p>
          ) : null}
          {state === 'PUBLISHED' && saved?.publishedAt ? (
            <p>{t('announcements.publishedAt', { time: format.format(saved.publishedAt) })}</p>
          ) : null}
          <div className="announcement-actions">
            {state === 'DRAFT' || state === 'SCHEDULED' ? (
              <Button
                variant="primary"
                disabled={busy}
                onClick={() => validate() && setDialog('publish')}
              >
                {t('announcements.publish.now')}
              </Button>
            ) : null}
            {saved && state === 'PUBLISHED' ? (
              <Button disabled={busy} onClick={() => void togglePin()}>
                {saved.pinned ? t('announcements.publish.unpin') : t('announcements.publish.pin')}
              </Button>
            ) : null}
            {saved ? (
              <Button variant="danger" disabled={busy} onClick={() => setDialog('withdraw')}>
                {t('announcements.publish.withdraw')}
              </Button>
            ) : null}
          </div>
          {state === 'DRAFT' || state === 'SCHEDULED' ? (
            <form
              className="announcement-schedule"
              noValidate
              onSubmit={(event) => void schedule(event)}
            >
              <TextField
                label={t('announcements.publish.at')}
                description={t('announcements.publish.atHint')}
                type="datetime-local"
                value={publishAt}
                min={toDateTimeLocal(new Date())}
                error={errors.publishAt}
                onChange={(event) => setPublishAt(event.target.value)}
              />
              <Button type="submit" disabled={busy}>
                {t('announcements.publish.schedule')}
              </Button>
            </form>
          ) : null}
        </section>
      )}

      {saved && (state === 'PUBLISHED' || state === 'WITHDRAWN') ? <Reach id={saved.id} /> : null}

      <Dialog
        open={dialog === 'publish'}
        onClose={() => setDialog(null)}
        title={t('announcements.publish.now')}
        description={t('announcements.publish.nowConfirm', { audience: audienceText })}
      >
        <div className="uh-form__actions">
          <Button onClick={() => setDialog(null)}>{t('common:actions.cancel')}</Button>
          <Button variant="primary" disabled={busy} onClick={() => void publishNow()}>
            {busy ? t('common:status.saving') : t('announcements.publish.confirm')}
          </Button>
        </div>
      </Dialog>
      <Dialog
        open={dialog === 'withdraw'}
        onClose={() => setDialog(null)}
        title={t('announcements.publish.withdrawTitle')}
        description={t('announcements.publish.withdrawBody', { title: saved?.title ?? '' })}
      >
        <div className="uh-form__actions">
          <Button onClick={() => setDialog(null)}>{t('common:actions.cancel')}</Button>
          <Button variant="danger" disabled={busy} onClick={() => void withdrawNow()}>
            {busy ? t('common:status.saving') : t('announcements.publish.withdraw')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}

function Attachments({
  attachments,
  disabled,
  uploading,
  onUpload,
  onRemove,
}: {
  attachments: TAnnouncementAttachment[];
  disabled: boolean;
  uploading: boolean;
  onUpload: (file: File) => Promise<void>;
  onRemove: (attachment: TAnnouncementAttachment) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  return (
    <section className="announcement-section" aria-labelledby="files-heading">
      <h2 id="files-heading">{t('announcements.files.heading')}</h2>
      <p className="page__intro">{t('announcements.files.hint')}</p>
      {attachments.length === 0 ? (
        <p className="page__status">{t('announcements.files.none')}</p>
      ) : (
        <ul className="announcement-files">
          {attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={attachment.url} target="_blank" rel="noreferrer">
                {attachment.fileName}
              </a>
              <span className="announcement-files__meta">
                {attachment.kind === 'IMAGE' ? `${t('announcements.files.image')} · ` : ''}
                {t('announcements.files.size', { size: sizeInKb(attachment.size) })}
              </span>
              {disabled ? null : (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t('announcements.files.removeLabel', { name: attachment.fileName })}
                  onClick={() => onRemove(attachment)}
                >
                  {t('announcements.files.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {disabled ? null : (
        <>
          <label className="uh-button" htmlFor={inputId} aria-disabled={uploading}>
            {uploading ? t('announcements.files.uploading') : t('announcements.files.choose')}
          </label>
          <input
            ref={input}
            id={inputId}
            className="uh-visually-hidden"
            type="file"
            accept={ATTACHMENT_ACCEPT}
            disabled={uploading}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void onUpload(file);
            }}
          />
        </>
      )}
    </section>
  );
}

function Reach({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const reach = useQuery(
    trpc.officer.announcements.reach.queryOptions(
      { id },
      // Until the fan-out has run, look again shortly.
      { refetchInterval: (query) => (query.state.data?.sentAt ? false : 2000) },
    ),
  );
  const data = reach.data;
  return (
    <section className="announcement-section" aria-labelledby="reach-heading">
      <h2 id="reach-heading">{t('announcements.reach.heading')}</h2>
      {!data ? (
        <p className="page__status">{t('common:status.loading')}</p>
      ) : (
        <>
          <dl className="announcement-reach" data-testid="announcement-reach">
            <div>
              <dt>{t('announcements.reach.recipients')}</dt>
              <dd>
                {data.recipients === null
                  ? t('announcements.reach.pending')
                  : t('announcements.reach.count', { count: data.recipients })}
              </dd>
            </div>
            <div>
              <dt>{t('announcements.reach.delivered')}</dt>
              <dd>{t('announcements.reach.count', { count: data.delivered })}</dd>
            </div>
            <div>
              <dt>{t('announcements.reach.opened')}</dt>
              <dd>{t('announcements.reach.count', { count: data.opened })}</dd>
            </div>
          </dl>
          {data.sentAt ? (
            <p className="page__status">
              {t('announcements.reach.sentAt', {
                time: new Intl.DateTimeFormat(currentLocale(i18n), {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }).format(data.sentAt),
              })}
            </p>
          ) : null}
          <p className="page__intro">{t('announcements.reach.note')}</p>
        </>
      )}
    </section>
  );
}

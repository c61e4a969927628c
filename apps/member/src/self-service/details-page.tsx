import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ID_DOCUMENT_TYPES,
  ZIdDocument,
  ZRequestChangeInput,
  ZUpdateContactInput,
  type TChangeRequest,
  type TEmployerChoice,
  type TIdDocumentType,
  LIVING_MEMBER_STATUSES,
  type TMyDetails,
  type TRequestChangeInput,
} from '@unionhall/domain';
import {
  Alert,
  Button,
  Select,
  TextField,
  readApiError,
  useIssueMessages,
  useOnlineStatus,
} from '@unionhall/ui';
import { useDeferredValue, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import {
  BackToAccount,
  CancelCause,
  NEEDS_NETWORK,
  OfflineNotice,
  RequestDates,
  RequestState,
  TextArea,
  formatPhone,
  useErrorText,
} from './shared';

/**
 * "My details": contact fields the member changes at once, and identity and employment
 * fields changed by a request an officer reviews, with the requests' states.
 */
export default function DetailsPage() {
  const { t } = useTranslation('self');
  const trpc = useTRPC();
  const details = useQuery(trpc.member.profile.details.queryOptions());
  const requests = useQuery(trpc.member.profile.changeRequests.queryOptions());

  let body;
  if (details.data) {
    const pending = requests.data?.find((request) => request.state === 'PENDING');
    body = (
      <>
        <ContactSection details={details.data} />
        <IdentitySection details={details.data} pending={Boolean(pending)} />
        <RequestList requests={requests.data} />
      </>
    );
  } else if (details.isError) {
    body = (
      <Alert
        tone="error"
        title={t('loadError')}
        action={
          <Button size="sm" onClick={() => void details.refetch()}>
            {t('common:actions.retry')}
          </Button>
        }
      >
        {readApiError(details.error, t('common:errors.network')).message}
      </Alert>
    );
  } else {
    body = <p role="status">{t('common:status.loading')}</p>;
  }

  return (
    <section className="card self" aria-labelledby="details-heading">
      <BackToAccount />
      <h1 id="details-heading">{t('details.heading')}</h1>
      <OfflineNotice />
      {body}
    </section>
  );
}

function ContactSection({ details }: { details: TMyDetails }) {
  const { t } = useTranslation('self');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const toFieldErrors = useIssueMessages();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [form, setForm] = useState({ phone: '', email: '', address: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ text: string; conflict: boolean } | null>(null);
  const detailsKey = trpc.member.profile.details.queryKey();

  const save = useMutation(
    trpc.member.profile.updateContact.mutationOptions({
      ...NEEDS_NETWORK,
      onSuccess: (contact) => {
        queryClient.setQueryData(detailsKey, (old) => (old ? { ...old, ...contact } : old));
        void queryClient.invalidateQueries({ queryKey: trpc.member.membership.me.queryKey() });
        setEditing(false);
        setSaved(true);
      },
      onError: (error) => {
        const conflict = readApiError(error, '').appCode === 'VERSION_CONFLICT';
        setFailure({
          text: errorText(error, { VERSION_CONFLICT: t('details.conflict') }),
          conflict,
        });
        setErrors(readApiError(error, '').fieldErrors);
      },
    }),
  );

  const startEditing = () => {
    setForm({
      phone: details.phone ? formatPhone(details.phone) : '',
      email: details.email ?? '',
      address: details.address ?? '',
    });
    setErrors({});
    setFailure(null);
    setSaved(false);
    setEditing(true);
  };

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      ...trpc.member.profile.details.queryOptions(),
      staleTime: 0,
    });
    setForm({
      phone: fresh.phone ? formatPhone(fresh.phone) : '',
      email: fresh.email ?? '',
      address: fresh.address ?? '',
    });
    setFailure(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!online) {
      setFailure({ text: t('offlineMutation'), conflict: false });
      return;
    }
    const input = {
      phone: form.phone.trim() === '' ? undefined : form.phone,
      email: form.email.trim() === '' ? null : form.email,
      address: form.address.trim() === '' ? null : form.address,
      expectedVersion: details.version,
    };
    const parsed = ZUpdateContactInput.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      setErrors(toFieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    save.mutate(input);
  };

  return (
    <section className="self__section" aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('details.contactHeading')}</h2>
      <p className="self__hint">{t('details.contactIntro')}</p>
      {saved ? <Alert tone="success">{t('details.saved')}</Alert> : null}
      {editing ? (
        <form className="self__form" onSubmit={submit} noValidate>
          <TextField
            label={t('details.phone')}
            description={t('details.phoneHint')}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={form.phone}
            error={errors.phone}
            onChange={(event) => setForm({ ...form, phone: event.target.value })}
          />
          <TextField
            label={t('details.email')}
            type="email"
            autoComplete="email"
            value={form.email}
            error={errors.email}
            onChange={(event) => setForm({ ...form, email: event.target.value })}
          />
          <TextArea
            label={t('details.address')}
            autoComplete="street-address"
            value={form.address}
            error={errors.address}
            maxLength={200}
            onChange={(event) => setForm({ ...form, address: event.target.value })}
          />
          {failure ? (
            <Alert
              tone="error"
              action={
                failure.conflict ? (
                  <Button size="sm" onClick={() => void reload()}>
                    {t('details.reload')}
                  </Button>
                ) : undefined
              }
            >
              {failure.text}
            </Alert>
          ) : null}
          <div className="self__actions">
            <Button type="submit" variant="primary" disabled={save.isPending}>
              {save.isPending ? t('common:status.saving') : t('details.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('change.cancel')}</Button>
          </div>
        </form>
      ) : (
        <>
          <dl className="account__facts" data-testid="contact-details">
            <dt>{t('details.phone')}</dt>
            <dd>{details.phone ? formatPhone(details.phone) : t('details.none')}</dd>
            <dt>{t('details.email')}</dt>
            <dd>{details.email ?? t('details.none')}</dd>
            <dt>{t('details.address')}</dt>
            <dd>{details.address ?? t('details.none')}</dd>
          </dl>
          <Button onClick={startEditing}>{t('details.edit')}</Button>
        </>
      )}
    </section>
  );
}

const isIdType = (value: string): value is TIdDocumentType =>
  (ID_DOCUMENT_TYPES as readonly string[]).includes(value);

function IdentitySection({ details, pending }: { details: TMyDetails; pending: boolean }) {
  const { t } = useTranslation('self');
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const idType = isIdType(details.idType) ? t(`idType.${details.idType}`) : details.idType;

  return (
    <section className="self__section" aria-labelledby="identity-heading">
      <h2 id="identity-heading">{t('details.identityHeading')}</h2>
      <p className="self__hint">{t('details.identityIntro')}</p>
      <dl className="account__facts">
        <dt>{t('details.name')}</dt>
        <dd>{details.name}</dd>
        <dt>{t('details.idDocument')}</dt>
        <dd>
          {details.idLast4
            ? t('details.idMasked', { type: idType, last4: details.idLast4 })
            : idType}
        </dd>
        <dt>{t('details.employer')}</dt>
        <dd>{details.employerName ?? t('details.none')}</dd>
        <dt>{t('details.workplace')}</dt>
        <dd>{details.workplaceName ?? t('details.none')}</dd>
        <dt>{t('details.jobTitle')}</dt>
        <dd>{details.jobTitle ?? t('details.none')}</dd>
      </dl>
      {sent ? <Alert tone="success">{t('change.sent')}</Alert> : null}
      {open ? (
        <ChangeForm
          details={details}
          onDone={() => {
            setOpen(false);
            setSent(true);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : !(LIVING_MEMBER_STATUSES as readonly string[]).includes(details.status) ? (
        // The server refuses a change to a record whose membership has ended: say so instead.
        <p className="self__hint">{t('details.endedBlocks')}</p>
      ) : pending ? (
        <p className="self__hint">{t('details.pendingBlocks')}</p>
      ) : (
        <Button
          onClick={() => {
            setSent(false);
            setOpen(true);
          }}
        >
          {t('details.requestChange')}
        </Button>
      )}
    </section>
  );
}

interface ChangeDraft {
  name: string;
  idType: TIdDocumentType;
  idNumber: string;
  employerName: string;
  workplaceId: string;
  jobTitle: string;
  note: string;
}

const blank = (value: string) => (value.trim() === '' ? undefined : value);

/**
 * The request as the API takes it. A typed employer the union knows by that exact name goes
 * by id (`known`), so that one of its workplaces can be chosen; another goes by name.
 */
function toInput(draft: ChangeDraft, known: TEmployerChoice | undefined): TRequestChangeInput {
  const typed = draft.employerName.trim();
  const byId = typed !== '' && known?.name === typed;
  const workplaceOk = known?.workplaces.some((place) => place.id === draft.workplaceId) ?? false;
  return {
    name: blank(draft.name),
    idDocument:
      draft.idNumber.trim() === '' ? undefined : { type: draft.idType, number: draft.idNumber },
    employerId: byId ? known?.id : undefined,
    employerName: byId ? undefined : blank(draft.employerName),
    workplaceId: workplaceOk ? draft.workplaceId : undefined,
    jobTitle: blank(draft.jobTitle),
    note: blank(draft.note),
  };
}

/**
 * The employer whose workplaces the member may choose from: the one typed, when the union
 * knows it by that exact name, or else the member's current one. Also the known employers
 * whose names contain what was typed, as suggestions.
 */
function useEmployerChoices(typed: string, currentEmployerId: string | null) {
  const trpc = useTRPC();
  const query = useDeferredValue(typed.trim());
  const choices = useQuery(
    trpc.public.membership.employerChoices.queryOptions(
      query.length >= 2
        ? { query }
        : query === '' && currentEmployerId
          ? { employerId: currentEmployerId }
          : skipToken,
    ),
  );
  const list = choices.data ?? [];
  const target =
    query === ''
      ? list.find((employer) => employer.id === currentEmployerId)
      : list.find((employer) => employer.name === query);
  return { suggestions: query.length >= 2 ? list : [], target };
}

function ChangeForm({
  details,
  onDone,
  onCancel,
}: {
  details: TMyDetails;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('self');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const toFieldErrors = useIssueMessages();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<ChangeDraft>({
    name: '',
    idType: 'RESIDENT_ID',
    idNumber: '',
    employerName: '',
    workplaceId: '',
    jobTitle: '',
    note: '',
  });
  const employers = useEmployerChoices(draft.employerName, details.employerId);
  const suggestionsId = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  // The ID number is checked as it is typed, with the same GB 11643 rules the API applies.
  const idCheck =
    draft.idNumber.trim() === ''
      ? null
      : ZIdDocument.safeParse(
          { type: draft.idType, number: draft.idNumber },
          { reportInput: true },
        );
  const idError =
    idCheck && !idCheck.success ? toFieldErrors(idCheck.error.issues).number : undefined;

  const send = useMutation(
    trpc.member.profile.requestChange.mutationOptions({
      ...NEEDS_NETWORK,
      onSuccess: async () => {
        await queryClient.invalidateQueries({
          queryKey: trpc.member.profile.changeRequests.queryKey(),
        });
        onDone();
      },
      onError: (error) => {
        setFailure(errorText(error, { MEMBER_REQUEST_OPEN: t('change.requestOpen') }));
        setErrors(readApiError(error, '').fieldErrors);
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!online) {
      setFailure(t('offlineMutation'));
      return;
    }
    const input = toInput(draft, employers.target);
    const parsed = ZRequestChangeInput.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      const found = toFieldErrors(parsed.error.issues);
      setErrors(found);
      // "Nothing to change" belongs to the whole form, not to one field.
      if (found['']) setFailure(found['']);
      return;
    }
    setErrors({});
    send.mutate(input);
  };

  const update = (patch: Partial<ChangeDraft>) => setDraft({ ...draft, ...patch });

  return (
    <form className="self__form" onSubmit={submit} noValidate aria-labelledby="change-heading">
      <h3 id="change-heading">{t('change.heading')}</h3>
      <p className="self__hint">{t('change.intro')}</p>
      <TextField
        label={t('change.name')}
        autoComplete="name"
        value={draft.name}
        error={errors.name}
        onChange={(event) => update({ name: event.target.value })}
      />
      <Select
        label={t('change.idType')}
        value={draft.idType}
        options={ID_DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`idType.${type}`) }))}
        onChange={(event) => {
          const value = event.target.value;
          if (isIdType(value)) update({ idType: value });
        }}
      />
      <TextField
        label={t('change.idNumber')}
        description={idCheck?.success ? t('change.idNumberValid') : t('change.idNumberHint')}
        autoComplete="off"
        spellCheck={false}
        className="join__mono"
        value={draft.idNumber}
        error={idError ?? errors['idDocument.number']}
        onChange={(event) => update({ idNumber: event.target.value })}
      />
      <TextField
        label={t('change.employerName')}
        description={t('change.employerHint')}
        autoComplete="organization"
        list={suggestionsId}
        value={draft.employerName}
        error={errors.employerName ?? errors.employerId}
        onChange={(event) => update({ employerName: event.target.value, workplaceId: '' })}
      />
      <datalist id={suggestionsId}>
        {employers.suggestions.map((employer) => (
          <option key={employer.id} value={employer.name} />
        ))}
      </datalist>
      {employers.target && employers.target.workplaces.length > 0 ? (
        <Select
          label={t('change.workplace')}
          description={
            draft.employerName.trim() === ''
              ? t('change.workplaceHintCurrent', { employer: employers.target.name })
              : t('change.workplaceHint', { employer: employers.target.name })
          }
          value={draft.workplaceId}
          error={errors.workplaceId}
          options={[
            { value: '', label: t('change.workplaceNoChange') },
            ...employers.target.workplaces.map((place) => ({
              value: place.id,
              label: place.name,
            })),
          ]}
          onChange={(event) => update({ workplaceId: event.target.value })}
        />
      ) : null}
      <TextField
        label={t('change.jobTitle')}
        autoComplete="organization-title"
        value={draft.jobTitle}
        error={errors.jobTitle}
        onChange={(event) => update({ jobTitle: event.target.value })}
      />
      <TextArea
        label={t('change.note')}
        description={t('change.noteHint')}
        value={draft.note}
        maxLength={500}
        error={errors.note}
        onChange={(event) => update({ note: event.target.value })}
      />
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <div className="self__actions">
        <Button type="submit" variant="primary" disabled={send.isPending}>
          {send.isPending ? t('common:status.saving') : t('change.submit')}
        </Button>
        <Button onClick={onCancel}>{t('change.cancel')}</Button>
      </div>
    </form>
  );
}

function RequestList({ requests }: { requests: TChangeRequest[] | undefined }) {
  const { t } = useTranslation('self');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const errorText = useErrorText();
  const [message, setMessage] = useState<
    { tone: 'success' } | { tone: 'error'; text: string } | null
  >(null);
  const withdraw = useMutation(
    trpc.member.profile.cancelChangeRequest.mutationOptions({
      ...NEEDS_NETWORK,
      onSuccess: async () => {
        await queryClient.invalidateQueries({
          queryKey: trpc.member.profile.changeRequests.queryKey(),
        });
        setMessage({ tone: 'success' });
      },
      onError: (error) => setMessage({ tone: 'error', text: errorText(error) }),
    }),
  );

  return (
    <section className="self__section" aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t('change.listHeading')}</h2>
      {message?.tone === 'success' ? (
        <Alert tone="success">{t('change.withdrawn')}</Alert>
      ) : message ? (
        <Alert tone="error">{message.text}</Alert>
      ) : null}
      {requests === undefined ? (
        <p role="status">{t('common:status.loading')}</p>
      ) : requests.length === 0 ? (
        <p className="self__hint">{t('change.none')}</p>
      ) : (
        <ul className="self__requests">
          {requests.map((request) => (
            <li key={request.id} className="self__request" data-testid="change-request">
              <div className="self__request-head">
                <RequestState state={request.state} cancelCause={request.cancelCause} />
                <RequestDates createdAt={request.createdAt} decidedAt={request.decidedAt} />
              </div>
              <ProposedFields request={request} />
              {request.note ? <p>{t('change.noteShown', { note: request.note })}</p> : null}
              <CancelCause cause={request.cancelCause} />
              {request.decisionReason ? (
                <p className="self__reason">
                  {t('decisionReason', { reason: request.decisionReason })}
                </p>
              ) : null}
              {request.state === 'PENDING' ? (
                <Button
                  size="sm"
                  disabled={withdraw.isPending}
                  onClick={() => {
                    setMessage(null);
                    if (!online) {
                      setMessage({ tone: 'error', text: t('offlineMutation') });
                      return;
                    }
                    withdraw.mutate({ id: request.id });
                  }}
                >
                  {t('change.withdraw')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ProposedFields({ request }: { request: TChangeRequest }) {
  const { t } = useTranslation('self');
  const { name, idDocumentType, idLast4, employerName, workplaceName, jobTitle } = request.proposed;
  const type =
    idDocumentType && isIdType(idDocumentType) ? t(`idType.${idDocumentType}`) : idDocumentType;
  return (
    <ul className="self__proposed">
      {name ? <li>{t('change.fields.name', { value: name })}</li> : null}
      {type && idLast4 ? <li>{t('change.fields.idDocument', { type, last4: idLast4 })}</li> : null}
      {employerName ? <li>{t('change.fields.employerName', { value: employerName })}</li> : null}
      {workplaceName ? <li>{t('change.fields.workplace', { value: workplaceName })}</li> : null}
      {jobTitle !== undefined ? <li>{t('change.fields.jobTitle', { value: jobTitle })}</li> : null}
    </ul>
  );
}

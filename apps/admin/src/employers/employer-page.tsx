import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZAddWorkplaceInput, ZUpdateWorkplaceInput } from '@unionhall/domain';
import { Alert, Button, TextField, readApiError, useIssueMessages } from '@unionhall/ui';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { usePermissions } from '../auth/permissions';
import { useFocusFirstInvalid } from '../org/use-focus-first-invalid';
import { useTRPC } from '../trpc';
import { EmployerDialog } from './employer-dialog';
import { Density, UnitName, useEmployerFormats } from './employer-list';
import './employers.css';

/** The flash a freshly created employer's page opens with (set by the list's create dialog). */
function createdName(state: unknown): string | null {
  const name: unknown = typeof state === 'object' && state ? Reflect.get(state, 'created') : null;
  return typeof name === 'string' ? name : null;
}

/** One employer: details and density, its workplaces, a link to its members, and editing. */
export function EmployerPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const location = useLocation();
  const { id = '' } = useParams();
  const employer = useQuery(trpc.officer.employers.get.queryOptions({ id }, { staleTime: 0 }));
  const units = useQuery(trpc.officer.org.list.queryOptions());
  const { canAnywhere, canOn } = usePermissions();
  const formats = useEmployerFormats();
  const [editing, setEditing] = useState(false);
  const [editingWorkplace, setEditingWorkplace] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(() => {
    const name = createdName(location.state);
    return name ? t('employers.detail.created', { name }) : null;
  });

  if (employer.isPending) {
    return <p className="page__status">{t('common:status.loading')}</p>;
  }
  const data = employer.data;
  if (!data) {
    const info = readApiError(employer.error, t('common:errors.network'));
    return (
      <section className="page" aria-labelledby="employer-title">
        <BackLink />
        <h1 id="employer-title">{t('employers.detail.loadError')}</h1>
        <Alert tone="error">{info.message}</Alert>
      </section>
    );
  }

  // Managing needs member.manage on the employer's unit; an unlinked employer is anyone's.
  const byId = new Map((units.data ?? []).map((unit) => [unit.id, unit]));
  const unit = data.orgUnitId ? byId.get(data.orgUnitId) : undefined;
  const canManage = unit ? canOn('member.manage', unit, byId) : canAnywhere('member.manage');

  return (
    <section className="page employer-page" aria-labelledby="employer-title">
      <BackLink />
      <header className="page__header">
        <div className="employer-page__title">
          <h1 id="employer-title">{data.name}</h1>
          {data.orgUnitId ? null : <UnitName employer={data} />}
        </div>
        {canManage ? (
          <Button onClick={() => setEditing(true)}>{t('employers.detail.edit')}</Button>
        ) : null}
      </header>

      {flash ? (
        <Alert
          tone="success"
          action={
            <Button size="sm" variant="ghost" onClick={() => setFlash(null)}>
              {t('common:actions.close')}
            </Button>
          }
        >
          {flash}
        </Alert>
      ) : null}

      <section className="employer-section" aria-labelledby="employer-details">
        <h2 id="employer-details">{t('employers.detail.heading')}</h2>
        <dl className="employer-details">
          <Field label={t('employers.column.unit')}>
            <UnitName employer={data} />
          </Field>
          <Field label={t('employers.column.creditCode')}>
            <span className="employers-code">{data.creditCode ?? t('employers.noValue')}</span>
          </Field>
          <Field label={t('employers.column.workforce')}>
            {data.workforceSize === null
              ? t('employers.noValue')
              : formats.count(data.workforceSize)}
          </Field>
          <Field label={t('employers.column.activeMembers')}>
            {formats.count(data.activeMembers)}
          </Field>
          <Field label={t('employers.column.density')}>
            <Density density={data.density} />
          </Field>
          <Field label={t('employers.detail.address')}>
            {data.address ?? t('employers.noValue')}
          </Field>
        </dl>
        <p className="employer-members">
          <Link to={`/members?employer=${data.id}`}>{t('employers.detail.members')}</Link>
        </p>
      </section>

      <section className="employer-section" aria-labelledby="employer-workplaces">
        <h2 id="employer-workplaces">{t('employers.workplaces.heading')}</h2>
        {data.workplaces.length > 0 ? (
          <ul className="employer-workplaces">
            {data.workplaces.map((workplace) =>
              canManage && editingWorkplace === workplace.id ? (
                <li key={workplace.id}>
                  <EditWorkplaceForm
                    employerId={data.id}
                    workplace={workplace}
                    onCancel={() => setEditingWorkplace(null)}
                    onSaved={(message) => {
                      setEditingWorkplace(null);
                      setFlash(message);
                    }}
                  />
                </li>
              ) : (
                <li key={workplace.id}>
                  <span className="employers-name">{workplace.name}</span>
                  {workplace.address ? (
                    <span className="employers-muted"> · {workplace.address}</span>
                  ) : null}
                  {canManage ? (
                    <>
                      {' '}
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t('employers.workplaces.editNamed', { name: workplace.name })}
                        onClick={() => setEditingWorkplace(workplace.id)}
                      >
                        {t('employers.workplaces.edit')}
                      </Button>
                    </>
                  ) : null}
                </li>
              ),
            )}
          </ul>
        ) : (
          <p className="employers-muted">{t('employers.workplaces.empty')}</p>
        )}
        {canManage ? <AddWorkplaceForm employerId={data.id} onAdded={setFlash} /> : null}
      </section>

      {editing ? (
        <EmployerDialog
          employer={data}
          onClose={() => setEditing(false)}
          onDone={(_saved, message) => {
            setEditing(false);
            setFlash(message);
          }}
        />
      ) : null}
    </section>
  );
}

function AddWorkplaceForm({
  employerId,
  onAdded,
}: {
  employerId: string;
  onAdded: (message: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toFieldErrors = useIssueMessages();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstInvalid(clientErrors);
  const mutation = useMutation(
    trpc.officer.employers.addWorkplace.mutationOptions({
      onSuccess: async (added) => {
        setName('');
        setAddress('');
        await queryClient.invalidateQueries({
          queryKey: trpc.officer.employers.get.queryKey({ id: employerId }),
        });
        onAdded(t('employers.workplaces.added', { name: added.name }));
      },
    }),
  );
  const apiError = mutation.error ? readApiError(mutation.error, t('common:errors.network')) : null;
  const errors = { ...apiError?.fieldErrors, ...clientErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZAddWorkplaceInput.safeParse(
      { employerId, name, address: address.trim() === '' ? null : address },
      { reportInput: true },
    );
    if (!parsed.success) {
      setClientErrors(toFieldErrors(parsed.error.issues));
      return;
    }
    setClientErrors({});
    mutation.reset();
    mutation.mutate(parsed.data);
  }

  return (
    <form
      ref={formRef}
      className="employer-add-workplace"
      aria-label={t('employers.workplaces.add')}
      noValidate
      onSubmit={submit}
    >
      {apiError && Object.keys(apiError.fieldErrors).length === 0 ? (
        <Alert tone="error">{apiError.message}</Alert>
      ) : null}
      <TextField
        label={t('employers.workplaces.name')}
        description={t('employers.workplaces.nameHint')}
        required
        autoComplete="off"
        maxLength={100}
        value={name}
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        label={t('employers.workplaces.address')}
        autoComplete="off"
        maxLength={200}
        value={address}
        error={errors.address}
        onChange={(event) => setAddress(event.target.value)}
      />
      <div className="employer-add-workplace__actions">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t('common:status.saving') : t('employers.workplaces.add')}
        </Button>
      </div>
    </form>
  );
}

/** Renames a workplace or corrects its address, in place of its line in the list. */
function EditWorkplaceForm({
  employerId,
  workplace,
  onCancel,
  onSaved,
}: {
  employerId: string;
  workplace: { id: string; name: string; address: string | null };
  onCancel: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toFieldErrors = useIssueMessages();
  const [name, setName] = useState(workplace.name);
  const [address, setAddress] = useState(workplace.address ?? '');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstInvalid(clientErrors);
  const mutation = useMutation(
    trpc.officer.employers.updateWorkplace.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({
          queryKey: trpc.officer.employers.get.queryKey({ id: employerId }),
        });
        onSaved(t('employers.workplaces.saved', { name: saved.name }));
      },
    }),
  );
  const apiError = mutation.error ? readApiError(mutation.error, t('common:errors.network')) : null;
  const errors = { ...apiError?.fieldErrors, ...clientErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZUpdateWorkplaceInput.safeParse(
      { id: workplace.id, name, address: address.trim() === '' ? null : address },
      { reportInput: true },
    );
    if (!parsed.success) {
      setClientErrors(toFieldErrors(parsed.error.issues));
      return;
    }
    setClientErrors({});
    mutation.reset();
    mutation.mutate(parsed.data);
  }

  return (
    <form
      ref={formRef}
      className="employer-add-workplace"
      aria-label={t('employers.workplaces.editNamed', { name: workplace.name })}
      noValidate
      onSubmit={submit}
    >
      {apiError && Object.keys(apiError.fieldErrors).length === 0 ? (
        <Alert tone="error">{apiError.message}</Alert>
      ) : null}
      <TextField
        label={t('employers.workplaces.name')}
        required
        autoComplete="off"
        maxLength={100}
        value={name}
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        label={t('employers.workplaces.address')}
        autoComplete="off"
        maxLength={200}
        value={address}
        error={errors.address}
        onChange={(event) => setAddress(event.target.value)}
      />
      <div className="employer-add-workplace__actions">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t('common:status.saving') : t('employers.workplaces.save')}
        </Button>{' '}
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
      </div>
    </form>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="employer-page__back">
      <Link to="/employers">← {t('employers.detail.back')}</Link>
    </p>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

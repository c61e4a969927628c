import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, TextField } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { ConfirmDialog } from './confirm-dialog';
import { CreateOfficerDialog } from './create-officer-dialog';
import { GrantRoleDialog } from './grant-role-dialog';
import { OfficerList, type TOfficerAction } from './officer-list';
import { useAccessError, useInvalidateAccess } from './use-access-mutation';
import { useAccessRights } from './use-access-rights';
import { WhoCanPanel } from './who-can-panel';
import './access.css';

/** The Access page: officers and their roles, the changes to them, and who can do what where. */
export function AccessPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useQuery(trpc.public.session.me.queryOptions());
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const officers = useQuery(
    trpc.officer.access.officers.queryOptions(search ? { search } : undefined),
  );
  const { canManageAnywhere, canManageOn } = useAccessRights();
  const [action, setAction] = useState<TOfficerAction | 'create' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const invalidate = useInvalidateAccess();

  const done = (message: string) => {
    setAction(null);
    setNotice(message);
  };
  const revoke = useMutation(
    trpc.officer.access.revoke.mutationOptions({
      onSuccess: async (grant) => {
        await invalidate();
        if (action === 'create' || action?.kind !== 'revoke') return;
        done(
          t('access.revoked', {
            name: action.officer.name,
            role: t(`access.role.${grant.role}`),
            unit: grant.orgUnitName,
          }),
        );
      },
    }),
  );
  const disable = useMutation(
    trpc.officer.access.disableOfficer.mutationOptions({
      onSuccess: async (officer) => {
        await invalidate();
        done(t('access.disabledNotice', { name: officer.name }));
      },
    }),
  );
  const revokeError = useAccessError(revoke.error);
  const disableError = useAccessError(disable.error);
  const loadError = useAccessError(officers.error);

  const open = (next: TOfficerAction | 'create') => {
    setNotice(null);
    revoke.reset();
    disable.reset();
    setAction(next);
  };
  const close = () => setAction(null);

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSearch(draft.trim());
  }

  const list = officers.data ?? [];
  return (
    <section className="page" aria-labelledby="access-title">
      <header className="page__header">
        <div>
          <h1 id="access-title">{t('access.title')}</h1>
          <p className="page__intro">{t('access.intro')}</p>
        </div>
        {canManageAnywhere ? (
          <div className="page__tools">
            <Button variant="primary" onClick={() => open('create')}>
              {t('access.addOfficer')}
            </Button>
          </div>
        ) : null}
      </header>

      {notice ? (
        <Alert
          tone="success"
          action={
            <Button size="sm" variant="ghost" onClick={() => setNotice(null)}>
              {t('access.dismiss')}
            </Button>
          }
        >
          {notice}
        </Alert>
      ) : null}

      <div className="access-layout">
        <section className="access-officers" aria-labelledby="officers-title">
          <div className="access-officers__header">
            <h2 id="officers-title">{t('access.listLabel')}</h2>
            {officers.isSuccess ? (
              <span className="page__count">{t('access.count', { count: list.length })}</span>
            ) : null}
          </div>
          <form role="search" className="access-search" onSubmit={submitSearch}>
            <TextField
              label={t('access.search')}
              name="search"
              type="search"
              autoComplete="off"
              maxLength={100}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
            />
            <Button type="submit">{t('access.searchSubmit')}</Button>
            {search ? (
              <Button
                variant="ghost"
                onClick={() => {
                  setDraft('');
                  setSearch('');
                }}
              >
                {t('access.searchClear')}
              </Button>
            ) : null}
          </form>
          {loadError ? (
            <Alert
              tone="error"
              title={t('access.loadError')}
              action={
                <Button size="sm" onClick={() => void officers.refetch()}>
                  {t('common:actions.retry')}
                </Button>
              }
            >
              {loadError}
            </Alert>
          ) : null}
          {officers.isPending ? (
            <p role="status" className="page__status">
              {t('common:status.loading')}
            </p>
          ) : null}
          {officers.isSuccess && list.length === 0 ? (
            <p className="page__status">{search ? t('access.emptySearch') : t('access.empty')}</p>
          ) : null}
          {list.length > 0 ? (
            <OfficerList
              officers={list}
              myEmail={me.data?.email}
              canManageAnywhere={canManageAnywhere}
              canManageOn={canManageOn}
              onAction={open}
            />
          ) : null}
        </section>
        <WhoCanPanel />
      </div>

      {action === 'create' ? <CreateOfficerDialog onClose={close} /> : null}
      {action && action !== 'create' && action.kind === 'grant' ? (
        <GrantRoleDialog officer={action.officer} onClose={close} onDone={done} />
      ) : null}
      {action && action !== 'create' && action.kind === 'revoke' ? (
        <ConfirmDialog
          title={t('access.confirm.revokeTitle')}
          body={t('access.confirm.revokeBody', {
            name: action.officer.name,
            role: t(`access.role.${action.grant.role}`),
            unit: action.grant.orgUnitName,
          })}
          confirmLabel={t('access.confirm.revokeSubmit')}
          pending={revoke.isPending}
          error={revokeError}
          onConfirm={() => revoke.mutate({ grantId: action.grant.id })}
          onClose={close}
        />
      ) : null}
      {action && action !== 'create' && action.kind === 'disable' ? (
        <ConfirmDialog
          title={t('access.confirm.disableTitle')}
          body={t('access.confirm.disableBody', {
            name: action.officer.name,
            email: action.officer.email,
          })}
          confirmLabel={t('access.confirm.disableSubmit')}
          pending={disable.isPending}
          error={disableError}
          onConfirm={() => disable.mutate({ userId: action.officer.id })}
          onClose={close}
        />
      ) : null}
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  buildOrgTree,
  TOKEN_SCOPES,
  ZCreateApiTokenInput,
  type TCreatedApiToken,
  type TTokenScope,
} from '@unionhall/domain';
import {
  Alert,
  Button,
  currentLocale,
  Dialog,
  readApiError,
  Select,
  TextField,
  useIssueMessages,
} from '@unionhall/ui';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/permissions';
import { flattenTree, indexTree } from '../org/org-helpers';
import { useFocusFirstInvalid } from '../org/use-focus-first-invalid';
import { useTRPC } from '../trpc';
import { EXPIRY_CHOICES, expiryValue, parseExpiry, type TExpiryChoice } from './tokens-helpers';

function expiryLabel(t: ReturnType<typeof useTranslation>['t'], choice: TExpiryChoice): string {
  switch (choice) {
    case 30:
      return t('tokens.createDialog.expiry30');
    case 90:
      return t('tokens.createDialog.expiry90');
    case 365:
      return t('tokens.createDialog.expiry365');
    case null:
      return t('tokens.createDialog.expiryNever');
  }
}

/** The key, shown once, with a copy button. */
function KeyOnce({ created, onClose }: { created: TCreatedApiToken; onClose: () => void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const keyRef = useRef<HTMLInputElement>(null);

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopy('copied');
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for the user.
      keyRef.current?.select();
      setCopy('failed');
    }
  }

  return (
    <div className="uh-form">
      <Alert tone="warning" title={t('tokens.createDialog.createdTitle')}>
        {t('tokens.createDialog.keyWarning')}
      </Alert>
      <div className="tokens-key">
        <TextField
          ref={keyRef}
          label={t('tokens.createDialog.key')}
          name="key"
          readOnly
          value={created.key}
          className="tokens-key__input"
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button onClick={() => void copyKey()}>{t('tokens.createDialog.copy')}</Button>
      </div>
      <p role="status" className="tokens-muted">
        {copy === 'copied' ? t('tokens.createDialog.copied') : null}
        {copy === 'failed' ? t('tokens.createDialog.copyFailed') : null}
      </p>
      <div className="uh-form__actions">
        <Button variant="primary" onClick={onClose}>
          {t('tokens.createDialog.done')}
        </Button>
      </div>
    </div>
  );
}

/**
 * Issues a token: name, unit, scopes and expiry. Only units where the officer holds
 * token.manage are offered, and only scopes the officer holds on the chosen unit can be ticked
 * (the server refuses anything else). Afterwards the dialog shows the key, once.
 */
export function CreateTokenDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toFieldErrors = useIssueMessages();
  const { canOn } = usePermissions();
  const scopesId = useId();
  const locale = currentLocale(i18n);

  const units = useQuery(trpc.officer.org.list.queryOptions());
  const roots = useMemo(() => buildOrgTree(units.data ?? [], locale), [units.data, locale]);
  const byId = useMemo(() => indexTree(roots), [roots]);
  const unitOptions = useMemo(
    () =>
      flattenTree(roots)
        .filter((entry) => canOn('token.manage', entry.unit, byId))
        .map((entry) => ({ value: entry.unit.id, label: entry.path.join(' / ') })),
    [roots, byId, canOn],
  );

  const [name, setName] = useState('');
  const [orgUnitId, setOrgUnitId] = useState('');
  const [scopes, setScopes] = useState<TTokenScope[]>(['org.read']);
  const [expiry, setExpiry] = useState<TExpiryChoice>(90);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstInvalid(clientErrors);

  const unit = byId.get(orgUnitId);
  const holds = (scope: TTokenScope) => (unit ? canOn(scope, unit, byId) : true);

  const mutation = useMutation(
    trpc.officer.tokens.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.officer.tokens.pathFilter()),
    }),
  );
  const apiError = mutation.error ? readApiError(mutation.error, t('common:errors.network')) : null;
  const errors = { ...apiError?.fieldErrors, ...clientErrors };

  function toggleScope(scope: TTokenScope, on: boolean) {
    setScopes((current) =>
      on ? [...current, scope] : current.filter((candidate) => candidate !== scope),
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZCreateApiTokenInput.safeParse(
      { name, orgUnitId, scopes: scopes.filter(holds), expiresInDays: expiry },
      { reportInput: true },
    );
    if (!parsed.success) {
      const fieldErrors = toFieldErrors(parsed.error.issues);
      // Plain words for the two choices, rather than zod's "invalid UUID" or "too small".
      if (fieldErrors.orgUnitId) fieldErrors.orgUnitId = t('tokens.createDialog.chooseUnit');
      if (fieldErrors.scopes) fieldErrors.scopes = t('tokens.createDialog.chooseScopes');
      setClientErrors(fieldErrors);
      return;
    }
    setClientErrors({});
    mutation.reset();
    mutation.mutate(parsed.data);
  }

  if (mutation.data) {
    return (
      <Dialog open onClose={onClose} title={t('tokens.createDialog.title')}>
        <KeyOnce created={mutation.data} onClose={onClose} />
      </Dialog>
    );
  }

  const scopesError = errors.scopes;
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('tokens.createDialog.title')}
      description={t('tokens.createDialog.description')}
    >
      <form ref={formRef} className="uh-form" noValidate onSubmit={submit}>
        {apiError ? <Alert tone="error">{apiError.message}</Alert> : null}
        <TextField
          label={t('tokens.createDialog.name')}
          name="name"
          required
          autoComplete="off"
          maxLength={32}
          value={name}
          onChange={(event) => setName(event.target.value)}
          description={t('tokens.createDialog.nameHint')}
          error={errors.name}
        />
        <Select
          label={t('tokens.createDialog.unit')}
          name="orgUnitId"
          required
          value={orgUnitId}
          placeholder={t('tokens.createDialog.chooseUnit')}
          onChange={(event) => setOrgUnitId(event.target.value)}
          description={t('tokens.createDialog.unitHint')}
          error={errors.orgUnitId}
          options={unitOptions}
        />
        <fieldset
          className={`tokens-scopes-field${scopesError ? ' uh-field--invalid' : ''}`}
          aria-describedby={`${scopesId}-hint${scopesError ? ` ${scopesId}-error` : ''}`}
        >
          <legend className="uh-field__label">{t('tokens.createDialog.scopes')}</legend>
          <p id={`${scopesId}-hint`} className="uh-field__description">
            {t('tokens.createDialog.scopesHint')}
          </p>
          {TOKEN_SCOPES.map((scope) => {
            const held = holds(scope);
            return (
              <label key={scope} className="tokens-check">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  checked={held && scopes.includes(scope)}
                  disabled={!held}
                  aria-invalid={scopesError ? true : undefined}
                  onChange={(event) => toggleScope(scope, event.target.checked)}
                />
                <span>
                  {t(`tokens.scope.${scope}`)}
                  {held ? null : (
                    <span className="tokens-muted tokens-sub">
                      {t('tokens.createDialog.scopeNotHeld')}
                    </span>
                  )}
                </span>
              </label>
            );
          })}
          {scopesError ? (
            <p id={`${scopesId}-error`} className="uh-field__error">
              {scopesError}
            </p>
          ) : null}
        </fieldset>
        <Select
          label={t('tokens.createDialog.expiry')}
          name="expiry"
          required
          value={expiryValue(expiry)}
          onChange={(event) => setExpiry(parseExpiry(event.target.value))}
          options={EXPIRY_CHOICES.map((choice) => ({
            value: expiryValue(choice),
            label: expiryLabel(t, choice),
          }))}
        />
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('common:status.saving') : t('tokens.createDialog.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

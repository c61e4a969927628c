import { useQuery } from '@tanstack/react-query';
import type { TApiToken, TApiTokenStatus } from '@unionhall/domain';
import { Alert, Button, currentLocale, readApiError, useMediaQuery } from '@unionhall/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/permissions';
import { useTRPC } from '../trpc';
import { CreateTokenDialog } from './create-token-dialog';
import { RevokeTokenDialog } from './revoke-token-dialog';
import { relativeTime } from './tokens-helpers';
import './tokens.css';

/** The same breakpoint as the console's CSS: below it, cards instead of a table. */
const PHONE_QUERY = '(max-width: 40rem)';

const STATUS_TONE: Record<TApiTokenStatus, string> = {
  ACTIVE: 'uh-badge--success',
  REVOKED: 'uh-badge--danger',
  EXPIRED: 'uh-badge--neutral',
};

interface TimeFormat {
  absolute: (date: Date) => string;
  relative: (date: Date) => string;
}

/** A moment shown relative to now ("3 hours ago"), with the exact time on hover. */
function Moment({ date, format }: { date: Date; format: TimeFormat }) {
  return (
    <time dateTime={date.toISOString()} title={format.absolute(date)}>
      {format.relative(date)}
    </time>
  );
}

interface RowProps {
  token: TApiToken;
  format: TimeFormat;
  onRevoke: (token: TApiToken) => void;
}

function TokenName({ token }: { token: TApiToken }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="tokens-name">{token.name}</span>
      {token.start ? (
        <span className="uh-code tokens-start">{t('tokens.keyStart', { start: token.start })}</span>
      ) : null}
    </>
  );
}

function TokenStatus({ token, format }: { token: TApiToken; format: TimeFormat }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`uh-badge ${STATUS_TONE[token.status]}`}>
        {t(`tokens.status.${token.status}`)}
      </span>
      {token.revokedAt ? (
        <span className="tokens-muted tokens-sub">
          {t('tokens.revokedAt', { time: format.absolute(token.revokedAt) })}
        </span>
      ) : null}
    </>
  );
}

function TokenScopes({ token }: { token: TApiToken }) {
  const { t } = useTranslation();
  return (
    <ul className="tokens-scopes">
      {token.scopes.map((scope) => (
        <li key={scope}>{t(`tokens.scope.${scope}`)}</li>
      ))}
    </ul>
  );
}

function TokenCreated({ token, format }: { token: TApiToken; format: TimeFormat }) {
  const { t } = useTranslation();
  return (
    <>
      <Moment date={token.createdAt} format={format} />
      <span className="tokens-muted tokens-sub">
        {t('tokens.createdBy', { name: token.createdBy.name })}
      </span>
    </>
  );
}

function TokenExpiry({ token, format }: { token: TApiToken; format: TimeFormat }) {
  const { t } = useTranslation();
  return token.expiresAt ? (
    <Moment date={token.expiresAt} format={format} />
  ) : (
    <span className="tokens-muted">{t('tokens.neverExpires')}</span>
  );
}

function TokenLastUsed({ token, format }: { token: TApiToken; format: TimeFormat }) {
  const { t } = useTranslation();
  return token.lastUsedAt ? (
    <Moment date={token.lastUsedAt} format={format} />
  ) : (
    <span className="tokens-muted">{t('tokens.neverUsed')}</span>
  );
}

function RevokeButton({ token, onRevoke }: Omit<RowProps, 'format'>) {
  const { t } = useTranslation();
  if (token.status !== 'ACTIVE') return null;
  return (
    <Button
      size="sm"
      variant="danger"
      aria-label={t('tokens.revokeLabel', { name: token.name })}
      onClick={() => onRevoke(token)}
    >
      {t('tokens.revoke')}
    </Button>
  );
}

function TokenTable({
  tokens,
  format,
  onRevoke,
}: Omit<RowProps, 'token'> & { tokens: TApiToken[] }) {
  const { t } = useTranslation();
  return (
    <div className="data-table-frame">
      <table className="data-table tokens-table">
        <caption className="uh-visually-hidden">{t('tokens.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tokens.column.name')}</th>
            <th scope="col">{t('tokens.column.unit')}</th>
            <th scope="col">{t('tokens.column.scopes')}</th>
            <th scope="col">{t('tokens.column.status')}</th>
            <th scope="col">{t('tokens.column.created')}</th>
            <th scope="col">{t('tokens.column.expires')}</th>
            <th scope="col">{t('tokens.column.lastUsed')}</th>
            <th scope="col">
              <span className="uh-visually-hidden">{t('tokens.column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">
                <TokenName token={token} />
              </th>
              <td>{token.orgUnit.name}</td>
              <td>
                <TokenScopes token={token} />
              </td>
              <td>
                <TokenStatus token={token} format={format} />
              </td>
              <td>
                <TokenCreated token={token} format={format} />
              </td>
              <td className="tokens-nowrap">
                <TokenExpiry token={token} format={format} />
              </td>
              <td className="tokens-nowrap">
                <TokenLastUsed token={token} format={format} />
              </td>
              <td>
                <RevokeButton token={token} onRevoke={onRevoke} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TokenCards({
  tokens,
  format,
  onRevoke,
}: Omit<RowProps, 'token'> & { tokens: TApiToken[] }) {
  const { t } = useTranslation();
  return (
    <ul className="tokens-cards" aria-label={t('tokens.caption')}>
      {tokens.map((token) => (
        <li key={token.id} className="tokens-card">
          <div className="tokens-card__header">
            <h2 className="tokens-card__title">
              <TokenName token={token} />
            </h2>
            <TokenStatus token={token} format={format} />
          </div>
          <dl className="tokens-card__details">
            <div>
              <dt>{t('tokens.column.unit')}</dt>
              <dd>{token.orgUnit.name}</dd>
            </div>
            <div>
              <dt>{t('tokens.column.scopes')}</dt>
              <dd>
                <TokenScopes token={token} />
              </dd>
            </div>
            <div>
              <dt>{t('tokens.column.lastUsed')}</dt>
              <dd>
                <TokenLastUsed token={token} format={format} />
              </dd>
            </div>
            <div>
              <dt>{t('tokens.column.expires')}</dt>
              <dd>
                <TokenExpiry token={token} format={format} />
              </dd>
            </div>
            <div>
              <dt>{t('tokens.column.created')}</dt>
              <dd>
                <TokenCreated token={token} format={format} />
              </dd>
            </div>
          </dl>
          <div className="tokens-card__actions">
            <RevokeButton token={token} onRevoke={onRevoke} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The API tokens page: issued tokens with their last use, create and revoke. */
export function TokensPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { canAnywhere } = usePermissions();
  const canManage = canAnywhere('token.manage');
  // Last-used times change while integrators work: ask again every minute.
  const list = useQuery({
    ...trpc.officer.tokens.list.queryOptions(),
    enabled: canManage,
    refetchInterval: 60_000,
  });
  const isPhone = useMediaQuery(PHONE_QUERY);
  const locale = currentLocale(i18n);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // "Now" is the moment the list arrived, so relative times match what the server said.
  const format = useMemo<TimeFormat>(() => {
    const absolute = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const now = new Date(list.dataUpdatedAt);
    return {
      absolute: (date) => absolute.format(date),
      relative: (date) => relativeTime(date, now, locale),
    };
  }, [locale, list.dataUpdatedAt]);

  const loadError = list.error ? readApiError(list.error, t('common:errors.network')) : null;
  const tokens = list.data ?? [];

  return (
    <section className="page" aria-labelledby="tokens-title">
      <header className="page__header">
        <div>
          <h1 id="tokens-title">{t('tokens.title')}</h1>
          <p className="page__intro">{t('tokens.intro')}</p>
        </div>
        {canManage ? (
          <div className="page__tools">
            {list.data ? (
              <span className="page__count">{t('tokens.count', { count: tokens.length })}</span>
            ) : null}
            <Button
              variant="primary"
              onClick={() => {
                setNotice(null);
                setCreating(true);
              }}
            >
              {t('tokens.create')}
            </Button>
          </div>
        ) : null}
      </header>

      {!canManage ? <p className="page__status">{t('tokens.notAllowed')}</p> : null}

      {notice ? (
        <Alert
          tone="success"
          action={
            <Button size="sm" variant="ghost" onClick={() => setNotice(null)}>
              {t('tokens.dismiss')}
            </Button>
          }
        >
          {notice}
        </Alert>
      ) : null}

      {loadError ? (
        <Alert
          tone="error"
          title={t('tokens.loadError')}
          action={
            <Button size="sm" onClick={() => void list.refetch()}>
              {t('common:actions.retry')}
            </Button>
          }
        >
          {loadError.message}
        </Alert>
      ) : null}

      {canManage && list.isPending ? (
        <p role="status" className="page__status">
          {t('common:status.loading')}
        </p>
      ) : null}

      {list.isSuccess && tokens.length === 0 ? (
        <p className="page__status">{t('tokens.empty')}</p>
      ) : null}

      {tokens.length > 0 ? (
        isPhone ? (
          <TokenCards tokens={tokens} format={format} onRevoke={setRevoking} />
        ) : (
          <TokenTable tokens={tokens} format={format} onRevoke={setRevoking} />
        )
      ) : null}

      {creating ? <CreateTokenDialog onClose={() => setCreating(false)} /> : null}
      {revoking ? (
        <RevokeTokenDialog
          token={revoking}
          onClose={() => setRevoking(null)}
          onDone={(message) => {
            setRevoking(null);
            setNotice(message);
          }}
        />
      ) : null}
    </section>
  );
}

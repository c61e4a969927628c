import {
  losesLastAccessManage,
  roleGrant,
  type TOfficer,
  type TOfficerGrant,
} from '@unionhall/domain';
import { Button } from '@unionhall/ui';
import { useTranslation } from 'react-i18next';
import { isSelf } from './access-helpers';

export type TOfficerAction =
  | { kind: 'grant'; officer: TOfficer }
  | { kind: 'revoke'; officer: TOfficer; grant: TOfficerGrant }
  | { kind: 'disable'; officer: TOfficer };

interface Props {
  officers: readonly TOfficer[];
  myEmail: string | undefined;
  canManageAnywhere: boolean;
  canManageOn: (unitId: string) => boolean;
  onAction: (action: TOfficerAction) => void;
}

/** One card per officer: who they are, their roles in the caller's units, and the actions. */
export function OfficerList({
  officers,
  myEmail,
  canManageAnywhere,
  canManageOn,
  onAction,
}: Props) {
  const { t } = useTranslation();
  return (
    <ul className="officers">
      {officers.map((officer) => {
        const self = isSelf(officer.email, myEmail);
        // The server refuses to let officers give up their last grant that manages access;
        // the button is not offered for it.
        const ownGrants = officer.grants.map((grant) => ({
          id: grant.id,
          ...roleGrant(grant.role, grant.orgUnitId),
        }));
        const canRevoke = (grant: TOfficerGrant) =>
          canManageOn(grant.orgUnitId) && !(self && losesLastAccessManage(ownGrants, grant.id));
        const canDisable =
          !self &&
          !officer.disabled &&
          officer.grants.length > 0 &&
          officer.grants.every((grant) => canManageOn(grant.orgUnitId));
        return (
          <li key={officer.id} className="officer" aria-labelledby={`officer-${officer.id}`}>
            <div className="officer__head">
              <h3 id={`officer-${officer.id}`} className="officer__name">
                {officer.name}
                {self ? <span className="officer__self"> {t('access.you')}</span> : null}
              </h3>
              <span className="officer__email">{officer.email}</span>
              {officer.disabled ? (
                <span className="uh-badge uh-badge--danger">{t('access.disabled')}</span>
              ) : null}
              {!officer.totpEnrolled && !officer.disabled ? (
                <span className="uh-badge uh-badge--warning">{t('access.totpPending')}</span>
              ) : null}
            </div>
            {officer.grants.length > 0 ? (
              <ul
                className="officer__grants"
                aria-label={t('access.grantsOf', { name: officer.name })}
              >
                {officer.grants.map((grant) => (
                  <li key={grant.id} className="officer__grant">
                    <span>
                      <strong>{t(`access.role.${grant.role}`)}</strong>
                      {' · '}
                      {grant.orgUnitName} <span className="officer__code">{grant.orgUnitCode}</span>
                    </span>
                    {canRevoke(grant) ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t('access.revokeLabel', {
                          name: officer.name,
                          role: t(`access.role.${grant.role}`),
                          unit: grant.orgUnitName,
                        })}
                        onClick={() => onAction({ kind: 'revoke', officer, grant })}
                      >
                        {t('access.revoke')}
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="page__status">{t('access.noRolesInScope')}</p>
            )}
            {canManageAnywhere && !officer.disabled ? (
              <div className="officer__actions">
                <Button size="sm" onClick={() => onAction({ kind: 'grant', officer })}>
                  {t('access.grant')}
                </Button>
                {canDisable ? (
                  <Button
                    size="sm"
                    variant="danger"
                    aria-label={t('access.disableLabel', { name: officer.name })}
                    onClick={() => onAction({ kind: 'disable', officer })}
                  >
                    {t('access.disable')}
                  </Button>
                ) : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

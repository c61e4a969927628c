import type { TMemberSummary } from '@unionhall/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { phoneLast4 } from './members-helpers';
import { StatusBadge } from './status-badge';

interface Props {
  members: readonly TMemberSummary[];
  /**
   * The Applications view: shows when each person applied, longest waiting first (the list
   * is then in that order, not by name).
   */
  showApplied: boolean;
  formatDate: (date: Date) => string;
}

function MaskedPhone({ phone }: { phone: string | null }) {
  const { t } = useTranslation();
  const last4 = phoneLast4(phone);
  return <>{last4 ? t('members.phoneEnding', { last4 }) : t('members.noValue')}</>;
}

function MemberName({ member }: { member: TMemberSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`/members/${member.id}`} className="members-name">
        {member.name}
      </Link>
      {member.needsPlacement ? (
        <span className="uh-badge uh-badge--neutral members-placement">
          {t('members.needsPlacement')}
        </span>
      ) : null}
    </>
  );
}

/** Desktop: one row per person, the name opening the member page. */
export function MemberTable({ members, showApplied, formatDate }: Props) {
  const { t } = useTranslation();
  return (
    <div className="data-table-frame">
      <table className="data-table members-table">
        <caption className="uh-visually-hidden">
          {showApplied ? t('members.captionApplications') : t('members.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('members.column.name')}</th>
            <th scope="col">{t('members.column.memberNumber')}</th>
            <th scope="col">{t('members.column.unit')}</th>
            <th scope="col">{t('members.column.employer')}</th>
            <th scope="col">{t('members.column.status')}</th>
            <th scope="col">{t('members.column.phone')}</th>
            {showApplied ? <th scope="col">{t('members.column.appliedAt')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id}>
              <th scope="row">
                <MemberName member={member} />
              </th>
              <td className="members-number">{member.memberNumber ?? t('members.noValue')}</td>
              <td>{member.orgUnitName}</td>
              <td>{member.employerName ?? t('members.noValue')}</td>
              <td>
                <StatusBadge status={member.status} />
              </td>
              <td className="members-nowrap">
                <MaskedPhone phone={member.phone} />
              </td>
              {showApplied ? (
                <td className="members-nowrap">{formatDate(member.appliedAt)}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Phones: one card per person, named by the person, details as a description list. */
export function MemberCards({ members, showApplied, formatDate }: Props) {
  const { t } = useTranslation();
  return (
    <ol
      className="record-cards"
      aria-label={showApplied ? t('members.captionApplications') : t('members.caption')}
    >
      {members.map((member) => (
        <MemberCard
          key={member.id}
          member={member}
          showApplied={showApplied}
          formatDate={formatDate}
        />
      ))}
    </ol>
  );
}

function MemberCard({
  member,
  showApplied,
  formatDate,
}: {
  member: TMemberSummary;
  showApplied: boolean;
  formatDate: (date: Date) => string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <li className="record-card">
      <article aria-labelledby={headingId}>
        <header className="members-card__header">
          <h2 id={headingId} className="members-card__title">
            <MemberName member={member} />
          </h2>
          <StatusBadge status={member.status} />
        </header>
        <dl className="members-card__details">
          <div>
            <dt>{t('members.column.memberNumber')}</dt>
            <dd className="members-number">{member.memberNumber ?? t('members.noValue')}</dd>
          </div>
          <div>
            <dt>{t('members.column.unit')}</dt>
            <dd>{member.orgUnitName}</dd>
          </div>
          <div>
            <dt>{t('members.column.employer')}</dt>
            <dd>{member.employerName ?? t('members.noValue')}</dd>
          </div>
          <div>
            <dt>{t('members.column.phone')}</dt>
            <dd>
              <MaskedPhone phone={member.phone} />
            </dd>
          </div>
          {showApplied ? (
            <div>
              <dt>{t('members.column.appliedAt')}</dt>
              <dd>{formatDate(member.appliedAt)}</dd>
            </div>
          ) : null}
        </dl>
      </article>
    </li>
  );
}

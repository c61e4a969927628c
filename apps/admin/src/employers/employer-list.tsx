import type { TEmployer } from '@unionhall/domain';
import { currentLocale } from '@unionhall/ui';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { densityBarWidth } from './employers-helpers';

/** Numbers and percentages in the user's language. */
export function useEmployerFormats() {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return useMemo(() => {
    const count = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return {
      count: (value: number) => count.format(value),
      percent: (value: number) => percent.format(value),
    };
  }, [locale]);
}

/**
 * The union density as a percentage with a small bar. The number carries the meaning; the bar
 * only lets the eye compare rows, so assistive technology skips it.
 */
export function Density({ density }: { density: number | null }) {
  const { t } = useTranslation();
  const formats = useEmployerFormats();
  if (density === null) {
    return <span className="employers-muted">{t('employers.unknownDensity')}</span>;
  }
  return (
    <span className="employers-density">
      <span className="employers-density__value">{formats.percent(density)}</span>
      <span className="employers-density__bar" aria-hidden="true">
        <span
          className="employers-density__fill"
          style={{ width: `${densityBarWidth(density)}%` }}
        />
      </span>
    </span>
  );
}

export function UnitName({ employer }: { employer: Pick<TEmployer, 'orgUnitName'> }) {
  const { t } = useTranslation();
  return employer.orgUnitName ? (
    <>{employer.orgUnitName}</>
  ) : (
    <span className="uh-badge uh-badge--warning">{t('employers.noUnion')}</span>
  );
}

function EmployerName({ employer }: { employer: TEmployer }) {
  return (
    <Link to={`/employers/${employer.id}`} className="employers-name">
      {employer.name}
    </Link>
  );
}

/** Desktop: one row per employer, the name opening its page. */
export function EmployerTable({ employers }: { employers: readonly TEmployer[] }) {
  const { t } = useTranslation();
  const formats = useEmployerFormats();
  return (
    <div className="data-table-frame">
      <table className="data-table employers-table">
        <caption className="uh-visually-hidden">{t('employers.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('employers.column.name')}</th>
            <th scope="col">{t('employers.column.creditCode')}</th>
            <th scope="col">{t('employers.column.unit')}</th>
            <th scope="col" className="employers-numeric">
              {t('employers.column.workforce')}
            </th>
            <th scope="col" className="employers-numeric">
              {t('employers.column.activeMembers')}
            </th>
            <th scope="col">{t('employers.column.density')}</th>
          </tr>
        </thead>
        <tbody>
          {employers.map((employer) => (
            <tr key={employer.id}>
              <th scope="row">
                <EmployerName employer={employer} />
              </th>
              <td className="employers-code">{employer.creditCode ?? t('employers.noValue')}</td>
              <td>
                <UnitName employer={employer} />
              </td>
              <td className="employers-numeric">
                {employer.workforceSize === null
                  ? t('employers.noValue')
                  : formats.count(employer.workforceSize)}
              </td>
              <td className="employers-numeric">{formats.count(employer.activeMembers)}</td>
              <td>
                <Density density={employer.density} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Phones: one card per employer, the details as a description list. */
export function EmployerCards({ employers }: { employers: readonly TEmployer[] }) {
  const { t } = useTranslation();
  return (
    <ol className="employers-cards" aria-label={t('employers.caption')}>
      {employers.map((employer) => (
        <EmployerCard key={employer.id} employer={employer} />
      ))}
    </ol>
  );
}

function EmployerCard({ employer }: { employer: TEmployer }) {
  const { t } = useTranslation();
  const formats = useEmployerFormats();
  const headingId = useId();
  return (
    <li className="employers-card">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="employers-card__title">
          <EmployerName employer={employer} />
        </h2>
        <dl className="employers-card__details">
          <div>
            <dt>{t('employers.column.unit')}</dt>
            <dd>
              <UnitName employer={employer} />
            </dd>
          </div>
          <div>
            <dt>{t('employers.column.creditCode')}</dt>
            <dd className="employers-code">{employer.creditCode ?? t('employers.noValue')}</dd>
          </div>
          <div>
            <dt>{t('employers.column.workforce')}</dt>
            <dd>
              {employer.workforceSize === null
                ? t('employers.noValue')
                : formats.count(employer.workforceSize)}
            </dd>
          </div>
          <div>
            <dt>{t('employers.column.activeMembers')}</dt>
            <dd>{formats.count(employer.activeMembers)}</dd>
          </div>
          <div>
            <dt>{t('employers.column.density')}</dt>
            <dd>
              <Density density={employer.density} />
            </dd>
          </div>
        </dl>
      </article>
    </li>
  );
}

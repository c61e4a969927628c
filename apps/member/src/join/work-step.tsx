import type { TOrgUnit } from '@unionhall/domain';
import { Select, TextField, currentLocale } from '@unionhall/ui';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinDraft } from './join-draft';
import { findUnits, regionalUnits } from './unit-choice';

interface Props {
  draft: JoinDraft;
  units: readonly TOrgUnit[];
  errors: Record<string, string>;
  update: (patch: Partial<JoinDraft>) => void;
}

/**
 * Where the applicant works: their workplace union, found by name in the union's tree, or,
 * when the employer has none yet, the regional union that holds the application until an
 * officer places it. Then the employer's name and the job.
 */
export function WorkStep({ draft, units, errors, update }: Props) {
  const { t, i18n } = useTranslation('join');
  const locale = currentLocale(i18n);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const found = useMemo(
    () => findUnits(units, deferredQuery, { locale }),
    [units, deferredQuery, locale],
  );
  const regions = useMemo(() => regionalUnits(units, locale), [units, locale]);
  const chosen = units.find((unit) => unit.id === draft.orgUnitId);
  const unitsErrorId = useId();

  // A workplace unit is not a regional one and vice versa: the choice starts again.
  const toggleNoUnion = (noUnion: boolean) =>
    update({ employerHasNoUnion: noUnion, orgUnitId: '' });

  return (
    <div className="join__fields">
      <label className="join__check">
        <input
          type="checkbox"
          checked={draft.employerHasNoUnion}
          onChange={(event) => toggleNoUnion(event.target.checked)}
          aria-describedby="join-no-union-hint"
        />
        <span>{t('work.noUnion')}</span>
      </label>
      <p id="join-no-union-hint" className="join__hint">
        {t('work.noUnionHint')}
      </p>

      {draft.employerHasNoUnion ? (
        <Select
          label={t('work.region')}
          description={t('work.regionHint')}
          required
          placeholder={t('work.regionPlaceholder')}
          value={draft.orgUnitId}
          error={errors.orgUnitId}
          options={regions.map((region) => ({ value: region.id, label: region.name }))}
          onChange={(event) => update({ orgUnitId: event.target.value })}
        />
      ) : (
        <>
          <search>
            <TextField
              label={t('work.search')}
              description={t('work.searchHint')}
              type="search"
              enterKeyHint="search"
              autoComplete="off"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </search>
          <p role="status" className="join__hint">
            {chosen ? t('work.chosen', { name: chosen.name }) : null}
          </p>
          <fieldset
            className={`join__units${errors.orgUnitId ? ' join__units--invalid' : ''}`}
            aria-describedby={errors.orgUnitId ? unitsErrorId : undefined}
          >
            <legend>{t('work.units')}</legend>
            {found.choices.length === 0 ? (
              <p className="join__hint">{t('work.noMatches', { query: deferredQuery.trim() })}</p>
            ) : (
              <ul className="join__unit-list">
                {found.choices.map((choice) => (
                  <li key={choice.id}>
                    <label className="join__unit">
                      <input
                        type="radio"
                        name="orgUnitId"
                        value={choice.id}
                        checked={draft.orgUnitId === choice.id}
                        onChange={() => update({ orgUnitId: choice.id })}
                      />
                      <span className="join__unit-text">
                        <span className="join__unit-name">{choice.name}</span>
                        <span className="join__unit-meta">
                          <span className="uh-badge">{t(`common:unitKind.${choice.kind}`)}</span>
                          {choice.parentName ? (
                            <span>{t('work.underParent', { parent: choice.parentName })}</span>
                          ) : null}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {found.total > found.choices.length ? (
              <p className="join__hint">
                {t('work.showing', { shown: found.choices.length, total: found.total })}
              </p>
            ) : null}
            {errors.orgUnitId ? (
              <p className="uh-field__error" id={unitsErrorId}>
                {errors.orgUnitId}
              </p>
            ) : null}
          </fieldset>
        </>
      )}

      <TextField
        label={t('work.employer')}
        description={t('work.employerHint')}
        required={draft.employerHasNoUnion}
        autoComplete="organization"
        value={draft.employerName}
        error={errors.employerName}
        onChange={(event) => update({ employerName: event.target.value })}
      />
      <TextField
        label={t('work.jobTitle')}
        description={t('work.jobTitleHint')}
        autoComplete="organization-title"
        value={draft.jobTitle}
        error={errors.jobTitle}
        onChange={(event) => update({ jobTitle: event.target.value })}
      />
    </div>
  );
}

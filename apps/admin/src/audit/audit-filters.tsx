import { Button, Select, TextField } from '@unionhall/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  KNOWN_AUDIT_ACTIONS,
  NO_FILTERS,
  activeFilterCount,
  isKnownAction,
  isReversedRange,
  type TAuditFilters,
} from './audit-helpers';

interface Props {
  /** The filters in the URL. The form edits a copy and applies it on submit. */
  filters: TAuditFilters;
  onApply: (filters: TAuditFilters) => void;
  unitNames: ReadonlyMap<string, string>;
}

/**
 * The filter form. Give it `key={the URL's search}` so that a change of URL (Back, a shared
 * link, a History link) resets what is typed here.
 */
export function AuditFilters({ filters, onApply, unitNames }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const [showRangeError, setShowRangeError] = useState(false);
  const toRef = useRef<HTMLInputElement>(null);
  const set = (key: keyof TAuditFilters) => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const rangeError =
    showRangeError && isReversedRange(draft.from, draft.to)
      ? t('audit.filters.toBeforeFrom')
      : undefined;

  const actionOptions = [
    { value: '', label: t('audit.filters.allActions') },
    ...KNOWN_AUDIT_ACTIONS.map((action) => ({
      value: action,
      label: t(`audit.action.${action}`),
    })),
    // A shared URL may filter on an action (or prefix) this console has no words for.
    ...(draft.action && !isKnownAction(draft.action)
      ? [{ value: draft.action, label: draft.action }]
      : []),
  ];
  const targetName = unitNames.get(draft.targetId.trim());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isReversedRange(draft.from, draft.to)) {
      setShowRangeError(true);
      toRef.current?.focus();
      return;
    }
    onApply({ ...draft, targetId: draft.targetId.trim() });
  }

  return (
    <form
      className="audit-filters"
      aria-label={t('audit.filters.label')}
      noValidate
      onSubmit={submit}
    >
      <Select
        label={t('audit.filters.action')}
        options={actionOptions}
        value={draft.action}
        onChange={(event) => set('action')(event.target.value)}
      />
      <TextField
        label={t('audit.filters.from')}
        type="date"
        value={draft.from}
        max={draft.to || undefined}
        onChange={(event) => set('from')(event.target.value)}
      />
      <TextField
        ref={toRef}
        label={t('audit.filters.to')}
        type="date"
        value={draft.to}
        min={draft.from || undefined}
        error={rangeError}
        onChange={(event) => set('to')(event.target.value)}
      />
      <TextField
        className="audit-filters__target"
        label={t('audit.filters.targetId')}
        value={draft.targetId}
        maxLength={100}
        spellCheck={false}
        autoComplete="off"
        description={
          targetName
            ? t('audit.filters.targetIs', { name: targetName })
            : t('audit.filters.targetIdHint')
        }
        onChange={(event) => set('targetId')(event.target.value)}
      />
      <div className="audit-filters__actions">
        <Button type="submit" variant="primary">
          {t('audit.filters.apply')}
        </Button>
        {activeFilterCount(filters) > 0 ? (
          <Button onClick={() => onApply(NO_FILTERS)}>{t('audit.filters.clear')}</Button>
        ) : null}
      </div>
    </form>
  );
}

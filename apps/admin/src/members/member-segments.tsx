import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TMemberSegment } from '@unionhall/domain';
import { Alert, Button, Dialog, Select, TextField, readApiError } from '@unionhall/ui';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/permissions';
import { useTRPC } from '../trpc';
import {
  hasMemberFilters,
  memberFiltersToSegment,
  segmentToMemberFilters,
  unitsInTreeOrder,
  type TMemberFilters,
} from './members-helpers';

interface Props {
  /** The filters in the URL: what "Save this search" saves. */
  filters: TMemberFilters;
  /** Units the officer can see; null while loading or without org.read. */
  units: ReadonlyArray<{ id: string; parentId: string | null; name: string }> | null;
  onApply: (filters: TMemberFilters) => void;
}

/**
 * Saved segments above the member list: pick one to show its members (its filters go into the
 * URL like any other search), save the current search as one, or delete one.
 */
export function MemberSegments({ filters, units, onApply }: Props) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { canAnywhere, canOn } = usePermissions();
  const segments = useQuery(trpc.officer.segments.list.queryOptions());
  const [chosenId, setChosenId] = useState('');
  const [dialog, setDialog] = useState<'save' | 'rename' | 'delete' | null>(null);
  const [notice, setNotice] = useState('');

  // Only the units where the officer may manage members can own a new segment.
  const ownerUnits = useMemo(() => {
    const all = units ?? [];
    const byId = new Map(all.map((unit) => [unit.id, unit]));
    return unitsInTreeOrder(all).filter((unit) => {
      const full = byId.get(unit.id);
      return full ? canOn('member.manage', full, byId) : false;
    });
  }, [units, canOn]);
  const list = segments.data ?? [];
  const chosen = list.find((segment) => segment.id === chosenId) ?? null;
  const mayManage = canAnywhere('member.manage');

  const options = [
    { value: '', label: list.length > 0 ? t('memberSegments.choose') : t('memberSegments.none') },
    ...list.map((segment) => ({
      value: segment.id,
      label: `${segment.name} · ${segment.orgUnitName}`,
    })),
  ];

  return (
    <section className="members-segments" aria-label={t('memberSegments.label')}>
      <form
        className="members-segments__picker"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!chosen) return;
          onApply(segmentToMemberFilters(chosen.filters));
          setNotice(t('memberSegments.applied', { name: chosen.name }));
        }}
      >
        <Select
          label={t('memberSegments.picker')}
          options={options}
          value={chosenId}
          onChange={(event) => setChosenId(event.target.value)}
        />
        <div className="members-segments__actions">
          <Button type="submit" aria-disabled={!chosen}>
            {t('memberSegments.apply')}
          </Button>
          {mayManage && chosen ? (
            <Button variant="ghost" onClick={() => setDialog('rename')}>
              {t('memberSegments.rename')}
            </Button>
          ) : null}
          {mayManage && chosen ? (
            <Button variant="ghost" onClick={() => setDialog('delete')}>
              {t('memberSegments.delete')}
            </Button>
          ) : null}
          {mayManage && hasMemberFilters(filters) && ownerUnits.length > 0 ? (
            <Button variant="ghost" onClick={() => setDialog('save')}>
              {t('memberSegments.save')}
            </Button>
          ) : null}
        </div>
      </form>
      <p role="status" className="page__status">
        {notice}
      </p>
      {dialog === 'save' ? (
        <SaveSegmentDialog
          filters={filters}
          units={ownerUnits}
          onClose={() => setDialog(null)}
          onSaved={(segment) => {
            setDialog(null);
            setChosenId(segment.id);
            setNotice(t('memberSegments.saved', { name: segment.name }));
          }}
        />
      ) : null}
      {dialog === 'rename' && chosen ? (
        <RenameSegmentDialog
          segment={chosen}
          onClose={() => setDialog(null)}
          onRenamed={(segment) => {
            setDialog(null);
            setNotice(t('memberSegments.renamed', { name: segment.name }));
          }}
        />
      ) : null}
      {dialog === 'delete' && chosen ? (
        <DeleteSegmentDialog
          segment={chosen}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            setDialog(null);
            setChosenId('');
            setNotice(t('memberSegments.deleted', { name: chosen.name }));
          }}
        />
      ) : null}
    </section>
  );
}

function SaveSegmentDialog({
  filters,
  units,
  onClose,
  onSaved,
}: {
  filters: TMemberFilters;
  units: Array<{ id: string; name: string; depth: number }>;
  onClose: () => void;
  onSaved: (segment: TMemberSegment) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.officer.segments.create.mutationOptions());
  const [name, setName] = useState('');
  // The filtered unit when it may own segments, otherwise the officer's widest unit.
  const [unitId, setUnitId] = useState(
    units.find((unit) => unit.id === filters.unitId)?.id ?? units[0]?.id ?? '',
  );
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('memberSegments.nameRequired'));
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    setError(null);
    create.mutate(
      { name: trimmed, orgUnitId: unitId, filters: memberFiltersToSegment(filters) },
      {
        onSuccess: async (segment) => {
          await queryClient.invalidateQueries({ queryKey: trpc.officer.segments.pathKey() });
          onSaved(segment);
        },
        onError: (caught) => {
          const info = readApiError(caught, t('common:errors.network'));
          const fieldError =
            info.appCode === 'SEGMENT_NAME_TAKEN' ? info.message : info.fieldErrors.name;
          if (fieldError) {
            setNameError(fieldError);
            nameRef.current?.focus();
            if (info.appCode === 'SEGMENT_NAME_TAKEN') return;
          }
          setError(info.message);
        },
      },
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('memberSegments.saveTitle')}
      description={t('memberSegments.saveIntro')}
    >
      <form className="uh-form" noValidate onSubmit={submit}>
        <TextField
          ref={nameRef}
          label={t('memberSegments.name')}
          required
          maxLength={60}
          value={name}
          error={nameError ?? undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <Select
          label={t('memberSegments.unit')}
          description={t('memberSegments.unitHint')}
          options={units.map((unit) => ({
            value: unit.id,
            label: `${'\u3000'.repeat(unit.depth)}${unit.name}`,
          }))}
          value={unitId}
          onChange={(event) => setUnitId(event.target.value)}
        />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" aria-disabled={create.isPending}>
            {create.isPending ? t('common:status.saving') : t('memberSegments.saveSubmit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function RenameSegmentDialog({
  segment,
  onClose,
  onRenamed,
}: {
  segment: TMemberSegment;
  onClose: () => void;
  onRenamed: (segment: TMemberSegment) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rename = useMutation(trpc.officer.segments.rename.mutationOptions());
  const [name, setName] = useState(segment.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (rename.isPending) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('memberSegments.nameRequired'));
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    setError(null);
    rename.mutate(
      { id: segment.id, name: trimmed, expectedVersion: segment.version },
      {
        onSuccess: async (renamed) => {
          await queryClient.invalidateQueries({ queryKey: trpc.officer.segments.pathKey() });
          onRenamed(renamed);
        },
        onError: (caught) => {
          const info = readApiError(caught, t('common:errors.network'));
          if (info.appCode === 'VERSION_CONFLICT') {
            setError(t('memberSegments.deleteConflict'));
            void queryClient.invalidateQueries({ queryKey: trpc.officer.segments.pathKey() });
            return;
          }
          // A name the unit already uses belongs to the name field.
          const fieldError =
            info.appCode === 'SEGMENT_NAME_TAKEN' ? info.message : info.fieldErrors.name;
          if (fieldError) {
            setNameError(fieldError);
            nameRef.current?.focus();
            return;
          }
          setError(info.message);
        },
      },
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('memberSegments.renameTitle')}
      description={t('memberSegments.renameIntro')}
    >
      <form className="uh-form" noValidate onSubmit={submit}>
        <TextField
          ref={nameRef}
          label={t('memberSegments.name')}
          required
          maxLength={60}
          value={name}
          error={nameError ?? undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" aria-disabled={rename.isPending}>
            {rename.isPending ? t('common:status.saving') : t('memberSegments.renameSubmit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteSegmentDialog({
  segment,
  onClose,
  onDeleted,
}: {
  segment: TMemberSegment;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.officer.segments.delete.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (remove.isPending) return;
    setError(null);
    remove.mutate(
      { id: segment.id, expectedVersion: segment.version },
      {
        onSuccess: async () => {
          await queryClient.invalidateQueries({ queryKey: trpc.officer.segments.pathKey() });
          onDeleted();
        },
        onError: (caught) => {
          const info = readApiError(caught, t('common:errors.network'));
          if (info.appCode === 'VERSION_CONFLICT') {
            setError(t('memberSegments.deleteConflict'));
            void queryClient.invalidateQueries({ queryKey: trpc.officer.segments.pathKey() });
            return;
          }
          setError(info.message);
        },
      },
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('memberSegments.deleteTitle')}
      description={t('memberSegments.deleteBody', { name: segment.name })}
    >
      <form className="uh-form" noValidate onSubmit={submit}>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="uh-form__actions">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="danger" aria-disabled={remove.isPending}>
            {remove.isPending ? t('common:status.saving') : t('memberSegments.delete')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

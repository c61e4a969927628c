import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZSetMemberTagsInput } from '@unionhall/domain';
import { Alert, Button, TextField, readApiError, useIssueMessages } from '@unionhall/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';

interface MemberTagsProps {
  member: { id: string; tags: string[]; version: number };
  canManage: boolean;
  /** Reloads the member (after a save, or when someone else changed it meanwhile). */
  onChanged: () => void;
}

/**
 * A member's tags, which the member list and segments filter by. Each add or remove sends the
 * whole new list with the version the page shows, so a concurrent edit is refused, not lost.
 */
export function MemberTags({ member, canManage, onChanged }: MemberTagsProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toFieldErrors = useIssueMessages();
  const [draft, setDraft] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.officer.membership.setTags.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.officer.membership.tags.queryKey() });
        onChanged();
      },
      onError: (error) => {
        if (readApiError(error, '').appCode === 'VERSION_CONFLICT') onChanged();
      },
    }),
  );
  const apiError = mutation.error ? readApiError(mutation.error, t('common:errors.network')) : null;
  const stale = apiError?.appCode === 'VERSION_CONFLICT';

  /** Validates the whole new list as the server will; the first problem is shown at the field. */
  function save(tags: string[], message: string): boolean {
    const parsed = ZSetMemberTagsInput.safeParse(
      { id: member.id, tags, expectedVersion: member.version },
      { reportInput: true },
    );
    if (!parsed.success) {
      setFlash(null);
      setClientError(
        Object.values(toFieldErrors(parsed.error.issues))[0] ?? t('members.tags.invalid'),
      );
      return false;
    }
    setClientError(null);
    setFlash(null);
    mutation.reset();
    mutation.mutate(parsed.data, { onSuccess: () => setFlash(message) });
    return true;
  }

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tag = draft.trim();
    if (save([...member.tags, tag], t('members.tags.added', { tag }))) setDraft('');
  }

  return (
    <section className="member-section" aria-labelledby="member-tags">
      <h2 id="member-tags">{t('members.tags.heading')}</h2>
      {flash ? <Alert tone="success">{flash}</Alert> : null}
      {apiError ? (
        <Alert tone="error">{stale ? t('members.tags.stale') : apiError.message}</Alert>
      ) : null}
      {member.tags.length > 0 ? (
        <ul className="member-tags" aria-label={t('members.tags.list')}>
          {member.tags.map((tag) => (
            <li key={tag} className="member-tags__tag">
              <span className="uh-badge uh-badge--neutral">{tag}</span>
              {canManage ? (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t('members.tags.removeNamed', { tag })}
                  disabled={mutation.isPending}
                  onClick={() =>
                    save(
                      member.tags.filter((candidate) => candidate !== tag),
                      t('members.tags.removed', { tag }),
                    )
                  }
                >
                  {t('members.tags.remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="members-muted">{t('members.tags.empty')}</p>
      )}
      {canManage ? (
        <form
          className="member-tags__add"
          aria-label={t('members.tags.add')}
          noValidate
          onSubmit={add}
        >
          <TextField
            label={t('members.tags.name')}
            description={t('members.tags.nameHint')}
            autoComplete="off"
            maxLength={20}
            value={draft}
            error={clientError ?? undefined}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="member-tags__actions">
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? t('common:status.saving') : t('members.tags.add')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

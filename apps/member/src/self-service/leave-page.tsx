import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { nextMemberStatus, ZResignInput } from '@unionhall/domain';
import { Alert, Button, readApiError, useIssueMessages, useOnlineStatus } from '@unionhall/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTRPC } from '../trpc';
import { BackToAccount, NEEDS_NETWORK, OfflineNotice, TextArea, useErrorText } from './shared';

/**
 * "Leave the union": the consequences first, a reason, then a separate confirmation, since
 * the card stops working at once. No officer approves it; the member can apply again later.
 */
export default function LeavePage() {
  const { t } = useTranslation('self');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const online = useOnlineStatus();
  const toFieldErrors = useIssueMessages();
  const errorText = useErrorText();
  const membership = useQuery(trpc.member.membership.me.queryOptions());
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  // The confirmation replaces the form: focus moves to it so screen readers announce it.
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const resign = useMutation(
    trpc.member.profile.resign.mutationOptions({
      ...NEEDS_NETWORK,
      onSuccess: async () => {
        // Everything that shows the status (the card above all) must be read again.
        await queryClient.invalidateQueries({ queryKey: trpc.member.pathKey() });
        await navigate('/account', { state: { resigned: true } });
      },
      onError: (error) => setFailure(errorText(error)),
    }),
  );

  const record = membership.data;
  let body;
  if (record === undefined) {
    body = membership.isError ? (
      <Alert tone="error" title={t('loadError')}>
        {readApiError(membership.error, t('common:errors.network')).message}
      </Alert>
    ) : (
      <p role="status">{t('common:status.loading')}</p>
    );
  } else if (record === null) {
    body = <p>{t('noRecord')}</p>;
  } else if (!nextMemberStatus(record.status, 'RESIGN')) {
    body = <p>{t('leave.notAllowed')}</p>;
  } else if (confirming) {
    body = (
      <div className="self__confirm" role="group" aria-labelledby="leave-confirm-heading">
        <h2 id="leave-confirm-heading" ref={confirmHeading} tabIndex={-1}>
          {t('leave.confirmHeading')}
        </h2>
        <p>{t('leave.confirmText')}</p>
        <p className="self__reason">{t('leave.reasonQuoted', { reason: reason.trim() })}</p>
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <div className="self__actions">
          <Button
            variant="danger"
            disabled={resign.isPending}
            onClick={() => {
              setFailure(null);
              if (!online) {
                setFailure(t('offlineMutation'));
                return;
              }
              resign.mutate({ reason });
            }}
          >
            {resign.isPending ? t('common:status.saving') : t('leave.confirm')}
          </Button>
          <Button onClick={() => setConfirming(false)}>{t('leave.back')}</Button>
        </div>
      </div>
    );
  } else {
    const next = (event: FormEvent) => {
      event.preventDefault();
      const parsed = ZResignInput.safeParse({ reason }, { reportInput: true });
      if (!parsed.success) {
        setReasonError(toFieldErrors(parsed.error.issues).reason);
        return;
      }
      setReasonError(undefined);
      setConfirming(true);
    };
    body = (
      <form className="self__form" onSubmit={next} noValidate>
        <p>{t('leave.intro')}</p>
        <ul className="self__consequences">
          <li>{t('leave.consequences.card')}</li>
          <li>{t('leave.consequences.benefits')}</li>
          <li>{t('leave.consequences.records')}</li>
          <li>{t('leave.consequences.reapply')}</li>
        </ul>
        <TextArea
          label={t('leave.reason')}
          description={t('leave.reasonHint')}
          required
          maxLength={500}
          value={reason}
          error={reasonError}
          onChange={(event) => setReason(event.target.value)}
        />
        <Button type="submit" variant="danger">
          {t('leave.continue')}
        </Button>
      </form>
    );
  }

  return (
    <section className="card self" aria-labelledby="leave-heading">
      <BackToAccount />
      <h1 id="leave-heading">{t('leave.heading')}</h1>
      <OfflineNotice />
      {body}
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, readApiError } from '@unionhall/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import './jobs.css';

/**
 * Background work at a glance, and its dead letters: jobs that ran out of attempts wait here
 * for an officer at the root to run them again once the cause is fixed.
 */
export function JobsPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const jobs = useQuery(trpc.officer.system.jobs.queryOptions(undefined, { staleTime: 0 }));
  const [retried, setRetried] = useState<string | null>(null);
  const retry = useMutation(
    trpc.officer.system.retryJob.mutationOptions({
      onSuccess: async (_, input) => {
        setRetried(input.id);
        await queryClient.invalidateQueries({ queryKey: trpc.officer.system.jobs.queryKey() });
      },
    }),
  );
  const time = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }),
    [i18n.language],
  );
  const failure = jobs.error ?? retry.error;
  const error = failure ? readApiError(failure, t('common:errors.network')) : null;

  return (
    <section className="jobs" aria-labelledby="jobs-title">
      <header className="jobs__header">
        <h1 id="jobs-title">{t('system.title')}</h1>
        <Button size="sm" onClick={() => void jobs.refetch()}>
          {t('system.refresh')}
        </Button>
      </header>
      <p className="jobs__intro">{t('system.intro')}</p>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {retried ? (
        <p role="status" className="jobs__status">
          {t('system.retried')}
        </p>
      ) : null}
      {jobs.data ? (
        <>
          <p className="jobs__mode">{t(`system.mode.${jobs.data.mode}`)}</p>
          <dl className="jobs__counts" aria-label={t('system.counts.label')}>
            <div>
              <dt>{t('system.counts.waiting')}</dt>
              <dd>{jobs.data.counts.waiting}</dd>
            </div>
            <div>
              <dt>{t('system.counts.running')}</dt>
              <dd>{jobs.data.counts.running}</dd>
            </div>
            <div>
              <dt>{t('system.counts.failed')}</dt>
              <dd>{jobs.data.counts.failed}</dd>
            </div>
          </dl>
          {jobs.data.failed.length === 0 ? (
            <p className="jobs__none">{t('system.none')}</p>
          ) : (
            <div className="data-table-frame">
              <table className="data-table">
                <caption className="uh-visually-hidden">{t('system.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('system.column.handler')}</th>
                    <th scope="col">{t('system.column.state')}</th>
                    <th scope="col">{t('system.column.attempts')}</th>
                    <th scope="col">{t('system.column.error')}</th>
                    <th scope="col">{t('system.column.created')}</th>
                    <th scope="col">
                      <span className="uh-visually-hidden">{t('system.retry')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {jobs.data.failed.map((job) => (
                    <tr key={job.id}>
                      <th scope="row">
                        <code>{job.handler}</code>
                        <div className="jobs__event">{job.eventType}</div>
                      </th>
                      <td>{job.dead ? t('system.dead') : t('system.retrying')}</td>
                      <td>{job.attempts}</td>
                      <td className="jobs__error">{job.lastError ?? '—'}</td>
                      <td>
                        <time dateTime={job.createdAt.toISOString()}>
                          {time.format(job.createdAt)}
                        </time>
                      </td>
                      <td>
                        {job.dead ? (
                          <Button
                            size="sm"
                            disabled={retry.isPending}
                            onClick={() => retry.mutate({ id: job.id })}
                          >
                            {t('system.retry')}
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

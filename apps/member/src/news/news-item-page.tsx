import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, readApiError, useOnlineStatus } from '@unionhall/ui';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC } from '../trpc';
import { useNewsDate } from './news-shared';

/**
 * One announcement. Opening it tells the union it was read (once; offline the mark waits
 * until the network is back). The body is HTML the server sanitised with its allowlist; its
 * images are served to this member only and kept by the service worker for offline reading.
 */
export default function NewsItemPage() {
  const { t } = useTranslation('news');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const date = useNewsDate();
  const { id = '' } = useParams();
  // Checked again on every visit online (it may have been corrected or withdrawn).
  const item = useQuery(trpc.member.announcements.get.queryOptions({ id }, { staleTime: 0 }));
  const markOpened = useMutation(
    trpc.member.announcements.markOpened.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.member.announcements.pathKey() }),
    }),
  );
  const marked = useRef<string | null>(null);
  const data = item.data;
  const gone = readApiError(item.error, '').appCode === 'NOT_FOUND';

  useEffect(() => {
    if (!data || data.opened || marked.current === data.id) return;
    marked.current = data.id;
    markOpened.mutate({ id: data.id });
  }, [data, markOpened]);

  const back = (
    <p className="news__back">
      <Link to="/news">← {t('back')}</Link>
    </p>
  );

  // Withdrawn, or no longer theirs. A failed query is not saved on the device (only successful
  // ones are), so the copy kept from before is dropped at the next save.
  if (gone) {
    return (
      <section className="card news" aria-labelledby="news-item-heading">
        {back}
        <h1 id="news-item-heading">{t('heading')}</h1>
        <Alert tone="info">{t('gone')}</Alert>
      </section>
    );
  }
  if (!data) {
    return (
      <section className="card news" aria-labelledby="news-item-heading">
        {back}
        <h1 id="news-item-heading">{t('heading')}</h1>
        {!online ? <Alert tone="warning">{t('offlineNoData')}</Alert> : null}
        {item.isError ? (
          <Alert tone="error" title={t('loadError')}>
            {readApiError(item.error, t('common:errors.network')).message}
          </Alert>
        ) : online ? (
          <p role="status">{t('common:status.loading')}</p>
        ) : null}
      </section>
    );
  }

  return (
    <article className="card news news-article" aria-labelledby="news-item-heading">
      {back}
      {!online ? <Alert tone="warning">{t('offline')}</Alert> : null}
      <header className="news-article__header">
        {data.pinned ? <span className="uh-badge">{t('pinned')}</span> : null}
        <h1 id="news-item-heading">{data.title}</h1>
        <p className="news-item__meta">
          {data.orgUnitName} · {t('published', { time: date.format(data.publishedAt) })}
        </p>
      </header>
      <div
        className="news-article__body"
        data-testid="news-body"
        // Sanitised on the server with an allowlist (packages/api announcements/sanitize.ts).
        dangerouslySetInnerHTML={{ __html: data.bodyHtml }}
      />
      {data.attachments.length > 0 ? (
        <section aria-labelledby="news-files-heading" className="news-article__files">
          <h2 id="news-files-heading">{t('attachments')}</h2>
          <ul>
            {data.attachments.map((file) => (
              <li key={file.id}>
                <a
                  href={file.url}
                  download={file.fileName}
                  aria-label={t('download', { name: file.fileName })}
                >
                  {file.fileName}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

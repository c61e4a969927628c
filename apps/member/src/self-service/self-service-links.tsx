import { useMutation } from '@tanstack/react-query';
import { isInGoodStanding, nextMemberStatus, type TMemberStatus } from '@unionhall/domain';
import { Alert, Button, useOnlineStatus } from '@unionhall/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useTRPC } from '../trpc';
import { NEEDS_NETWORK, useErrorText } from './shared';

/** The local calendar day, as people read the file name: unionhall-my-data-2026-11-24.json. */
export function exportFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `unionhall-my-data-${day}.json`;
}

function saveJson(data: unknown, fileName: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file; the object URL would otherwise live as long as the page.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Right after leaving (the leave screen says so in the navigation state), beside the status. */
export function ResignedNote({ status }: { status: TMemberStatus }) {
  const { t } = useTranslation('self');
  const location = useLocation();
  const resigned =
    typeof location.state === 'object' &&
    location.state !== null &&
    Reflect.get(location.state, 'resigned') === true;
  return resigned && status === 'RESIGNED' ? <Alert tone="success">{t('leave.done')}</Alert> : null;
}

/**
 * Under the membership: where the member changes details, asks for a transfer, leaves, and
 * downloads their data. What the status does not allow is not offered.
 */
export function SelfServiceLinks({ status }: { status: TMemberStatus }) {
  const { t } = useTranslation('self');
  const trpc = useTRPC();
  const online = useOnlineStatus();
  const errorText = useErrorText();
  // The file name, not the sentence, is kept: the note follows a change of language.
  const [message, setMessage] = useState<
    { tone: 'success'; file: string } | { tone: 'error'; text: string } | null
  >(null);

  const download = useMutation(
    trpc.member.profile.exportData.mutationOptions({
      ...NEEDS_NETWORK,
      onSuccess: (data) => {
        const file = exportFileName(new Date());
        saveJson(data, file);
        setMessage({ tone: 'success', file });
      },
      onError: (error) => setMessage({ tone: 'error', text: errorText(error) }),
    }),
  );

  return (
    <>
      <nav className="self__links" aria-labelledby="self-links-heading">
        <h3 id="self-links-heading">{t('links.heading')}</h3>
        <ul>
          <li>
            <Link to="/account/details">{t('links.details')}</Link>
          </li>
          {isInGoodStanding(status) ? (
            <li>
              <Link to="/account/transfer">{t('links.transfer')}</Link>
            </li>
          ) : null}
          {nextMemberStatus(status, 'RESIGN') ? (
            <li>
              <Link to="/account/leave">{t('links.leave')}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <section className="self__download" aria-labelledby="download-heading">
        <h3 id="download-heading">{t('download.heading')}</h3>
        <p>{t('download.intro')}</p>
        <p className="self__hint">{t('download.recorded')}</p>
        {message?.tone === 'success' ? (
          <Alert tone="success">{t('download.done', { file: message.file })}</Alert>
        ) : message ? (
          <Alert tone="error">{message.text}</Alert>
        ) : null}
        <Button
          disabled={download.isPending}
          onClick={() => {
            setMessage(null);
            if (!online) {
              setMessage({ tone: 'error', text: t('offlineMutation') });
              return;
            }
            download.mutate();
          }}
        >
          {download.isPending ? t('download.preparing') : t('download.button')}
        </Button>
      </section>
    </>
  );
}

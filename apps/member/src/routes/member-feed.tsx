import { useQuery, type FetchStatus } from '@tanstack/react-query';
import { Alert, Button, readApiError, useOnlineStatus } from '@unionhall/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../trpc';

/**
 * Who may see one of the member's own lists (news, events). Online, the server says who is
 * signed in; offline, who is signed in is unknown (never saved), and the list saved on the
 * device is shown: it is one of the member's own queries (`member.*`), forgotten at sign-out.
 */
export function useMemberFeedAccess() {
  const trpc = useTRPC();
  const online = useOnlineStatus();
  const session = useQuery(trpc.public.session.me.queryOptions());
  return {
    online,
    /** Whether the list's query may run. */
    enabled: session.data?.kind === 'MEMBER' || !online,
    /** Online and nobody is signed in: the page asks the member to sign in. */
    signedOut: online && session.data === null,
  };
}

/** The parts of a paged (infinite) query the page reads. */
export interface MemberFeedList<TItem> {
  data: { pages: { items: TItem[] }[] } | undefined;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  fetchStatus: FetchStatus;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * A page of one of the member's own lists: a sign-in prompt when signed out, the offline and
 * error notices, the items as `renderItem` draws them (each an `<li>`), and "load more". Its
 * texts come from `namespace` (heading, intro, signedOut, signIn, offline, offlineListNoData,
 * loadError, empty, more); `block` is the CSS block of the page (`block`, `block__intro`,
 * `block__empty`, `block__list`).
 */
export function MemberFeedPage<TItem>({
  namespace,
  block,
  access,
  list,
  renderItem,
}: {
  namespace: 'events' | 'news';
  block: string;
  access: ReturnType<typeof useMemberFeedAccess>;
  list: MemberFeedList<TItem>;
  renderItem: (item: TItem) => ReactNode;
}) {
  const { t } = useTranslation(namespace);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const headingId = `${block}-heading`;

  if (access.signedOut) {
    return (
      <section className={`card ${block}`} aria-labelledby={headingId}>
        <h1 id={headingId}>{t('heading')}</h1>
        <p>{t('signedOut')}</p>
        <Link className="uh-button uh-button--primary" to="/sign-in">
          {t('signIn')}
        </Link>
      </section>
    );
  }

  return (
    <section className={`card ${block}`} aria-labelledby={headingId}>
      <h1 id={headingId}>{t('heading')}</h1>
      <p className={`${block}__intro`}>{t('intro')}</p>
      {!access.online ? (
        <Alert tone="warning">{list.data ? t('offline') : t('offlineListNoData')}</Alert>
      ) : null}
      {list.isError && !list.data ? (
        <Alert tone="error" title={t('loadError')}>
          {readApiError(list.error, t('common:errors.network')).message}
        </Alert>
      ) : null}
      {list.isPending && list.fetchStatus === 'fetching' ? (
        <p role="status">{t('common:status.loading')}</p>
      ) : null}
      {list.data && items.length === 0 ? <p className={`${block}__empty`}>{t('empty')}</p> : null}
      {items.length > 0 ? <ul className={`${block}__list`}>{items.map(renderItem)}</ul> : null}
      {list.hasNextPage && access.online ? (
        <Button disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? t('common:status.loading') : t('more')}
        </Button>
      ) : null}
    </section>
  );
}

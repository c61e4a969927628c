import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MemberFeedPage, useMemberFeedAccess } from '../routes/member-feed';
import { useTRPC } from '../trpc';
import { EventBadges, useEventText } from './events-shared';

/**
 * Upcoming union events of the member's unit and the units above it, soonest first; kept on the
 * device and readable offline (MemberFeedPage).
 */
export default function EventsPage() {
  const { t } = useTranslation('events');
  const trpc = useTRPC();
  const text = useEventText();
  const access = useMemberFeedAccess();
  const list = useInfiniteQuery(
    trpc.member.events.list.infiniteQueryOptions(
      { limit: 20 },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // Checked again on every visit online: places and cancellations change.
        staleTime: 0,
        enabled: access.enabled,
      },
    ),
  );
  return (
    <MemberFeedPage
      namespace="events"
      block="events"
      access={access}
      list={list}
      renderItem={(item) => (
        <li key={item.id} data-testid="event-item">
          <Link to={`/events/${item.id}`} className="event-item__link">
            <EventBadges event={item} />
            <span className="event-item__title">{item.title}</span>
            <span className="event-item__meta">{text.span(item)}</span>
            <span className="event-item__meta">
              {item.place ?? t('online')} · {item.orgUnitName}
            </span>
          </Link>
        </li>
      )}
    />
  );
}

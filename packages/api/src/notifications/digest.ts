import { digestPeriodMs, ZLocale, type TDigestFrequency } from '@unionhall/domain';
import {
  absolute,
  addressOf,
  centrePath,
  preferencesPath,
  RECIPIENT_SELECT,
  type DeliveryDeps,
} from './delivery';
import { renderDigestEmail } from './email';
import { renderNotification } from './templates';

type Frequency = Exclude<TDigestFrequency, 'OFF'>;

/** People handled per query: the settings table is read in pages, not all at once. */
const DIGEST_PAGE = 200;
/** A digest lists this many notifications, newest first, and says how many more there are. */
export const DIGEST_ITEMS = 10;

/**
 * Sends the email digests of one schedule slot (`firedAt`: 08:00 Beijing time, daily or on
 * Mondays) to everyone who chose that frequency: their unread notifications since their last
 * digest, at most one period back. Nothing unread, no email.
 *
 * Idempotent per person and slot: each person handled records the slot in `lastDigestAt`, and
 * a run for the same slot again (a retry after one provider failure, a crash) skips them. A
 * crash between sending and recording sends that one digest again: at least once, as every
 * outbox sender. A provider failure for one person does not stop the others; the run then
 * fails, so the runner retries it for those left.
 */
export async function sendDigests(
  deps: DeliveryDeps,
  frequency: Frequency,
  firedAt: Date,
): Promise<{ sent: number; skipped: number }> {
  const { prisma } = deps;
  const failures: string[] = [];
  let sent = 0;
  let skipped = 0;
  let after: string | undefined;
  for (;;) {
    const page = await prisma.notificationSettings.findMany({
      where: {
        digest: frequency,
        OR: [{ lastDigestAt: null }, { lastDigestAt: { lt: firedAt } }],
        ...(after ? { userId: { gt: after } } : {}),
      },
      select: {
        userId: true,
        language: true,
        lastDigestAt: true,
        user: { select: RECIPIENT_SELECT },
      },
      orderBy: { userId: 'asc' },
      take: DIGEST_PAGE,
    });
    if (page.length === 0) break;
    after = page.at(-1)?.userId;
    for (const person of page) {
      const periodStart = new Date(firedAt.getTime() - digestPeriodMs(frequency));
      const since =
        person.lastDigestAt && person.lastDigestAt > periodStart
          ? person.lastDigestAt
          : periodStart;
      const unread = {
        userId: person.userId,
        readAt: null,
        createdAt: { gt: since, lte: firedAt },
      };
      const to = person.user.disabledAt ? null : addressOf(person.user, 'email');
      const [total, newest] = to
        ? await Promise.all([
            prisma.notification.count({ where: unread }),
            prisma.notification.findMany({
              where: unread,
              select: { template: true, params: true, link: true },
              orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
              take: DIGEST_ITEMS,
            }),
          ])
        : [0, []];
      if (to && total > 0) {
        const locale = ZLocale.catch('zh-CN').parse(person.language);
        try {
          await deps.channels.email.send(
            renderDigestEmail({
              to,
              locale,
              frequency,
              total,
              items: newest.map((row) => ({
                text: renderNotification(row.template, row.params, locale),
                link: row.link ? absolute(deps.publicUrl, row.link) : null,
              })),
              centreUrl: absolute(deps.publicUrl, centrePath(person.user)),
              preferencesUrl: absolute(deps.publicUrl, preferencesPath(person.user)),
              unsubscribeUrl: absolute(
                deps.publicUrl,
                `/api/notifications/unsubscribe?token=${deps.unsubscribeTokens.sign({ userId: person.userId, category: 'digest' })}`,
              ),
            }),
          );
          sent += 1;
        } catch (error) {
          failures.push(
            `${person.userId}: ${error instanceof Error ? error.message : String(error)}`,
          );
          continue;
        }
      } else {
        skipped += 1;
      }
      await prisma.notificationSettings.updateMany({
        where: {
          userId: person.userId,
          OR: [{ lastDigestAt: null }, { lastDigestAt: { lt: firedAt } }],
        },
        data: { lastDigestAt: firedAt },
      });
    }
  }
  if (failures.length > 0) {
    throw new Error(`digest not sent to ${failures.length}: ${failures.join('; ').slice(0, 500)}`);
  }
  return { sent, skipped };
}

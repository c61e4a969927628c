import type { Prisma, PrismaClient } from '@unionhall/db';
import { coversUnit, isUnionhallError, type TMemberStatus } from '@unionhall/domain';
import type { Scope } from '../../access';
import { notify } from '../../notifications/notify';
import { membersOfSegmentWhere } from '../membership/segments.service';

type Tx = Prisma.TransactionClient;

/**
 * Announcements reach members in good standing: union news is a benefit of membership, and
 * applicants, lapsed or former members are reached by their own messages (decisions, dues
 * reminders), not by the union's news.
 */
export const ANNOUNCEMENT_AUDIENCE_STATUS: TMemberStatus = 'ACTIVE';

/** The announcement fields the audience depends on. */
export interface AudienceSource {
  audience: 'UNIT' | 'SEGMENT';
  segmentId: string | null;
  orgUnit: { path: string };
}

/**
 * The members an announcement is for, as a where clause: active members anywhere in the
 * unit's subtree (an announcement for a union reaches its grassroots units' members), and for
 * a segment announcement only those the segment selects there. Null when it selects nobody:
 * the segment was deleted, or its saved filters no longer parse.
 *
 * The segment is applied with a scope of the segment's own unit, not an officer's: the officer
 * who chose it could see it when they did (checked then), and the fan-out runs later, without
 * an officer, possibly after their roles changed.
 */
export async function audienceWhere(
  db: PrismaClient | Tx,
  announcement: AudienceSource,
): Promise<Prisma.MemberWhereInput | null> {
  const unitMembers: Prisma.MemberWhereInput = {
    orgUnitPath: { startsWith: announcement.orgUnit.path },
    status: ANNOUNCEMENT_AUDIENCE_STATUS,
  };
  if (announcement.audience === 'UNIT') return unitMembers;
  if (!announcement.segmentId) return null;
  const segment = await db.memberSegment.findUnique({
    where: { id: announcement.segmentId },
    select: { orgUnit: { select: { path: true } } },
  });
  if (!segment) return null;
  const root = segment.orgUnit.path;
  const segmentScope: Scope = {
    permission: 'announcement.manage',
    roots: [root],
    covers: (path) => coversUnit(root, path),
  };
  try {
    const selected = await membersOfSegmentWhere(db, segmentScope, announcement.segmentId);
    return selected ? { AND: [unitMembers, selected] } : null;
  } catch (error) {
    // Deleted between the two reads: it selects nobody.
    if (isUnionhallError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * The ids of a unit path's units, root first: "/a/b/c/" → [a, b, c]. A member's unit and its
 * ancestors are the units whose announcements reach them.
 */
export function unitIdsOnPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

/**
 * Which published announcements a member sees: those of their unit and its ancestors; for a
 * segment announcement, only if they were among the members it went out to (a segment selects
 * by filters that change, so who it reached is what the fan-out recorded).
 */
export function visibleToMemberWhere(member: {
  userId: string;
  orgUnitPath: string;
}): Prisma.AnnouncementWhereInput {
  return {
    state: 'PUBLISHED',
    orgUnitId: { in: unitIdsOnPath(member.orgUnitPath) },
    OR: [{ audience: 'UNIT' }, { deliveries: { some: { userId: member.userId } } }],
  };
}

/** The key of an announcement's notice to each member (unique per recipient). */
export function announcementNotificationKey(announcementId: string): string {
  return `announcement:${announcementId}`;
}

/**
 * Tells one member about a published announcement, once: the delivery row (announcement,
 * member) is unique, so a fan-out that runs again after a crash tells nobody twice. The
 * notification goes in the same transaction as the row, keyed per announcement and member:
 * the in-app centre has it as soon as the batch commits, and push, email or SMS follow in the
 * background per the member's preferences for union news. Returns whether this call told them.
 */
export async function tellMember(
  tx: Tx,
  input: {
    userId: string;
    announcementId: string;
    title: string;
    excerpt: string;
    unitName: string;
  },
): Promise<boolean> {
  const written = await tx.announcementDelivery.createMany({
    data: [{ announcementId: input.announcementId, userId: input.userId }],
    skipDuplicates: true,
  });
  if (written.count === 0) return false;
  await notify(tx, {
    userId: input.userId,
    category: 'union_news',
    template: 'announcement.published',
    params: { title: input.title, unitName: input.unitName, excerpt: input.excerpt },
    link: `/news/${input.announcementId}`,
    key: announcementNotificationKey(input.announcementId),
  });
  return true;
}

import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  UnionhallError,
  ZMemberAnnouncementListInput,
  ZMemberId,
  type TMemberAnnouncement,
  type TMemberAnnouncementSummary,
} from '@unionhall/domain';
import type { z } from 'zod';
import { ANNOUNCEMENT_AUDIENCE_STATUS, visibleToMemberWhere } from './audience';
import { ATTACHMENT_SELECT, toAttachment } from './announcements.service';
import { decodePinnedCursor, encodePinnedCursor } from './cursor';

type Tx = Prisma.TransactionClient;

/**
 * The signed-in member the announcements are for: their account and unit, if they are a member
 * in good standing. Anyone else (an applicant, a former member, an officer's account) sees none.
 */
export async function readingMember(
  db: PrismaClient | Tx,
  userId: string | null,
): Promise<{ userId: string; orgUnitPath: string } | null> {
  // Session user ids are uuids; anything else cannot own a record (and must not reach SQL).
  if (!userId || !ZMemberId.safeParse(userId).success) return null;
  const member = await db.member.findUnique({
    where: { userId },
    select: { status: true, orgUnitPath: true },
  });
  if (!member || member.status !== ANNOUNCEMENT_AUDIENCE_STATUS) return null;
  return { userId, orgUnitPath: member.orgUnitPath };
}

function memberSelect(userId: string) {
  return {
    id: true,
    title: true,
    excerpt: true,
    pinned: true,
    publishedAt: true,
    orgUnit: { select: { name: true } },
    deliveries: { where: { userId }, select: { openedAt: true } },
  } satisfies Prisma.AnnouncementSelect;
}

type MemberRow = Prisma.AnnouncementGetPayload<{ select: ReturnType<typeof memberSelect> }>;

function toMemberSummary(row: MemberRow): TMemberAnnouncementSummary {
  return {
    id: row.id,
    title: row.title,
    excerpt: row.excerpt,
    pinned: row.pinned,
    orgUnitName: row.orgUnit.name,
    // Published rows always have the time; the epoch only guards the type.
    publishedAt: row.publishedAt ?? new Date(0),
    opened: row.deliveries.some((delivery) => delivery.openedAt !== null),
  };
}

/** The member's announcements: pinned first, then newest first, one keyset page at a time. */
export async function listMemberAnnouncements(
  prisma: PrismaClient,
  userId: string | null,
  raw: z.input<typeof ZMemberAnnouncementListInput>,
) {
  const input = ZMemberAnnouncementListInput.parse(raw);
  const member = await readingMember(prisma, userId);
  if (!member) return { items: [], nextCursor: null };
  const and: Prisma.AnnouncementWhereInput[] = [visibleToMemberWhere(member)];
  if (input.cursor) {
    const cursor = decodePinnedCursor(input.cursor);
    const after: Prisma.AnnouncementWhereInput[] = [
      { pinned: cursor.pinned, publishedAt: { lt: cursor.at } },
      { pinned: cursor.pinned, publishedAt: cursor.at, id: { lt: cursor.id } },
    ];
    // Pinned ones come first (true > false in the descending order).
    if (cursor.pinned) after.push({ pinned: false });
    and.push({ OR: after });
  }
  const rows = await prisma.announcement.findMany({
    where: { AND: and },
    select: memberSelect(member.userId),
    orderBy: [{ pinned: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toMemberSummary),
    nextCursor:
      rows.length > input.limit && last && last.publishedAt
        ? encodePinnedCursor({ pinned: last.pinned, at: last.publishedAt, id: last.id })
        : null,
  };
}

/** One announcement the member may read; NOT_FOUND for any other (withdrawn ones included). */
export async function getMemberAnnouncement(
  prisma: PrismaClient,
  userId: string | null,
  id: string,
): Promise<TMemberAnnouncement> {
  const member = await readingMember(prisma, userId);
  const row = member
    ? await prisma.announcement.findFirst({
        where: { AND: [{ id }, visibleToMemberWhere(member)] },
        select: {
          ...memberSelect(member.userId),
          bodyHtml: true,
          // Images are shown in the body; the list below it is for files to download.
          attachments: {
            where: { kind: 'FILE' },
            select: ATTACHMENT_SELECT,
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          },
        },
      })
    : null;
  if (!row) throw new UnionhallError('NOT_FOUND', `announcement ${id} not found`);
  return {
    ...toMemberSummary(row),
    bodyHtml: row.bodyHtml,
    attachments: row.attachments.map(toAttachment),
  };
}

/**
 * Records that the member opened the announcement in the app (the first time counts). A member
 * who reads one they were not told about (they joined the unit later) counts as reached too.
 */
export async function markAnnouncementOpened(
  prisma: PrismaClient,
  userId: string | null,
  id: string,
): Promise<{ id: string; openedAt: Date }> {
  return prisma.$transaction(async (tx) => {
    const member = await readingMember(tx, userId);
    const visible = member
      ? await tx.announcement.count({ where: { AND: [{ id }, visibleToMemberWhere(member)] } })
      : 0;
    if (!member || visible === 0) {
      throw new UnionhallError('NOT_FOUND', `announcement ${id} not found`);
    }
    const now = new Date();
    await tx.announcementDelivery.createMany({
      data: [{ announcementId: id, userId: member.userId, deliveredAt: now, openedAt: now }],
      skipDuplicates: true,
    });
    await tx.announcementDelivery.updateMany({
      where: { announcementId: id, userId: member.userId, openedAt: null },
      data: { openedAt: now },
    });
    const delivery = await tx.announcementDelivery.findUniqueOrThrow({
      where: { announcementId_userId: { announcementId: id, userId: member.userId } },
      select: { openedAt: true },
    });
    return { id, openedAt: delivery.openedAt ?? now };
  });
}

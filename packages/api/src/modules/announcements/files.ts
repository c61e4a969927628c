import type { PrismaClient } from '@unionhall/db';
import { isAllowed, ZAnnouncementId } from '@unionhall/domain';
import type { Actor } from '../../context';
import type { BlobStorage } from '../../storage/storage';
import { readingMember } from './member-announcements.service';
import { visibleToMemberWhere } from './audience';

export interface AnnouncementFile {
  bytes: Uint8Array<ArrayBuffer>;
  /** What the content was found to be on upload. */
  contentType: string;
  fileName: string;
  /** Images are shown inline; other files are downloaded. */
  kind: 'IMAGE' | 'FILE';
}

/**
 * An announcement's image or file, for whoever may read the announcement: officers whose
 * `announcement.manage` covers its unit (drafts included), and members who see it in the app
 * (published, theirs). Anyone else gets null, exactly as for an id that does not exist.
 * Served over a plain GET (apps/server) so `<img src>` works with the session cookie.
 */
export async function readAnnouncementFile(
  deps: { prisma: PrismaClient; storage: BlobStorage },
  actor: Actor,
  attachmentId: string,
): Promise<AnnouncementFile | null> {
  if (!ZAnnouncementId.safeParse(attachmentId).success) return null;
  const attachment = await deps.prisma.announcementAttachment.findUnique({
    where: { id: attachmentId },
    select: {
      storageKey: true,
      contentType: true,
      fileName: true,
      kind: true,
      announcementId: true,
      announcement: { select: { orgUnit: { select: { path: true } } } },
    },
  });
  if (!attachment) return null;
  if (!(await mayRead(deps.prisma, actor, attachment))) return null;
  const stored = await deps.storage.get(attachment.storageKey);
  if (!stored) return null;
  return {
    bytes: stored.bytes,
    contentType: attachment.contentType,
    fileName: attachment.fileName,
    kind: attachment.kind,
  };
}

async function mayRead(
  prisma: PrismaClient,
  actor: Actor,
  attachment: { announcementId: string; announcement: { orgUnit: { path: string } } },
): Promise<boolean> {
  if (actor.type === 'OFFICER' || actor.type === 'INTEGRATOR') {
    return isAllowed(actor.grants, 'announcement.manage', attachment.announcement.orgUnit.path);
  }
  if (actor.type !== 'MEMBER') return false;
  const member = await readingMember(prisma, actor.id);
  if (!member) return false;
  const visible = await prisma.announcement.count({
    where: { AND: [{ id: attachment.announcementId }, visibleToMemberWhere(member)] },
  });
  return visible > 0;
}

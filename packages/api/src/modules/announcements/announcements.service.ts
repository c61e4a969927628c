import { randomUUID, createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  announcementFileUrl,
  ATTACHMENT_TYPES,
  isAttachmentContentType,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_ANNOUNCEMENT,
  UnionhallError,
  ZAnnouncementListInput,
  ZCreateAnnouncementInput,
  ZPinAnnouncementInput,
  ZPublishAnnouncementInput,
  ZUpdateAnnouncementInput,
  ZUploadAttachmentInput,
  ZWithdrawAnnouncementInput,
  type TAnnouncementAttachment,
  type TAnnouncementDetail,
  type TAnnouncementListInput,
  type TAnnouncementReach,
  type TAnnouncementSummary,
  type TCreateAnnouncementInput,
  type TPublishAnnouncementInput,
  type TUpdateAnnouncementInput,
  type TUploadAttachmentInput,
} from '@unionhall/domain';
import type { z } from 'zod';
import { OutOfScopeError, type Scope } from '../../access';
import type { AuditWriter } from '../../audit';
import type { Actor } from '../../context';
import { emitEvent } from '../../jobs/events';
import { checkUpload } from '../../storage/file-check';
import type { BlobStorage } from '../../storage/storage';
import { segmentInScope } from '../membership/segments.service';
import { announcementNotificationKey } from './audience';
import { decodeTimeCursor, encodeTimeCursor } from './cursor';
import { excerptOf, sanitizeAnnouncementHtml } from './sanitize';

type Tx = Prisma.TransactionClient;

export interface AnnouncementServiceDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  scope: Scope;
  actor: Actor;
  storage: BlobStorage;
}

export const SUMMARY_SELECT = {
  id: true,
  title: true,
  excerpt: true,
  state: true,
  pinned: true,
  orgUnitId: true,
  orgUnit: { select: { name: true, path: true } },
  audience: true,
  segmentId: true,
  segment: { select: { name: true } },
  publishAt: true,
  publishedAt: true,
  withdrawnAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
} satisfies Prisma.AnnouncementSelect;

type SummaryRow = Prisma.AnnouncementGetPayload<{ select: typeof SUMMARY_SELECT }>;

export const ATTACHMENT_SELECT = {
  id: true,
  fileName: true,
  contentType: true,
  size: true,
  kind: true,
} satisfies Prisma.AnnouncementAttachmentSelect;

type AttachmentRow = Prisma.AnnouncementAttachmentGetPayload<{ select: typeof ATTACHMENT_SELECT }>;

export function toAttachment(row: AttachmentRow): TAnnouncementAttachment {
  return { ...row, url: announcementFileUrl(row.id) };
}

/** An announcement as lists show them; written out, not spread (see toSummary in membership). */
function toSummary(row: SummaryRow): TAnnouncementSummary {
  return {
    id: row.id,
    title: row.title,
    excerpt: row.excerpt,
    state: row.state,
    pinned: row.pinned,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnit.name,
    audience: row.audience,
    segmentId: row.segmentId,
    segmentName: row.segment?.name ?? null,
    publishAt: row.publishAt,
    publishedAt: row.publishedAt,
    withdrawnAt: row.withdrawnAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** The announcement, if the caller's scope covers its unit; NOT_FOUND either way otherwise. */
async function announcementInScope(db: PrismaClient | Tx, scope: Scope, id: string) {
  const row = await db.announcement.findUnique({
    where: { id },
    select: { ...SUMMARY_SELECT, bodyHtml: true, sentAt: true, recipientCount: true },
  });
  if (!row) throw new UnionhallError('NOT_FOUND', `announcement ${id} not found`);
  if (!scope.covers(row.orgUnit.path)) throw new OutOfScopeError(`announcement ${id}`);
  return row;
}

async function unitInScope(db: PrismaClient | Tx, scope: Scope, id: string) {
  const unit = await db.orgUnit.findUnique({ where: { id }, select: { id: true, path: true } });
  if (!unit) throw new UnionhallError('NOT_FOUND', `org unit ${id} not found`);
  if (!scope.covers(unit.path)) throw new OutOfScopeError(`org unit ${id}`);
  return unit;
}

/**
 * A segment the announcement may target: inside the caller's scope, and related to the unit
 * (one contains the other), since the audience is the members both select. A segment of a
 * sister union would select nobody, which is a mistake worth saying.
 */
async function checkSegment(tx: Tx, scope: Scope, segmentId: string, unitPath: string) {
  const segment = await segmentInScope(tx, scope, segmentId);
  const segmentPath = segment.orgUnit.path;
  if (!segmentPath.startsWith(unitPath) && !unitPath.startsWith(segmentPath)) {
    throw new UnionhallError('VALIDATION_FAILED', 'the segment lies outside the unit');
  }
  return segment;
}

async function imageIdsOf(tx: Tx, announcementId: string): Promise<Set<string>> {
  const rows = await tx.announcementAttachment.findMany({
    where: { announcementId, kind: 'IMAGE' },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

async function detail(db: PrismaClient | Tx, id: string): Promise<TAnnouncementDetail> {
  const row = await db.announcement.findUniqueOrThrow({
    where: { id },
    select: {
      ...SUMMARY_SELECT,
      bodyHtml: true,
      attachments: { select: ATTACHMENT_SELECT, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
  const { bodyHtml, attachments, ...summary } = row;
  return { ...toSummary(summary), bodyHtml, attachments: attachments.map(toAttachment) };
}

/** Announcements of the units in the caller's scope, newest first, one keyset page at a time. */
export async function listAnnouncements(
  prisma: PrismaClient,
  scope: Scope,
  raw: TAnnouncementListInput,
) {
  const input = ZAnnouncementListInput.parse(raw);
  if (scope.roots.length === 0) return { items: [], nextCursor: null };
  const and: Prisma.AnnouncementWhereInput[] = [
    { OR: scope.roots.map((root) => ({ orgUnit: { path: { startsWith: root } } })) },
  ];
  if (input.state) and.push({ state: input.state });
  if (input.cursor) {
    const cursor = decodeTimeCursor(input.cursor);
    and.push({
      OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }],
    });
  }
  const rows = await prisma.announcement.findMany({
    where: { AND: and },
    select: SUMMARY_SELECT,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor:
      rows.length > input.limit && last
        ? encodeTimeCursor({ at: last.createdAt, id: last.id })
        : null,
  };
}

export async function getAnnouncement(
  prisma: PrismaClient,
  scope: Scope,
  id: string,
): Promise<TAnnouncementDetail> {
  await announcementInScope(prisma, scope, id);
  return detail(prisma, id);
}

/** A new draft for a unit in the caller's scope (and optionally one of its segments). */
export async function createAnnouncement(
  deps: AnnouncementServiceDeps,
  raw: TCreateAnnouncementInput,
): Promise<TAnnouncementDetail> {
  const input = ZCreateAnnouncementInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const unit = await unitInScope(tx, deps.scope, input.orgUnitId);
    if (input.segmentId) await checkSegment(tx, deps.scope, input.segmentId, unit.path);
    // A new announcement has no uploaded images yet, so any image in the body goes.
    const bodyHtml = sanitizeAnnouncementHtml(input.bodyHtml, new Set());
    const created = await tx.announcement.create({
      data: {
        title: input.title,
        bodyHtml,
        excerpt: excerptOf(bodyHtml),
        orgUnitId: unit.id,
        audience: input.segmentId ? 'SEGMENT' : 'UNIT',
        segmentId: input.segmentId,
        createdBy: deps.actor.id,
      },
      select: { id: true },
    });
    await deps.audit(tx, {
      action: 'announcement.create',
      outcome: 'SUCCESS',
      targetType: 'Announcement',
      targetId: created.id,
      orgUnitId: unit.id,
      changes: {
        title: { before: null, after: input.title },
        segmentId: { before: null, after: input.segmentId },
      },
    });
    return detail(tx, created.id);
  });
}

/**
 * Edits an announcement. The version named must be the current one. Title and body can be
 * corrected until it is withdrawn; unit and segment only before it goes out.
 */
export async function updateAnnouncement(
  deps: AnnouncementServiceDeps,
  raw: TUpdateAnnouncementInput,
): Promise<TAnnouncementDetail> {
  const input = ZUpdateAnnouncementInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const current = await announcementInScope(tx, deps.scope, input.id);
    if (current.state === 'WITHDRAWN') {
      throw new UnionhallError('ANNOUNCEMENT_STATE', 'a withdrawn announcement cannot change');
    }
    const unitChanges = input.orgUnitId !== undefined && input.orgUnitId !== current.orgUnitId;
    const segmentChanges = input.segmentId !== undefined && input.segmentId !== current.segmentId;
    if ((unitChanges || segmentChanges) && current.state === 'PUBLISHED') {
      throw new UnionhallError('ANNOUNCEMENT_STATE', 'a published announcement keeps its audience');
    }
    const unit =
      input.orgUnitId !== undefined
        ? await unitInScope(tx, deps.scope, input.orgUnitId)
        : { id: current.orgUnitId, path: current.orgUnit.path };
    const segmentId = input.segmentId !== undefined ? input.segmentId : current.segmentId;
    if (segmentId && (unitChanges || segmentChanges)) {
      await checkSegment(tx, deps.scope, segmentId, unit.path);
    }
    const data: Prisma.AnnouncementUncheckedUpdateManyInput = { version: { increment: 1 } };
    const changes: Record<string, { before: string | null; after: string | null }> = {};
    if (input.title !== undefined && input.title !== current.title) {
      data.title = input.title;
      changes.title = { before: current.title, after: input.title };
    }
    if (input.bodyHtml !== undefined) {
      const bodyHtml = sanitizeAnnouncementHtml(input.bodyHtml, await imageIdsOf(tx, current.id));
      if (bodyHtml !== current.bodyHtml) {
        data.bodyHtml = bodyHtml;
        data.excerpt = excerptOf(bodyHtml);
        // The body itself can be long; the audit row records that it changed and its start.
        changes.body = { before: current.excerpt, after: excerptOf(bodyHtml) };
      }
    }
    if (unitChanges) {
      data.orgUnitId = unit.id;
      changes.orgUnitId = { before: current.orgUnitId, after: unit.id };
    }
    if (segmentChanges) {
      data.segmentId = segmentId;
      data.audience = segmentId ? 'SEGMENT' : 'UNIT';
      changes.segmentId = { before: current.segmentId, after: segmentId };
    }
    const updated = await tx.announcement.updateMany({
      where: { id: current.id, version: input.expectedVersion },
      data,
    });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `announcement ${current.id} changed meanwhile`);
    }
    await deps.audit(tx, {
      action: 'announcement.update',
      outcome: 'SUCCESS',
      targetType: 'Announcement',
      targetId: current.id,
      orgUnitId: unit.id,
      changes,
    });
    return detail(tx, current.id);
  });
}

/**
 * Publishes a draft (or a scheduled announcement) now, or schedules it for `publishAt`. Both
 * write their outbox event in the same transaction: "published" starts telling the members,
 * "publish-due" becomes available at the scheduled time and publishes then (jobs below).
 */
export async function publishAnnouncement(
  deps: AnnouncementServiceDeps,
  raw: TPublishAnnouncementInput,
): Promise<TAnnouncementDetail> {
  const input = ZPublishAnnouncementInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const current = await announcementInScope(tx, deps.scope, input.id);
    if (current.state !== 'DRAFT' && current.state !== 'SCHEDULED') {
      throw new UnionhallError('ANNOUNCEMENT_STATE', `announcement is ${current.state}`);
    }
    const now = new Date();
    const schedule = input.publishAt;
    const updated = await tx.announcement.updateMany({
      where: { id: current.id, version: input.expectedVersion },
      data: schedule
        ? { state: 'SCHEDULED', publishAt: schedule, version: { increment: 1 } }
        : { state: 'PUBLISHED', publishAt: null, publishedAt: now, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `announcement ${current.id} changed meanwhile`);
    }
    if (schedule) {
      // Keyed by the time: scheduling the same time twice writes one event. An event for a
      // time the announcement no longer has finds it changed and does nothing.
      await emitEvent(
        tx,
        'announcement.publish-due',
        { announcementId: current.id, publishAt: schedule.toISOString() },
        {
          key: `announcement.publish-due:${current.id}:${schedule.toISOString()}`,
          availableAt: schedule,
        },
      );
    } else {
      await emitEvent(
        tx,
        'announcement.published',
        { announcementId: current.id },
        { key: `announcement.published:${current.id}` },
      );
    }
    await deps.audit(tx, {
      action: schedule ? 'announcement.schedule' : 'announcement.publish',
      outcome: 'SUCCESS',
      targetType: 'Announcement',
      targetId: current.id,
      orgUnitId: current.orgUnitId,
      changes: {
        state: { before: current.state, after: schedule ? 'SCHEDULED' : 'PUBLISHED' },
        publishAt: {
          before: current.publishAt?.toISOString() ?? null,
          after: schedule?.toISOString() ?? null,
        },
      },
    });
    return detail(tx, current.id);
  });
}

/**
 * Takes an announcement back: members no longer see it, and one still scheduled never goes
 * out. Final: a withdrawn announcement is kept for the record but cannot be published again.
 */
export async function withdrawAnnouncement(
  deps: AnnouncementServiceDeps,
  raw: z.input<typeof ZWithdrawAnnouncementInput>,
): Promise<TAnnouncementDetail> {
  const input = ZWithdrawAnnouncementInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const current = await announcementInScope(tx, deps.scope, input.id);
    if (current.state === 'WITHDRAWN') {
      throw new UnionhallError('ANNOUNCEMENT_STATE', 'already withdrawn');
    }
    const updated = await tx.announcement.updateMany({
      where: { id: current.id, version: input.expectedVersion },
      data: {
        state: 'WITHDRAWN',
        withdrawnAt: new Date(),
        pinned: false,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `announcement ${current.id} changed meanwhile`);
    }
    await deps.audit(tx, {
      action: 'announcement.withdraw',
      outcome: 'SUCCESS',
      targetType: 'Announcement',
      targetId: current.id,
      orgUnitId: current.orgUnitId,
      changes: { state: { before: current.state, after: 'WITHDRAWN' } },
    });
    // Its notices leave the members' notification centres, and push, email or SMS still
    // waiting (held by quiet hours, or retrying) are not sent: delivery skips a notice that
    // no longer exists. What was already sent cannot be called back.
    await tx.notification.deleteMany({ where: { key: announcementNotificationKey(current.id) } });
    return detail(tx, current.id);
  });
}

/** Pinned announcements come first in the members' list. */
export async function pinAnnouncement(
  deps: AnnouncementServiceDeps,
  raw: z.input<typeof ZPinAnnouncementInput>,
): Promise<TAnnouncementDetail> {
  const input = ZPinAnnouncementInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const current = await announcementInScope(tx, deps.scope, input.id);
    if (current.state === 'WITHDRAWN') {
      throw new UnionhallError('ANNOUNCEMENT_STATE', 'a withdrawn announcement cannot be pinned');
    }
    const updated = await tx.announcement.updateMany({
      where: { id: current.id, version: input.expectedVersion },
      data: { pinned: input.pinned, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `announcement ${current.id} changed meanwhile`);
    }
    await deps.audit(tx, {
      action: 'announcement.pin',
      outcome: 'SUCCESS',
      targetType: 'Announcement',
      targetId: current.id,
      orgUnitId: current.orgUnitId,
      changes: { pinned: { before: current.pinned, after: input.pinned } },
    });
    return detail(tx, current.id);
  });
}

/** Recipients, delivered and opened, counted in the database. */
export async function announcementReach(
  prisma: PrismaClient,
  scope: Scope,
  id: string,
): Promise<TAnnouncementReach> {
  const row = await announcementInScope(prisma, scope, id);
  const [delivered, opened] = await Promise.all([
    prisma.announcementDelivery.count({ where: { announcementId: id } }),
    prisma.announcementDelivery.count({ where: { announcementId: id, openedAt: { not: null } } }),
  ]);
  return { recipients: row.recipientCount, delivered, opened, sentAt: row.sentAt };
}

/**
 * Stores an uploaded image or file with an announcement. The type is what the bytes show
 * (checked against the allowlist and the name's ending), never what the client says. The bytes
 * go to storage first and the row after, so a row always has its bytes; if the row cannot be
 * written, the bytes are removed again.
 */
export async function uploadAttachment(
  deps: AnnouncementServiceDeps,
  raw: TUploadAttachmentInput,
): Promise<TAnnouncementAttachment> {
  const input = ZUploadAttachmentInput.parse(raw);
  const current = await announcementInScope(deps.prisma, deps.scope, input.announcementId);
  if (current.state === 'WITHDRAWN') {
    throw new UnionhallError('ANNOUNCEMENT_STATE', 'a withdrawn announcement cannot change');
  }
  const upload = new Uint8Array(Buffer.from(input.file, 'base64'));
  const checked = await checkUpload(upload, input.fileName, {
    allowed: ATTACHMENT_TYPES,
    maxBytes: MAX_ATTACHMENT_BYTES,
  });
  // What is stored, sized and hashed: an image without its location and camera metadata.
  const bytes = checked.bytes;
  const kind =
    isAttachmentContentType(checked.contentType) && ATTACHMENT_TYPES[checked.contentType].image
      ? 'IMAGE'
      : 'FILE';
  const id = randomUUID();
  const storageKey = `announcements/${current.id}/${id}`;
  await deps.storage.put(storageKey, bytes, checked.contentType);
  try {
    return await deps.prisma.$transaction(async (tx) => {
      const count = await tx.announcementAttachment.count({
        where: { announcementId: current.id },
      });
      if (count >= MAX_ATTACHMENTS_PER_ANNOUNCEMENT) {
        throw new UnionhallError('ATTACHMENT_LIMIT_REACHED', `${count} attachments`);
      }
      const created = await tx.announcementAttachment.create({
        data: {
          id,
          announcementId: current.id,
          kind,
          fileName: input.fileName,
          contentType: checked.contentType,
          size: bytes.byteLength,
          storageKey,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          createdBy: deps.actor.id,
        },
        select: ATTACHMENT_SELECT,
      });
      await deps.audit(tx, {
        action: 'announcement.attachment.add',
        outcome: 'SUCCESS',
        targetType: 'Announcement',
        targetId: current.id,
        orgUnitId: current.orgUnitId,
        changes: {
          attachment: {
            before: null,
            after: { id, fileName: input.fileName, contentType: checked.contentType },
          },
        },
      });
      return toAttachment(created);
    });
  } catch (error) {
    await deps.storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

/**
 * Removes an image or file. An image the body shows leaves the body too (the body changes, so
 * the announcement's version moves on: the answer carries the new one). The bytes are deleted
 * after the commit; if that fails, they are unreachable (no row names them), never half-gone.
 */
export async function removeAttachment(
  deps: AnnouncementServiceDeps,
  id: string,
): Promise<{ id: string; announcementVersion: number }> {
  const attachment = await deps.prisma.announcementAttachment.findUnique({
    where: { id },
    select: { id: true, storageKey: true, fileName: true, announcementId: true },
  });
  if (!attachment) throw new UnionhallError('NOT_FOUND', `attachment ${id} not found`);
  const result = await deps.prisma.$transaction(async (tx) => {
    const current = await announcementInScope(tx, deps.scope, attachment.announcementId);
    if (current.state === 'WITHDRAWN') {
      throw new UnionhallError('ANNOUNCEMENT_STATE', 'a withdrawn announcement cannot change');
    }
    await tx.announcementAttachment.delete({ where: { id } });
    const remaining = await imageIdsOf(tx, current.id);
    const bodyHtml = sanitizeAnnouncementHtml(current.bodyHtml, remaining);
    let version = current.version;
    if (bodyHtml !== current.bodyHtml) {
      const updated = await tx.announcement.update({
        where: { id: current.id },
        data: { bodyHtml, excerpt: excerptOf(bodyHtml), version: { increment: 1 } },
        select: { version: true },
      });
      version = updated.version;
    }
    await deps.audit(tx, {
      action: 'announcement.attachment.remove',
      outcome: 'SUCCESS',
      targetType: 'Announcement',
      targetId: current.id,
      orgUnitId: current.orgUnitId,
      changes: { attachment: { before: { id, fileName: attachment.fileName }, after: null } },
    });
    return { id, announcementVersion: version };
  });
  await deps.storage.delete(attachment.storageKey).catch(() => undefined);
  return result;
}

import { z } from 'zod';

/**
 * Announcements: union news that officers write for a unit's subtree (optionally narrowed to a
 * saved member segment) and members read in the app. The body is rich text (HTML) that the
 * server sanitises with an allowlist before storing it; clients never decide what is safe.
 */

/**
 * DRAFT → SCHEDULED (publishAt in the future) → PUBLISHED → WITHDRAWN. A draft can also be
 * published at once, and a scheduled one withdrawn before it goes out. Withdrawal is final.
 */
export const ANNOUNCEMENT_STATES = ['DRAFT', 'SCHEDULED', 'PUBLISHED', 'WITHDRAWN'] as const;
export const ZAnnouncementState = z.enum(ANNOUNCEMENT_STATES);
export type TAnnouncementState = z.infer<typeof ZAnnouncementState>;

/** Everyone in the unit's subtree, or only a segment's members there. */
export const ZAnnouncementAudience = z.enum(['UNIT', 'SEGMENT']);

export const MAX_ANNOUNCEMENT_TITLE = 120;
/** The body's HTML, before sanitising: generous for text, small enough for one request. */
export const MAX_ANNOUNCEMENT_BODY = 100_000;
/** What lists show of the body: the start of its text. */
export const ANNOUNCEMENT_EXCERPT_LENGTH = 140;
/** Schedules reach at most this far ahead. */
export const MAX_SCHEDULE_DAYS = 366;

/** One uploaded file, before base64. Images and documents share it. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;
export const MAX_ATTACHMENTS_PER_ANNOUNCEMENT = 20;

/**
 * The file types an announcement may carry, by the type their content shows (not by their
 * name), with the file name endings that may go with each. SVG is left out on purpose: it can
 * carry scripts.
 */
export const ATTACHMENT_TYPES = {
  'image/png': { extensions: ['png'], image: true },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], image: true },
  'image/webp': { extensions: ['webp'], image: true },
  'image/gif': { extensions: ['gif'], image: true },
  'application/pdf': { extensions: ['pdf'], image: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: ['docx'],
    image: false,
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extensions: ['xlsx'],
    image: false,
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    extensions: ['pptx'],
    image: false,
  },
} as const satisfies Record<string, { extensions: readonly string[]; image: boolean }>;
export type TAttachmentContentType = keyof typeof ATTACHMENT_TYPES;

export function isAttachmentContentType(value: string): value is TAttachmentContentType {
  return Object.hasOwn(ATTACHMENT_TYPES, value);
}

/** File name endings the console's file picker offers (the server checks the content). */
export const ATTACHMENT_ACCEPT = Object.values(ATTACHMENT_TYPES)
  .flatMap((type) => type.extensions.map((extension) => `.${extension}`))
  .join(',');
export const IMAGE_ACCEPT = Object.entries(ATTACHMENT_TYPES)
  .filter(([, type]) => type.image)
  .map(([contentType]) => contentType)
  .join(',');

/**
 * Where an announcement's files are served (an authenticated GET, so `<img src>` works):
 * `${ANNOUNCEMENT_FILES_PATH}<attachment id>`. Bodies refer to their images by this URL only.
 */
export const ANNOUNCEMENT_FILES_PATH = '/api/files/announcements/';

export function announcementFileUrl(attachmentId: string): string {
  return `${ANNOUNCEMENT_FILES_PATH}${attachmentId}`;
}

const noControlChars = (value: string) =>
  ![...value].some((char) => (char.codePointAt(0) ?? 0) < 0x20);

export const ZAnnouncementId = z.uuid();
export const ZAnnouncementTitle = z
  .string()
  .trim()
  .min(1)
  .max(MAX_ANNOUNCEMENT_TITLE)
  .refine(noControlChars, { message: 'validation.noControlChars' });
export const ZAnnouncementBody = z.string().max(MAX_ANNOUNCEMENT_BODY);

export const ZCreateAnnouncementInput = z.object({
  title: ZAnnouncementTitle,
  bodyHtml: ZAnnouncementBody.default(''),
  /** Whose members it reaches: the unit and every unit below it. */
  orgUnitId: z.uuid(),
  /** Narrows the audience to a saved member segment's members. */
  segmentId: z.uuid().nullable().default(null),
});
export type TCreateAnnouncementInput = z.input<typeof ZCreateAnnouncementInput>;

/**
 * Changes what is given. Title and body can be corrected until withdrawal; the audience (unit,
 * segment) only before publication, since the announcement has gone out to it.
 */
export const ZUpdateAnnouncementInput = z.object({
  id: ZAnnouncementId,
  expectedVersion: z.number().int().positive(),
  title: ZAnnouncementTitle.optional(),
  bodyHtml: ZAnnouncementBody.optional(),
  orgUnitId: z.uuid().optional(),
  segmentId: z.uuid().nullable().optional(),
});
export type TUpdateAnnouncementInput = z.input<typeof ZUpdateAnnouncementInput>;

/**
 * Publishes now, or at `publishAt` when given (a schedule; the background work publishes it at
 * that time). The time is checked when the request arrives: it must lie ahead, within a year.
 */
export const ZPublishAnnouncementInput = z.object({
  id: ZAnnouncementId,
  expectedVersion: z.number().int().positive(),
  publishAt: z
    .date()
    .refine((date) => date.getTime() > Date.now(), { message: 'validation.publishAtPast' })
    .refine((date) => date.getTime() < Date.now() + MAX_SCHEDULE_DAYS * 24 * 3600 * 1000, {
      message: 'validation.publishAtTooFar',
    })
    .optional(),
});
export type TPublishAnnouncementInput = z.input<typeof ZPublishAnnouncementInput>;

export const ZWithdrawAnnouncementInput = z.object({
  id: ZAnnouncementId,
  expectedVersion: z.number().int().positive(),
});

export const ZPinAnnouncementInput = z.object({
  id: ZAnnouncementId,
  expectedVersion: z.number().int().positive(),
  pinned: z.boolean(),
});

export const ZAnnouncementListInput = z.object({
  state: ZAnnouncementState.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TAnnouncementListInput = z.input<typeof ZAnnouncementListInput>;

export const ZUploadAttachmentInput = z.object({
  announcementId: ZAnnouncementId,
  /** The name the file had on the officer's computer; shown to readers of attachments. */
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine(noControlChars, { message: 'validation.noControlChars' }),
  /** The file's bytes, base64-encoded. */
  file: z.base64().min(1).max(MAX_ATTACHMENT_BASE64),
});
export type TUploadAttachmentInput = z.input<typeof ZUploadAttachmentInput>;

export const ZRemoveAttachmentInput = z.object({ id: z.uuid() });

export const ATTACHMENT_KINDS = ['IMAGE', 'FILE'] as const;
export const ZAttachmentKind = z.enum(ATTACHMENT_KINDS);

export const ZAnnouncementAttachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  kind: ZAttachmentKind,
  /** Where the file is served; images in the body use the same URL. */
  url: z.string(),
});
export type TAnnouncementAttachment = z.infer<typeof ZAnnouncementAttachment>;

/** An announcement in the console's list. */
export const ZAnnouncementSummary = z.object({
  id: ZAnnouncementId,
  title: z.string(),
  excerpt: z.string(),
  state: ZAnnouncementState,
  pinned: z.boolean(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  audience: ZAnnouncementAudience,
  /** Null for a unit announcement, or a segment deleted since (it then reaches nobody new). */
  segmentId: z.uuid().nullable(),
  segmentName: z.string().nullable(),
  /** Set while scheduled (and kept after publication): when it goes out. */
  publishAt: z.date().nullable(),
  publishedAt: z.date().nullable(),
  withdrawnAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type TAnnouncementSummary = z.infer<typeof ZAnnouncementSummary>;

export const ZAnnouncementPage = z.object({
  items: z.array(ZAnnouncementSummary),
  nextCursor: z.string().nullable(),
});

export const ZAnnouncementDetail = ZAnnouncementSummary.extend({
  bodyHtml: z.string(),
  attachments: z.array(ZAnnouncementAttachment),
});
export type TAnnouncementDetail = z.infer<typeof ZAnnouncementDetail>;

/**
 * How far an announcement got. `recipients`: the members its audience held when it went out
 * (null until then); `delivered`: those told in the app (members with a sign-in account, plus
 * any who opened it without being told); `opened`: those who opened it in the app.
 */
export const ZAnnouncementReach = z.object({
  recipients: z.number().int().nullable(),
  delivered: z.number().int(),
  opened: z.number().int(),
  sentAt: z.date().nullable(),
});
export type TAnnouncementReach = z.infer<typeof ZAnnouncementReach>;

/** An announcement as a member sees it in the list. */
export const ZMemberAnnouncementSummary = z.object({
  id: ZAnnouncementId,
  title: z.string(),
  excerpt: z.string(),
  pinned: z.boolean(),
  orgUnitName: z.string(),
  publishedAt: z.date(),
  opened: z.boolean(),
});
export type TMemberAnnouncementSummary = z.infer<typeof ZMemberAnnouncementSummary>;

export const ZMemberAnnouncementPage = z.object({
  items: z.array(ZMemberAnnouncementSummary),
  nextCursor: z.string().nullable(),
});

export const ZMemberAnnouncement = ZMemberAnnouncementSummary.extend({
  bodyHtml: z.string(),
  /** Files to download (images in the body are not repeated here). */
  attachments: z.array(ZAnnouncementAttachment),
});
export type TMemberAnnouncement = z.infer<typeof ZMemberAnnouncement>;

export const ZMemberAnnouncementListInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});

import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  clockToMinutes,
  DEFAULT_QUIET_HOURS,
  isChannelLocked,
  minutesToClock,
  preferenceMatrix,
  UnionhallError,
  ZLocale,
  ZMarkNotificationsReadInput,
  ZNotificationCategory,
  ZNotificationListInput,
  ZSetNotificationPreferencesInput,
  ZUpdateNotificationSettingsInput,
  ZDigestFrequency,
  type TLocale,
  type TMarkNotificationsReadInput,
  type TNotificationListInput,
  type TNotificationPage,
  type TNotificationPreference,
  type TNotificationSettings,
  type TSetNotificationPreferencesInput,
  type TUpdateNotificationSettingsInput,
} from '@unionhall/domain';
import { z } from 'zod';
import type { AuditWriter } from '../../audit';
import type { Actor } from '../../context';
import { renderNotification } from '../../notifications/templates';

/**
 * A person's own notifications, preferences and settings. Every query is keyed on the
 * caller's own user id: nobody reads or changes anyone else's.
 */
export function ownUserId(actor: Actor): string | null {
  // Session user ids are uuids; anything else owns nothing (and must not reach SQL).
  return z.uuid().safeParse(actor.id).success ? actor.id : null;
}

const NOTIFICATION_SELECT = {
  id: true,
  category: true,
  template: true,
  params: true,
  link: true,
  readAt: true,
  createdAt: true,
} satisfies Prisma.NotificationSelect;

interface NotificationCursor {
  createdAt: Date;
  id: string;
}

function encodeCursor(cursor: NotificationCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id]), 'utf8').toString(
    'base64url',
  );
}

/** A cursor the client altered or made up is a validation error, never a 500. */
function decodeCursor(value: string): NotificationCursor {
  try {
    const parsed = z
      .tuple([z.iso.datetime(), z.uuid()])
      .safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    if (parsed.success) return { createdAt: new Date(parsed.data[0]), id: parsed.data[1] };
  } catch {
    // Falls through to the validation error below.
  }
  throw new UnionhallError('VALIDATION_FAILED', 'bad cursor');
}

/**
 * The caller's notifications, newest first, one keyset page at a time, each rendered in the
 * language of the request (the app's language, which may differ from the email language).
 */
export async function listNotifications(
  prisma: PrismaClient,
  actor: Actor,
  locale: TLocale,
  raw: TNotificationListInput,
): Promise<TNotificationPage> {
  const input = ZNotificationListInput.parse(raw);
  const userId = ownUserId(actor);
  if (!userId) return { items: [], nextCursor: null };
  const and: Prisma.NotificationWhereInput[] = [{ userId }];
  if (input.unreadOnly) and.push({ readAt: null });
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor);
    and.push({
      OR: [
        { createdAt: { lt: cursor.createdAt } },
        { createdAt: cursor.createdAt, id: { lt: cursor.id } },
      ],
    });
  }
  const rows = await prisma.notification.findMany({
    where: { AND: and },
    select: NOTIFICATION_SELECT,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      // A category retired since reads as the account's, which is always shown.
      category: ZNotificationCategory.catch('account').parse(row.category),
      ...renderNotification(row.template, row.params, locale),
      link: row.link,
      readAt: row.readAt,
      createdAt: row.createdAt,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}

export async function unreadCount(prisma: PrismaClient, actor: Actor): Promise<number> {
  const userId = ownUserId(actor);
  if (!userId) return 0;
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/**
 * Marks the caller's notifications read: the ones named (others' ids are simply not
 * matched), or all. Already read ones keep the time they were first read. Not audited: it
 * changes nothing but the reader's own list.
 */
export async function markRead(
  prisma: PrismaClient,
  actor: Actor,
  raw: TMarkNotificationsReadInput,
): Promise<{ updated: number }> {
  const input = ZMarkNotificationsReadInput.parse(raw);
  const userId = ownUserId(actor);
  if (!userId) return { updated: 0 };
  const updated = await prisma.notification.updateMany({
    where: { userId, readAt: null, ...('ids' in input ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { updated: updated.count };
}

function requireUser(actor: Actor): string {
  const userId = ownUserId(actor);
  if (!userId) throw new UnionhallError('NOT_FOUND', 'the caller has no user account');
  return userId;
}

export async function getPreferences(
  prisma: PrismaClient,
  actor: Actor,
): Promise<TNotificationPreference[]> {
  const userId = ownUserId(actor);
  const stored = userId
    ? await prisma.notificationPreference.findMany({
        where: { userId },
        select: { category: true, channel: true, enabled: true },
      })
    : [];
  return preferenceMatrix(stored);
}

/**
 * Sets some cells of the caller's preference matrix. Each change names the value it wants,
 * so there is no read-modify-write to lose (and no version); locked cells are refused. One
 * audit row records the changes: whether someone agreed to be emailed or texted matters.
 */
export async function setPreferences(
  deps: { prisma: PrismaClient; audit: AuditWriter; actor: Actor },
  raw: TSetNotificationPreferencesInput,
): Promise<TNotificationPreference[]> {
  const input = ZSetNotificationPreferencesInput.parse(raw);
  const userId = requireUser(deps.actor);
  if (input.changes.some((change) => isChannelLocked(change.category, change.channel))) {
    throw new UnionhallError('FORBIDDEN', 'a locked notification channel cannot be changed');
  }
  return deps.prisma.$transaction(async (tx) => {
    const before = preferenceMatrix(
      await tx.notificationPreference.findMany({
        where: { userId },
        select: { category: true, channel: true, enabled: true },
      }),
    );
    const now = new Date();
    const changes: Record<string, { before: boolean; after: boolean }> = {};
    for (const change of input.changes) {
      const was = before.find(
        (cell) => cell.category === change.category && cell.channel === change.channel,
      );
      await tx.notificationPreference.upsert({
        where: {
          userId_category_channel: {
            userId,
            category: change.category,
            channel: change.channel,
          },
        },
        create: { userId, ...change },
        update: { enabled: change.enabled, updatedAt: now },
      });
      if (was && was.enabled !== change.enabled)
        changes[`${change.category}.${change.channel}`] = {
          before: was.enabled,
          after: change.enabled,
        };
    }
    if (Object.keys(changes).length > 0) {
      await deps.audit(tx, {
        action: 'notification.preferences.set',
        outcome: 'SUCCESS',
        targetType: 'NotificationPreference',
        targetId: userId,
        changes,
      });
    }
    return preferenceMatrix(
      await tx.notificationPreference.findMany({
        where: { userId },
        select: { category: true, channel: true, enabled: true },
      }),
    );
  });
}

type SettingsRow = {
  language: string;
  digest: string;
  quietHoursEnabled: boolean;
  quietStart: number;
  quietEnd: number;
  version: number;
};

/** No row yet: the defaults, as version 1. */
const DEFAULT_SETTINGS: SettingsRow = {
  language: 'zh-CN',
  digest: 'OFF',
  quietHoursEnabled: true,
  quietStart: DEFAULT_QUIET_HOURS.start,
  quietEnd: DEFAULT_QUIET_HOURS.end,
  version: 1,
};

function toSettings(row: SettingsRow): TNotificationSettings {
  return {
    language: ZLocale.catch('zh-CN').parse(row.language),
    digest: ZDigestFrequency.catch('OFF').parse(row.digest),
    quietHours: {
      enabled: row.quietHoursEnabled,
      start: minutesToClock(row.quietStart),
      end: minutesToClock(row.quietEnd),
    },
    version: row.version,
  };
}

const SETTINGS_SELECT = {
  language: true,
  digest: true,
  quietHoursEnabled: true,
  quietStart: true,
  quietEnd: true,
  version: true,
} satisfies Prisma.NotificationSettingsSelect;

export async function getSettings(
  prisma: PrismaClient,
  actor: Actor,
): Promise<TNotificationSettings> {
  const userId = ownUserId(actor);
  const row = userId
    ? await prisma.notificationSettings.findUnique({ where: { userId }, select: SETTINGS_SELECT })
    : null;
  return toSettings(row ?? DEFAULT_SETTINGS);
}

/** Language and quiet hours, based on the version the form showed (stale is a conflict). */
export async function setSettings(
  deps: { prisma: PrismaClient; audit: AuditWriter; actor: Actor },
  raw: TUpdateNotificationSettingsInput,
): Promise<TNotificationSettings> {
  const input = ZUpdateNotificationSettingsInput.parse(raw);
  const userId = requireUser(deps.actor);
  const data = {
    language: input.language,
    quietHoursEnabled: input.quietHours.enabled,
    quietStart: clockToMinutes(input.quietHours.start),
    quietEnd: clockToMinutes(input.quietHours.end),
    ...(input.digest ? { digest: input.digest } : {}),
  };
  return deps.prisma.$transaction(async (tx) => {
    const current = await tx.notificationSettings.findUnique({
      where: { userId },
      select: SETTINGS_SELECT,
    });
    const before = current ?? DEFAULT_SETTINGS;
    if (before.version !== input.expectedVersion) {
      throw new UnionhallError('VERSION_CONFLICT', 'notification settings changed meanwhile');
    }
    if (current) {
      const updated = await tx.notificationSettings.updateMany({
        where: { userId, version: input.expectedVersion },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0)
        throw new UnionhallError('VERSION_CONFLICT', 'notification settings changed meanwhile');
    } else {
      // Two first saves at once: the second insert hits the primary key, a CONFLICT.
      await tx.notificationSettings.create({
        data: { userId, ...data, version: input.expectedVersion + 1 },
      });
    }
    const after = await tx.notificationSettings.findUniqueOrThrow({
      where: { userId },
      select: SETTINGS_SELECT,
    });
    await deps.audit(tx, {
      action: 'notification.settings.set',
      outcome: 'SUCCESS',
      targetType: 'NotificationSettings',
      targetId: userId,
      changes: {
        language: { before: before.language, after: after.language },
        digest: { before: before.digest, after: after.digest },
        quietHours: {
          before: toSettings(before).quietHours,
          after: toSettings(after).quietHours,
        },
      },
    });
    return toSettings(after);
  });
}

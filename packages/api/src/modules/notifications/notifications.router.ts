import {
  ZMarkNotificationsReadInput,
  ZNotificationListInput,
  ZNotificationPage,
  ZNotificationPreference,
  ZNotificationSettings,
  ZSetNotificationPreferencesInput,
  ZUpdateNotificationSettingsInput,
} from '@unionhall/domain';
import { z } from 'zod';
import { serviceDeps } from '../../audit';
import { memberProcedure, officerSelfProcedure, router } from '../../trpc';
import {
  getPreferences,
  getSettings,
  listNotifications,
  markRead,
  setPreferences,
  setSettings,
  unreadCount,
} from './notifications.service';

const ZUnreadCount = z.object({ count: z.number().int().nonnegative() });
const ZMarkReadResult = z.object({ updated: z.number().int().nonnegative() });

/** The signed-in member's notification centre, channel preferences and settings. */
export const memberNotificationsRouter = router({
  list: memberProcedure
    .input(ZNotificationListInput)
    .output(ZNotificationPage)
    .query(({ ctx, input }) => listNotifications(ctx.db.prisma, ctx.actor, ctx.locale, input)),
  unreadCount: memberProcedure
    .output(ZUnreadCount)
    .query(async ({ ctx }) => ({ count: await unreadCount(ctx.db.prisma, ctx.actor) })),
  markRead: memberProcedure
    .input(ZMarkNotificationsReadInput)
    .output(ZMarkReadResult)
    .mutation(({ ctx, input }) => markRead(ctx.db.prisma, ctx.actor, input)),
  preferences: router({
    get: memberProcedure
      .output(z.array(ZNotificationPreference))
      .query(({ ctx }) => getPreferences(ctx.db.prisma, ctx.actor)),
    set: memberProcedure
      .input(ZSetNotificationPreferencesInput)
      .output(z.array(ZNotificationPreference))
      .mutation(({ ctx, input }) =>
        setPreferences({ ...serviceDeps(ctx), actor: ctx.actor }, input),
      ),
  }),
  settings: router({
    get: memberProcedure
      .output(ZNotificationSettings)
      .query(({ ctx }) => getSettings(ctx.db.prisma, ctx.actor)),
    set: memberProcedure
      .input(ZUpdateNotificationSettingsInput)
      .output(ZNotificationSettings)
      .mutation(({ ctx, input }) => setSettings({ ...serviceDeps(ctx), actor: ctx.actor }, input)),
  }),
});

/** An officer's own notifications (decisions due, cases assigned…), in the console. */
export const officerNotificationsRouter = router({
  list: officerSelfProcedure
    .input(ZNotificationListInput)
    .output(ZNotificationPage)
    .query(({ ctx, input }) => listNotifications(ctx.db.prisma, ctx.actor, ctx.locale, input)),
  unreadCount: officerSelfProcedure
    .output(ZUnreadCount)
    .query(async ({ ctx }) => ({ count: await unreadCount(ctx.db.prisma, ctx.actor) })),
  markRead: officerSelfProcedure
    .input(ZMarkNotificationsReadInput)
    .output(ZMarkReadResult)
    .mutation(({ ctx, input }) => markRead(ctx.db.prisma, ctx.actor, input)),
  // The same preferences and settings as members': officers are told of cases, deadlines and
  // decisions, and choose how.
  preferences: router({
    get: officerSelfProcedure
      .output(z.array(ZNotificationPreference))
      .query(({ ctx }) => getPreferences(ctx.db.prisma, ctx.actor)),
    set: officerSelfProcedure
      .input(ZSetNotificationPreferencesInput)
      .output(z.array(ZNotificationPreference))
      .mutation(({ ctx, input }) =>
        setPreferences({ ...serviceDeps(ctx), actor: ctx.actor }, input),
      ),
  }),
  settings: router({
    get: officerSelfProcedure
      .output(ZNotificationSettings)
      .query(({ ctx }) => getSettings(ctx.db.prisma, ctx.actor)),
    set: officerSelfProcedure
      .input(ZUpdateNotificationSettingsInput)
      .output(ZNotificationSettings)
      .mutation(({ ctx, input }) => setSettings({ ...serviceDeps(ctx), actor: ctx.actor }, input)),
  }),
});

import { randomUUID } from 'node:crypto';
import type { Database } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { BEIJING_UTC_OFFSET_MINUTES, minutesToClock } from '@unionhall/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../context';
import {
  callerFor,
  TEST_PUBLIC_URL,
  testChannelsFor,
  testJobsFor,
  testUnsubscribeTokens,
} from '../testing/harness';
import { deliverNotification } from './delivery';
import { notify, type NotifyInput } from './notify';
import { unsubscribeByToken } from './unsubscribe';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/** Lets time pass for events waiting for a backoff or for the end of quiet hours. */
async function makeDue(db: Database) {
  await db.prisma.outboxEvent.updateMany({
    where: { status: 'pending' },
    data: { availableAt: new Date(Date.now() - 1000) },
  });
}

let counter = 0;

describe.each(testDatabaseTargets())('notifications on %s', (target) => {
  let db: TestDb;
  const channels = () => testChannelsFor(db);
  const jobs = () => testJobsFor(db);

  beforeAll(async () => {
    db = await createTestDatabase(target);
  });
  afterAll(async () => {
    await db.dispose();
  });
  beforeEach(async () => {
    // Whatever earlier cases left waiting (a deferral, a backoff) stays out of this one.
    await db.prisma.outboxEvent.deleteMany({ where: { status: 'pending' } });
    channels().clear();
  });

  /** A member with an email, a mobile number and, optionally, a browser subscribed to push. */
  async function person(
    options: { kind?: 'MEMBER' | 'OFFICER'; push?: boolean; phone?: boolean } = {},
  ) {
    const n = ++counter;
    const user = await db.prisma.authUser.create({
      data: {
        email: `person${n}@example.org`,
        name: `Person ${n}`,
        kind: options.kind ?? 'MEMBER',
        phoneNumber: options.phone === false ? null : `+86139${String(n).padStart(8, '0')}`,
      },
    });
    const endpoint = `https://push.example.net/send/${n}`;
    if (options.push !== false) {
      await db.prisma.pushSubscription.create({
        data: { userId: user.id, endpoint, p256dh: 'p256dh-key', auth: 'auth-secret' },
      });
    }
    const actor: Actor = {
      type: options.kind ?? 'MEMBER',
      id: user.id,
      // Officers act with a role; which one does not matter to their own notifications.
      grants:
        options.kind === 'OFFICER' ? [{ permissions: ['member.read'], orgUnitPath: '/x/' }] : [],
    };
    return { id: user.id, email: user.email, phone: user.phoneNumber, endpoint, actor };
  }

  /** No quiet period now, whenever the suite runs. */
  async function noQuietHours(actor: Actor) {
    const caller = callerFor(db, { actor });
    const settings = await caller.member.notifications.settings.get();
    await caller.member.notifications.settings.set({
      language: settings.language,
      quietHours: { ...settings.quietHours, enabled: false },
      expectedVersion: settings.version,
    });
  }

  function tell(
    userId: string,
    overrides: Partial<NotifyInput<'membership.application.rejected'>> = {},
  ) {
    return db.prisma.$transaction((tx) =>
      notify(tx, {
        userId,
        category: 'my_requests',
        template: 'membership.application.rejected',
        params: { unitName: '滨江大学工会', reason: '材料不全' },
        link: '/account',
        key: randomUUID(),
        ...overrides,
      }),
    );
  }

  const deliveries = (notificationId: string) =>
    db.prisma.notificationDelivery
      .findMany({ where: { notificationId }, orderBy: { channel: 'asc' } })
      .then((rows) => Object.fromEntries(rows.map((row) => [row.channel, row])));

  it('writes the in-app notification in the caller’s transaction, once per key', async () => {
    const someone = await person();
    const key = `test:${randomUUID()}`;
    await expect(
      db.prisma.$transaction(async (tx) => {
        await notify(tx, {
          userId: someone.id,
          category: 'my_requests',
          template: 'membership.application.rejected',
          params: { unitName: '工会', reason: 'x' },
          key,
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.prisma.notification.count({ where: { userId: someone.id } })).toBe(0);

    const first = await tell(someone.id, { key });
    const again = await tell(someone.id, { key });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await db.prisma.notification.count({ where: { userId: someone.id } })).toBe(1);
    expect(
      await db.prisma.outboxEvent.count({
        where: {
          type: 'notification.created',
          payload: { path: ['notificationId'], equals: first.id },
        },
      }),
    ).toBe(1);

    // Visible at once, before any background work ran.
    const caller = callerFor(db, { actor: someone.actor, locale: 'zh-CN' });
    const page = await caller.member.notifications.list({});
    expect(page.items).toEqual([
      expect.objectContaining({
        id: first.id,
        category: 'my_requests',
        title: '入会申请未通过',
        body: expect.stringContaining('材料不全'),
        link: '/account',
        readAt: null,
      }),
    ]);
  });

  it('refuses params that do not fit the template and links to other sites', async () => {
    const someone = await person();
    await expect(
      db.prisma.$transaction((tx) =>
        notify(tx, {
          userId: someone.id,
          category: 'account',
          template: 'membership.application.approved',
          // @ts-expect-error: the template needs a member number.
          params: { unitName: '工会' },
          key: randomUUID(),
        }),
      ),
    ).rejects.toThrow();
    await expect(tell(someone.id, { link: '//evil.example/' })).rejects.toThrow();
  });

  it('delivers on push, email and SMS once, however often the work runs', async () => {
    const someone = await person();
    await noQuietHours(someone.actor);
    const { id } = await tell(someone.id);
    await jobs().drain();
    await jobs().drain();

    expect(channels().sent.map((entry) => [entry.channel, entry.to])).toEqual([
      ['push', someone.endpoint],
      ['email', someone.email],
      ['sms', someone.phone],
    ]);
    const rows = await deliveries(id);
    expect(Object.values(rows).map((row) => [row.channel, row.status, row.attempts])).toEqual([
      ['email', 'sent', 1],
      ['push', 'sent', 1],
      ['sms', 'sent', 1],
    ]);

    const email = channels().sent.find((entry) => entry.channel === 'email');
    if (email?.channel !== 'email') throw new Error('no email');
    // The recipient's language: zh-CN by default.
    expect(email.message.subject).toBe('入会申请未通过');
    expect(email.message.text).toContain('材料不全');
    expect(email.message.text).toContain(`${TEST_PUBLIC_URL}/account`);
    expect(email.message.html).toContain('<!doctype html>');
    expect(email.message.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(email.message.headers?.['List-Unsubscribe']).toMatch(
      /^<http:\/\/localhost\/api\/notifications\/unsubscribe\?token=[\w-]+\.[\w-]+>$/,
    );
    const push = channels().sent.find((entry) => entry.channel === 'push');
    if (push?.channel !== 'push') throw new Error('no push');
    expect(JSON.parse(push.message.payload)).toEqual({
      id,
      title: '入会申请未通过',
      body: expect.stringContaining('材料不全'),
      url: `${TEST_PUBLIC_URL}/account`,
    });
  });

  it('escapes what senders put in HTML email, and sends account email without unsubscribe', async () => {
    const someone = await person({ push: false, phone: false });
    await noQuietHours(someone.actor);
    await tell(someone.id, {
      category: 'account',
      params: { unitName: '<b>工会</b>', reason: '<script>alert(1)</script>' },
    });
    await jobs().drain();
    const [email] = channels().sent;
    if (email?.channel !== 'email') throw new Error('no email');
    expect(email.message.html).not.toContain('<script>');
    expect(email.message.html).toContain('&lt;script&gt;');
    expect(email.message.headers).toBeUndefined();
  });

  it('retries only the channel that failed', async () => {
    const someone = await person();
    await noQuietHours(someone.actor);
    channels().failNext('sms', 1);
    const { id } = await tell(someone.id);
    await jobs().drain();
    expect(channels().sent.map((entry) => entry.channel)).toEqual(['push', 'email']);
    const failed = await deliveries(id);
    expect(failed.sms).toMatchObject({
      status: 'failed',
      reason: 'provider_error',
      detail: expect.stringContaining('sms provider unavailable'),
    });
    const event = await db.prisma.outboxEvent.findFirstOrThrow({
      where: { type: 'notification.created', payload: { path: ['notificationId'], equals: id } },
    });
    expect(event.status).toBe('pending');
    expect(event.lastError).toContain('notification.deliver');

    await makeDue(db);
    await jobs().drain();
    expect(channels().sent.map((entry) => entry.channel)).toEqual(['push', 'email', 'sms']);
    const after = await deliveries(id);
    expect(after.sms).toMatchObject({ status: 'sent', attempts: 2, detail: null });
    expect(after.email).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('honours preferences and records why a channel was skipped', async () => {
    const someone = await person({ phone: false });
    await noQuietHours(someone.actor);
    const caller = callerFor(db, { actor: someone.actor });
    await caller.member.notifications.preferences.set({
      changes: [{ category: 'my_requests', channel: 'push', enabled: false }],
    });
    const { id } = await tell(someone.id);
    // union_news sends no email by default.
    const news = await tell(someone.id, { category: 'union_news' });
    await jobs().drain();
    // The two notifications may be delivered in either order.
    expect(
      channels()
        .sent.map((entry) => [entry.channel, entry.to])
        .sort(),
    ).toEqual([
      ['email', someone.email],
      ['push', someone.endpoint],
    ]);
    const rows = await deliveries(id);
    expect(rows.push).toMatchObject({ status: 'skipped', reason: 'preference_off' });
    expect(rows.sms).toMatchObject({ status: 'skipped', reason: 'no_address' });
    expect((await deliveries(news.id)).email).toMatchObject({
      status: 'skipped',
      reason: 'preference_off',
    });
  });

  it('holds push and SMS during quiet hours, sends email at once, and sends the rest after', async () => {
    const someone = await person();
    const caller = callerFor(db, { actor: someone.actor });
    // A quiet period around the present moment, whenever the suite runs.
    const nowMinutes = Math.floor(Date.now() / 60_000) + BEIJING_UTC_OFFSET_MINUTES;
    const settings = await caller.member.notifications.settings.get();
    await caller.member.notifications.settings.set({
      language: 'en',
      quietHours: {
        enabled: true,
        start: minutesToClock(nowMinutes - 60),
        end: minutesToClock(nowMinutes + 60),
      },
      expectedVersion: settings.version,
    });
    const { id } = await tell(someone.id);
    await jobs().drain();
    expect(channels().sent.map((entry) => entry.channel)).toEqual(['email']);
    const held = await deliveries(id);
    expect(held.push).toMatchObject({ status: 'deferred', reason: 'quiet_hours' });
    expect(held.sms).toMatchObject({ status: 'deferred', reason: 'quiet_hours' });
    const until = held.sms?.deferredUntil;
    if (!until) throw new Error('no deferral time');
    expect(until.getTime()).toBeGreaterThan(Date.now());
    // One wake-up call, at the end of the quiet period, for both channels.
    const due = await db.prisma.outboxEvent.findMany({
      where: { type: 'notification.due', payload: { path: ['notificationId'], equals: id } },
    });
    expect(due).toHaveLength(1);
    expect(due[0]?.availableAt).toEqual(until);

    // Still quiet: draining again sends nothing.
    await jobs().drain();
    expect(channels().sent).toHaveLength(1);

    // At the end of the quiet period the held channels go out, in English as chosen.
    await deliverNotification(
      {
        prisma: db.prisma,
        channels: channels().channels,
        publicUrl: TEST_PUBLIC_URL,
        unsubscribeTokens: testUnsubscribeTokens(),
      },
      id,
      until,
    );
    expect(channels().sent.map((entry) => entry.channel)).toEqual(['email', 'push', 'sms']);
    const sms = channels().sent.at(-1);
    if (sms?.channel !== 'sms') throw new Error('no sms');
    expect(sms.message.text).toMatch(/^Your application to join was not approved: /);
    // The wake-up event itself then finds nothing left to send.
    await db.prisma.outboxEvent.updateMany({
      where: { id: due[0]?.id },
      data: { availableAt: new Date(Date.now() - 1000) },
    });
    await jobs().drain();
    expect(channels().sent).toHaveLength(3);
    expect(Object.values(await deliveries(id)).map((row) => row.status)).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
  });

  it('sends held messages through the runner once quiet hours are switched off', async () => {
    const someone = await person();
    const caller = callerFor(db, { actor: someone.actor });
    const nowMinutes = Math.floor(Date.now() / 60_000) + BEIJING_UTC_OFFSET_MINUTES;
    await caller.member.notifications.settings.set({
      language: 'zh-CN',
      quietHours: {
        enabled: true,
        start: minutesToClock(nowMinutes - 30),
        end: minutesToClock(nowMinutes + 30),
      },
      expectedVersion: 1,
    });
    const { id } = await tell(someone.id);
    await jobs().drain();
    expect((await deliveries(id)).push?.status).toBe('deferred');
    await noQuietHours(someone.actor);
    await makeDue(db);
    await jobs().drain();
    expect(Object.values(await deliveries(id)).map((row) => row.status)).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
    expect(channels().sent).toHaveLength(3);
  });

  it('deletes push subscriptions the push service calls gone', async () => {
    const someone = await person({ phone: false });
    await noQuietHours(someone.actor);
    channels().gone.add(someone.endpoint);
    const { id } = await tell(someone.id);
    await jobs().drain();
    expect((await deliveries(id)).push).toMatchObject({ status: 'skipped', reason: 'gone' });
    expect(await db.prisma.pushSubscription.count({ where: { userId: someone.id } })).toBe(0);
  });

  it('sends nothing to a disabled account', async () => {
    const someone = await person();
    await db.prisma.authUser.update({
      where: { id: someone.id },
      data: { disabledAt: new Date() },
    });
    const { id } = await tell(someone.id);
    await jobs().drain();
    expect(channels().sent).toEqual([]);
    expect(Object.values(await deliveries(id)).map((row) => row.reason)).toEqual([
      'account_disabled',
      'account_disabled',
      'account_disabled',
    ]);
  });

  describe('one-click unsubscribe', () => {
    const tokens = testUnsubscribeTokens();

    it('turns the category’s email off, once, with an audit row', async () => {
      const someone = await person();
      const token = tokens.sign({ userId: someone.id, category: 'my_requests' });
      expect(await unsubscribeByToken(db.prisma, tokens, token, 'req-1')).toEqual({
        status: 'unsubscribed',
        category: 'my_requests',
      });
      // Used again (a mail provider retrying, a second click): nothing changes.
      expect(await unsubscribeByToken(db.prisma, tokens, token, 'req-2')).toEqual({
        status: 'unchanged',
        category: 'my_requests',
      });
      const prefs = await callerFor(db, {
        actor: someone.actor,
      }).member.notifications.preferences.get();
      expect(
        prefs.find((cell) => cell.category === 'my_requests' && cell.channel === 'email'),
      ).toMatchObject({ enabled: false });
      expect(
        await db.prisma.auditEvent.count({
          where: { action: 'notification.unsubscribe', actorId: someone.id },
        }),
      ).toBe(1);
    });

    it('refuses a tampered or foreign token, and tokens for the account’s email', async () => {
      const someone = await person();
      const other = await person();
      const token = tokens.sign({ userId: someone.id, category: 'events' });
      const [payload, signature] = token.split('.');
      const forged = Buffer.from(
        JSON.stringify([1, other.id, 'events', Math.floor(Date.now() / 1000)]),
      ).toString('base64url');
      for (const bad of [
        `${forged}.${signature}`,
        `${payload}.${signature?.slice(0, -2)}AA`,
        `${payload}`,
        'garbage',
        tokens.sign({ userId: someone.id, category: 'account' }),
      ]) {
        expect(await unsubscribeByToken(db.prisma, tokens, bad, 'req'), bad).toEqual({
          status: 'invalid',
        });
      }
      expect(await db.prisma.notificationPreference.count({ where: { userId: other.id } })).toBe(0);
    });

    it('does not undo a later choice: an old link after email was switched back on', async () => {
      const someone = await person();
      const token = tokens.sign(
        { userId: someone.id, category: 'votes' },
        new Date(Date.now() - 60_000),
      );
      await callerFor(db, { actor: someone.actor }).member.notifications.preferences.set({
        changes: [{ category: 'votes', channel: 'email', enabled: true }],
      });
      expect(await unsubscribeByToken(db.prisma, tokens, token, 'req')).toEqual({
        status: 'superseded',
        category: 'votes',
      });
      const cell = await db.prisma.notificationPreference.findUniqueOrThrow({
        where: {
          userId_category_channel: { userId: someone.id, category: 'votes', channel: 'email' },
        },
      });
      expect(cell.enabled).toBe(true);
    });
  });

  describe('the notification centre', () => {
    it('pages newest first, counts unread, and marks read only the caller’s own', async () => {
      const someone = await person();
      const other = await person();
      const ids: string[] = [];
      for (let index = 0; index < 5; index++) ids.push((await tell(someone.id)).id);
      const theirs = await tell(other.id);
      const caller = callerFor(db, { actor: someone.actor, locale: 'en' });

      const first = await caller.member.notifications.list({ limit: 3 });
      expect(first.items).toHaveLength(3);
      expect(first.items[0]?.title).toBe('Your application to join was not approved');
      const second = await caller.member.notifications.list({
        limit: 3,
        cursor: first.nextCursor ?? '',
      });
      expect(second.nextCursor).toBeNull();
      const listed = [...first.items, ...second.items].map((item) => item.id);
      expect(new Set(listed)).toEqual(new Set(ids));
      expect(listed).not.toContain(theirs.id);
      await expect(
        caller.member.notifications.list({ cursor: 'not-a-cursor' }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

      expect(await caller.member.notifications.unreadCount()).toEqual({ count: 5 });
      expect(
        await caller.member.notifications.markRead({ ids: [ids[0] ?? '', theirs.id] }),
      ).toEqual({ updated: 1 });
      expect(await caller.member.notifications.unreadCount()).toEqual({ count: 4 });
      expect((await caller.member.notifications.list({ unreadOnly: true })).items).toHaveLength(4);
      expect(await caller.member.notifications.markRead({ all: true })).toEqual({ updated: 4 });
      expect(await caller.member.notifications.unreadCount()).toEqual({ count: 0 });
      const untouched = await db.prisma.notification.findUniqueOrThrow({
        where: { id: theirs.id },
      });
      expect(untouched.readAt).toBeNull();
    });

    it('gives officers their own notifications', async () => {
      const officer = await person({ kind: 'OFFICER' });
      await tell(officer.id, { link: '/admin/members' });
      const caller = callerFor(db, { actor: officer.actor });
      expect(await caller.officer.notifications.unreadCount()).toEqual({ count: 1 });
      const page = await caller.officer.notifications.list({});
      expect(page.items[0]?.link).toBe('/admin/members');
      expect(await caller.officer.notifications.markRead({ all: true })).toEqual({ updated: 1 });
    });

    it('keeps preferences to the unlocked cells and settings to their version', async () => {
      const someone = await person();
      const caller = callerFor(db, { actor: someone.actor });
      const matrix = await caller.member.notifications.preferences.get();
      expect(matrix).toHaveLength(24);
      await expect(
        caller.member.notifications.preferences.set({
          changes: [{ category: 'account', channel: 'email', enabled: false }],
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const after = await caller.member.notifications.preferences.set({
        changes: [
          { category: 'events', channel: 'email', enabled: true },
          { category: 'events', channel: 'sms', enabled: false },
        ],
      });
      expect(
        after.find((cell) => cell.category === 'events' && cell.channel === 'email'),
      ).toMatchObject({ enabled: true, locked: false });
      const audit = await db.prisma.auditEvent.findFirstOrThrow({
        where: { action: 'notification.preferences.set', actorId: someone.id },
      });
      // Only the cell that changed (SMS for events was already off).
      expect(audit.changes).toEqual({ 'events.email': { before: false, after: true } });

      const settings = await caller.member.notifications.settings.get();
      expect(settings).toEqual({
        language: 'zh-CN',
        digest: 'OFF',
        quietHours: { enabled: true, start: '22:00', end: '08:00' },
        version: 1,
      });
      const saved = await caller.member.notifications.settings.set({
        language: 'en',
        quietHours: { enabled: true, start: '23:00', end: '07:30' },
        expectedVersion: 1,
      });
      // Left out, the digest stays as it was.
      expect(saved).toEqual({
        language: 'en',
        digest: 'OFF',
        quietHours: { enabled: true, start: '23:00', end: '07:30' },
        version: 2,
      });
      await expect(
        caller.member.notifications.settings.set({
          language: 'zh-CN',
          quietHours: { enabled: false, start: '23:00', end: '07:30' },
          expectedVersion: 1,
        }),
      ).rejects.toMatchObject({ appCode: 'VERSION_CONFLICT' });
    });
  });

  it('gives officers the same preferences and settings, their own, in the console', async () => {
    const officer = await person({ kind: 'OFFICER' });
    const caller = callerFor(db, { actor: officer.actor });
    const before = await caller.officer.notifications.settings.get();
    expect(before).toMatchObject({ digest: 'OFF', version: 1 });
    const saved = await caller.officer.notifications.settings.set({
      language: 'en',
      quietHours: { enabled: false, start: '22:00', end: '08:00' },
      digest: 'DAILY',
      expectedVersion: before.version,
    });
    expect(saved).toMatchObject({ language: 'en', digest: 'DAILY', version: 2 });
    const matrix = await caller.officer.notifications.preferences.set({
      changes: [{ category: 'my_requests', channel: 'sms', enabled: false }],
    });
    expect(
      matrix.find((cell) => cell.category === 'my_requests' && cell.channel === 'sms'),
    ).toMatchObject({ enabled: false });

    // Told something about a case, the officer is not sent the SMS they switched off.
    await tell(officer.id, { category: 'my_requests' });
    await jobs().drain();
    expect(channels().sentTo(officer.phone ?? '')).toEqual([]);
    expect(
      channels()
        .sent.map((entry) => entry.channel)
        .sort(),
    ).toEqual(['email', 'push']);
    const email = channels().sent.find((entry) => entry.channel === 'email');
    if (email?.channel !== 'email') throw new Error('no email');
    expect(email.message.text).toContain(`${TEST_PUBLIC_URL}/admin/notifications/settings`);
  });
});

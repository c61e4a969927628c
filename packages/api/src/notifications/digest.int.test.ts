import { randomUUID } from 'node:crypto';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../context';
import {
  callerFor,
  TEST_PUBLIC_URL,
  testChannelsFor,
  testUnsubscribeTokens,
} from '../testing/harness';
import { DIGEST_ITEMS, sendDigests } from './digest';
import { notify } from './notify';
import { unsubscribeByToken } from './unsubscribe';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

let counter = 0;

describe.each(testDatabaseTargets())('email digests on %s', (target) => {
  let db: TestDb;
  const channels = () => testChannelsFor(db);
  const deps = () => ({
    prisma: db.prisma,
    channels: channels().channels,
    publicUrl: TEST_PUBLIC_URL,
    unsubscribeTokens: testUnsubscribeTokens(),
  });

  beforeAll(async () => {
    db = await createTestDatabase(target);
  });
  afterAll(async () => {
    await db.dispose();
  });
  beforeEach(async () => {
    // Each case looks at its own people: others' digests are switched off.
    await db.prisma.notificationSettings.updateMany({ data: { digest: 'OFF' } });
    channels().clear();
  });

  /** A member who chose a digest (and its language). */
  async function reader(digest: 'DAILY' | 'WEEKLY', language: 'zh-CN' | 'en' = 'en') {
    const n = ++counter;
    const user = await db.prisma.authUser.create({
      data: { email: `digest${n}@example.org`, name: `Reader ${n}`, kind: 'MEMBER' },
    });
    const actor: Actor = { type: 'MEMBER', id: user.id, grants: [] };
    const caller = callerFor(db, { actor });
    const settings = await caller.member.notifications.settings.get();
    expect(settings.digest).toBe('OFF');
    const saved = await caller.member.notifications.settings.set({
      language,
      quietHours: settings.quietHours,
      digest,
      expectedVersion: settings.version,
    });
    expect(saved.digest).toBe(digest);
    return { id: user.id, email: user.email, caller };
  }

  /** A notification written at `at` (its createdAt), about union news. */
  async function told(userId: string, at: Date, title: string) {
    const { id } = await db.prisma.$transaction((tx) =>
      notify(tx, {
        userId,
        category: 'union_news',
        template: 'announcement.published',
        params: { title, unitName: '滨江市总工会' },
        link: `/news/${randomUUID()}`,
        key: randomUUID(),
      }),
    );
    await db.prisma.notification.update({ where: { id }, data: { createdAt: at } });
    return id;
  }

  const hoursAgo = (firedAt: Date, hours: number) => new Date(firedAt.getTime() - hours * 3600_000);
  const digestsTo = (to: string) =>
    channels().sent.filter((entry) => entry.channel === 'email' && entry.to === to);

  it('sends what is unread from the last day, once per slot, and nothing when all is read', async () => {
    const firedAt = new Date('2026-11-24T00:00:00Z'); // 08:00 Beijing time
    const daily = await reader('DAILY');
    const quiet = await reader('DAILY');
    await told(daily.id, hoursAgo(firedAt, 30), 'Too old for this digest');
    await told(daily.id, hoursAgo(firedAt, 5), 'Sports day');
    const read = await told(daily.id, hoursAgo(firedAt, 4), 'Already read');
    await told(daily.id, hoursAgo(firedAt, 2), 'New canteen prices');
    await told(daily.id, hoursAgo(firedAt, -1), 'After the slot');
    await daily.caller.member.notifications.markRead({ ids: [read] });
    await told(quiet.id, hoursAgo(firedAt, 3), 'Read at once');
    await db.prisma.notification.updateMany({
      where: { userId: quiet.id },
      data: { readAt: new Date() },
    });

    expect(await sendDigests(deps(), 'DAILY', firedAt)).toEqual({ sent: 1, skipped: 1 });
    const [digest, ...others] = digestsTo(daily.email);
    expect(others).toEqual([]);
    if (digest?.channel !== 'email') throw new Error('no digest');
    expect(digest.message.subject).toBe('Your daily summary: 2 unread notifications');
    // Newest first, with links; what was read, too old or too new is not in it.
    const text = digest.message.text;
    expect(text.indexOf('New canteen prices')).toBeGreaterThan(-1);
    expect(text.indexOf('Sports day')).toBeGreaterThan(text.indexOf('New canteen prices'));
    expect(text).not.toContain('Already read');
    expect(text).not.toContain('Too old');
    expect(text).not.toContain('After the slot');
    expect(text).toContain(`${TEST_PUBLIC_URL}/news/`);
    expect(text).toContain(`${TEST_PUBLIC_URL}/notifications`);
    expect(digest.message.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(digestsTo(quiet.email)).toEqual([]);

    // The same slot again (a retry, a second runner) sends nothing more.
    expect(await sendDigests(deps(), 'DAILY', firedAt)).toEqual({ sent: 0, skipped: 0 });
    expect(digestsTo(daily.email)).toHaveLength(1);

    // The next day's digest starts where this one ended.
    const nextDay = new Date(firedAt.getTime() + 24 * 3600_000);
    await sendDigests(deps(), 'DAILY', nextDay);
    const [, second] = digestsTo(daily.email);
    if (second?.channel !== 'email') throw new Error('no second digest');
    expect(second.message.subject).toBe('Your daily summary: 1 unread notification');
    expect(second.message.text).toContain('After the slot');
    expect(second.message.text).not.toContain('Sports day');
  });

  it('lists the newest and counts the rest; weekly digests look back a week, in Chinese', async () => {
    const firedAt = new Date('2026-11-30T00:00:00Z'); // a Monday, 08:00 Beijing time
    const weekly = await reader('WEEKLY', 'zh-CN');
    const daily = await reader('DAILY');
    for (let i = 0; i < DIGEST_ITEMS + 2; i++) {
      await told(weekly.id, hoursAgo(firedAt, 24 * 6 - i), `第${i + 1}条`);
    }
    await told(daily.id, hoursAgo(firedAt, 1), 'Only for the daily run');

    await sendDigests(deps(), 'WEEKLY', firedAt);
    expect(digestsTo(daily.email)).toEqual([]);
    const [digest] = digestsTo(weekly.email);
    if (digest?.channel !== 'email') throw new Error('no digest');
    expect(digest.message.subject).toBe(`每周摘要：您有 ${DIGEST_ITEMS + 2} 条未读通知`);
    expect(digest.message.text).toContain(`第${DIGEST_ITEMS + 2}条`);
    expect(digest.message.text).not.toMatch(/：第1条\n/);
    expect(digest.message.text).not.toMatch(/：第2条\n/);
    expect(digest.message.text).toMatch(/：第3条\n/);
    expect(digest.message.text).toContain('另有 2 条未读通知。');
  });

  it('keeps going past a failed email, and the retry sends only the one left', async () => {
    const firedAt = new Date('2026-12-01T00:00:00Z');
    const first = await reader('DAILY');
    const second = await reader('DAILY');
    await told(first.id, hoursAgo(firedAt, 1), 'One');
    await told(second.id, hoursAgo(firedAt, 1), 'Two');
    channels().failNext('email', 1);

    await expect(sendDigests(deps(), 'DAILY', firedAt)).rejects.toThrow(/digest not sent to 1/);
    expect(digestsTo(first.email).length + digestsTo(second.email).length).toBe(1);
    await sendDigests(deps(), 'DAILY', firedAt);
    expect(digestsTo(first.email)).toHaveLength(1);
    expect(digestsTo(second.email)).toHaveLength(1);
  });

  it('stops with the one-click link in the digest, and says so when used again', async () => {
    const firedAt = new Date('2026-12-02T00:00:00Z');
    const someone = await reader('DAILY');
    await told(someone.id, hoursAgo(firedAt, 1), 'Something');
    await sendDigests(deps(), 'DAILY', firedAt);
    const [digest] = digestsTo(someone.email);
    if (digest?.channel !== 'email') throw new Error('no digest');
    const token = /token=([\w.-]+)/.exec(digest.message.headers?.['List-Unsubscribe'] ?? '')?.[1];
    if (!token) throw new Error('no unsubscribe token');

    const tokens = testUnsubscribeTokens();
    expect(await unsubscribeByToken(db.prisma, tokens, token, 'r1')).toEqual({
      status: 'unsubscribed',
      category: 'digest',
    });
    expect((await someone.caller.member.notifications.settings.get()).digest).toBe('OFF');
    expect(await unsubscribeByToken(db.prisma, tokens, token, 'r2')).toEqual({
      status: 'unchanged',
      category: 'digest',
    });
    const audit = await db.prisma.auditEvent.findMany({
      where: { action: 'notification.unsubscribe', actorId: someone.id },
    });
    expect(audit).toHaveLength(1);

    await told(someone.id, hoursAgo(firedAt, -2), 'After unsubscribing');
    channels().clear();
    await sendDigests(deps(), 'DAILY', new Date(firedAt.getTime() + 24 * 3600_000));
    expect(digestsTo(someone.email)).toEqual([]);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember } from '../../auth/identities';
import type { Actor } from '../../context';
import { callerFor, testAuthFor, testVapidKeys } from '../../testing/harness';
import { forgetPushSubscription, pushDelivered, pushSubscriptionsOf } from './push.service';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/** What `PushSubscription.toJSON()` gives in a browser: an endpoint and fresh keys. */
function browserSubscription(device = randomUUID()) {
  return {
    endpoint: `https://fcm.googleapis.com/fcm/send/${device}`,
    keys: {
      p256dh: Buffer.concat([Buffer.from([4]), randomBytes(64)]).toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
  };
}

describe.each(testDatabaseTargets())('web push subscriptions on %s', (target) => {
  let db: TestDb;

  beforeAll(async () => {
    db = await createTestDatabase(target);
  });
  afterAll(async () => {
    await db.dispose();
  });

  async function member(name: string) {
    const user = await createMember(testAuthFor(db).auth, {
      email: `${randomUUID()}@example.org`,
      name,
    });
    const actor: Actor = { type: 'MEMBER', id: user.id, grants: [] };
    return { userId: user.id, caller: callerFor(db, { actor }) };
  }

  const rows = (endpoint: string) => db.prisma.pushSubscription.findMany({ where: { endpoint } });
  const auditRows = (action: string) =>
    db.prisma.auditEvent.findMany({ where: { action }, orderBy: { seq: 'asc' } });

  it('hands out the VAPID public key browsers subscribe with', async () => {
    const { caller } = await member('王芳');
    expect(await caller.member.push.publicKey()).toEqual({
      publicKey: testVapidKeys().publicKey,
    });
  });

  it('subscribes a device once per endpoint, updating its keys, and several devices per member', async () => {
    const { userId, caller } = await member('李娜');
    const phone = browserSubscription();
    const auditsBefore = (await auditRows('push.subscribe')).length;

    await caller.member.push.subscribe({ ...phone, userAgent: 'Mozilla/5.0 (Linux; Android 14)' });
    const rotated = { ...browserSubscription(), endpoint: phone.endpoint };
    await caller.member.push.subscribe(rotated);
    const laptop = browserSubscription();
    await caller.member.push.subscribe(laptop);

    expect(await rows(phone.endpoint)).toMatchObject([
      { userId, p256dh: rotated.keys.p256dh, auth: rotated.keys.auth },
    ]);
    expect(await pushSubscriptionsOf(db.prisma, userId)).toEqual([rotated, laptop]);
    expect(await caller.member.push.status({ endpoint: phone.endpoint })).toEqual({
      subscribed: true,
    });

    // One audit row per device added (a key refresh changes no one's devices), without the
    // endpoint, which is a capability URL.
    const audits = (await auditRows('push.subscribe')).slice(auditsBefore);
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorType: 'MEMBER', actorId: userId });
    expect(JSON.stringify(audits.map((row) => row.changes))).not.toContain(phone.endpoint);
    expect(audits.map((row) => row.targetId)).not.toContain(phone.endpoint);
  });

  it('lets a member turn off only their own devices', async () => {
    const owner = await member('张伟');
    const other = await member('刘洋');
    const phone = browserSubscription();
    await owner.caller.member.push.subscribe(phone);

    // Another member naming the endpoint gets the same answer and changes nothing.
    expect(await other.caller.member.push.unsubscribe({ endpoint: phone.endpoint })).toEqual({
      unsubscribed: true,
    });
    expect(await rows(phone.endpoint)).toHaveLength(1);
    expect(await other.caller.member.push.status({ endpoint: phone.endpoint })).toEqual({
      subscribed: false,
    });

    const auditsBefore = (await auditRows('push.unsubscribe')).length;
    await owner.caller.member.push.unsubscribe({ endpoint: phone.endpoint });
    expect(await rows(phone.endpoint)).toHaveLength(0);
    expect(await owner.caller.member.push.status({ endpoint: phone.endpoint })).toEqual({
      subscribed: false,
    });
    expect((await auditRows('push.unsubscribe')).slice(auditsBefore)).toMatchObject([
      { actorId: owner.userId, targetType: 'PushSubscription' },
    ]);
    // Again: nothing left to turn off, same answer.
    await expect(
      owner.caller.member.push.unsubscribe({ endpoint: phone.endpoint }),
    ).resolves.toEqual({ unsubscribed: true });
  });

  it('moves a browser’s subscription to the member who turns notifications on there', async () => {
    const first = await member('陈静');
    const second = await member('杨磊');
    const shared = browserSubscription();
    await first.caller.member.push.subscribe(shared);
    await second.caller.member.push.subscribe(shared);
    expect(await rows(shared.endpoint)).toMatchObject([{ userId: second.userId }]);
    expect(await pushSubscriptionsOf(db.prisma, first.userId)).toEqual([]);
  });

  it('refuses endpoints that are not a public https push service, and malformed keys', async () => {
    const { caller } = await member('赵敏');
    const good = browserSubscription();
    for (const endpoint of [
      'http://fcm.googleapis.com/fcm/send/x',
      'https://localhost/push',
      'https://127.0.0.1/push',
      'https://10.0.0.8/push',
      'https://[::1]/push',
      'https://intranet/push',
      'https://push.corp.internal/x',
      'https://user:pass@fcm.googleapis.com/x',
      'not a url',
    ]) {
      await expect(
        caller.member.push.subscribe({ ...good, endpoint }),
        endpoint,
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    }
    await expect(
      caller.member.push.subscribe({ ...good, keys: { ...good.keys, auth: 'short' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.member.push.subscribe({ ...good, keys: { ...good.keys, p256dh: good.keys.auth } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rows(good.endpoint)).toHaveLength(0);
  });

  it('is for members only', async () => {
    const anonymous = callerFor(db);
    await expect(anonymous.member.push.publicKey()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const officer = callerFor(db, {
      actor: { type: 'OFFICER', id: 'officer-x', grants: [] },
    });
    await expect(officer.member.push.subscribe(browserSubscription())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('gives the delivery what it needs: devices, the last delivery, and pruning gone ones', async () => {
    const { userId, caller } = await member('周杰');
    const phone = browserSubscription();
    await caller.member.push.subscribe(phone);
    const at = new Date('2026-11-20T08:00:00Z');
    await pushDelivered(db.prisma, phone.endpoint, at);
    expect(await rows(phone.endpoint)).toMatchObject([{ lastUsedAt: at }]);
    await forgetPushSubscription(db.prisma, phone.endpoint);
    expect(await pushSubscriptionsOf(db.prisma, userId)).toEqual([]);
  });
});

import { createUnsubscribeTokens } from '@unionhall/api';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { TEST_ORIGIN, testAuth, testCardSigner, testCipher } from './test-support';

describe.each(testDatabaseTargets())('one-click unsubscribe over HTTP on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const tokens = createUnsubscribeTokens('unionhall-test-secret-0123456789abcdef');
  let app: ReturnType<typeof createApp>;
  let userId: string;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    app = createApp({
      db,
      auth: testAuth(db),
      cipher: testCipher(),
      cardSigner: testCardSigner(),
      unsubscribeTokens: tokens,
      logger: pino({ level: 'silent' }),
      config: { corsOrigins: [], bodyLimitBytes: 1 << 20, trpcMaxBatch: 20, hsts: false },
    });
    const user = await db.prisma.authUser.create({
      data: { email: 'reader@example.org', name: 'Reader', kind: 'MEMBER' },
    });
    userId = user.id;
  });
  afterAll(async () => {
    await db.dispose();
  });

  const url = (token: string) =>
    `${TEST_ORIGIN}/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
  const emailSetting = () =>
    db.prisma.notificationPreference.findUnique({
      where: { userId_category_channel: { userId, category: 'votes', channel: 'email' } },
    });

  it('asks on GET without changing anything (mail scanners open links)', async () => {
    const token = tokens.sign({ userId, category: 'votes' });
    const response = await app.request(url(token), { headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('Stop emails about “Votes and elections”?');
    expect(page).toContain('<form method="post"');
    expect(await emailSetting()).toBeNull();
  });

  it('unsubscribes on the RFC 8058 POST, from another site and without cookies', async () => {
    const token = tokens.sign({ userId, category: 'votes' });
    const post = () =>
      app.request(url(token), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://mail.example.com',
          'accept-language': 'zh-CN',
        },
        body: 'List-Unsubscribe=One-Click',
      });
    const response = await post();
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('已退订');
    expect(await emailSetting()).toMatchObject({ enabled: false });
    // A second POST (a provider retrying) is answered the same way and changes nothing.
    const again = await post();
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('无需再次操作');
  });

  it('answers a tampered link with 400 on both methods', async () => {
    const token = `${tokens.sign({ userId, category: 'events' })}x`;
    expect((await app.request(url(token))).status).toBe(400);
    const response = await app.request(url(token), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(400);
    expect(
      await db.prisma.notificationPreference.count({ where: { userId, category: 'events' } }),
    ).toBe(0);
  });
});

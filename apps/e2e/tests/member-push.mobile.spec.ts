import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { latestCode } from './support/members';

test.use({ locale: 'zh-CN', permissions: ['notifications'] });

const MEMBER = 'member@binjiang.demo';

/**
 * Chromium's `PushManager.subscribe()` asks the browser vendor's push service (FCM) for an
 * endpoint, and that needs a network these machines do not have: offline it fails with "push
 * service error". So this spec, and only this spec, replaces `subscribe` and
 * `getSubscription` with a stand-in that returns what the real one would (an https FCM
 * endpoint with a real P-256 key and auth secret made by WebCrypto), kept in localStorage like
 * the browser keeps its subscription. Everything else is real: the permission, the service
 * worker registration the app waits for, the API and the database, and the service worker's
 * push handler, which gets a push message through the DevTools protocol
 * (ServiceWorker.deliverPushMessage), as the push service would deliver it.
 */
function stubPushManager() {
  const STORAGE = 'e2e.push-subscription';
  const toBase64Url = (bytes: Uint8Array) =>
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const fromBase64Url = (text: string) =>
    Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
  interface Stored {
    endpoint: string;
    keys: { p256dh: string; auth: string };
    serverKey: string;
  }
  const asSubscription = (stored: Stored) => ({
    endpoint: stored.endpoint,
    expirationTime: null,
    options: {
      userVisibleOnly: true,
      applicationServerKey: fromBase64Url(stored.serverKey).buffer,
    },
    toJSON: () => ({ endpoint: stored.endpoint, expirationTime: null, keys: stored.keys }),
    unsubscribe: async () => {
      localStorage.removeItem(STORAGE);
      return true;
    },
  });
  const read = (): Stored | null => {
    const text = localStorage.getItem(STORAGE);
    return text ? (JSON.parse(text) as Stored) : null;
  };
  PushManager.prototype.getSubscription = async function getSubscription() {
    const stored = read();
    return (stored ? asSubscription(stored) : null) as unknown as PushSubscription;
  };
  PushManager.prototype.subscribe = async function subscribe(
    options?: PushSubscriptionOptionsInit,
  ) {
    if (Notification.permission !== 'granted') throw new DOMException('denied', 'NotAllowedError');
    const key = options?.applicationServerKey;
    if (!(key instanceof Uint8Array)) throw new TypeError('applicationServerKey must be bytes');
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
      'deriveBits',
    ]);
    const stored: Stored = {
      endpoint: `https://fcm.googleapis.com/fcm/send/e2e-${crypto.randomUUID()}`,
      keys: {
        p256dh: toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))),
        auth: toBase64Url(crypto.getRandomValues(new Uint8Array(16))),
      },
      serverKey: toBase64Url(key),
    };
    localStorage.setItem(STORAGE, JSON.stringify(stored));
    return asSubscription(stored) as unknown as PushSubscription;
  };
}

async function signIn(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(MEMBER);
  await page.getByRole('button', { name: '发送验证码' }).click();
  await expect(page.getByText('6 位验证码已发出')).toBeVisible();
  await page.getByLabel('验证码').fill(await latestCode(page.request, MEMBER));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的账户' })).toBeVisible();
}

/** What the server has for this browser's endpoint, for the signed-in member. */
async function serverHas(page: Page): Promise<boolean> {
  const endpoint = await page.evaluate(() => {
    const stored = localStorage.getItem('e2e.push-subscription');
    return stored ? (JSON.parse(stored) as { endpoint: string }).endpoint : null;
  });
  if (!endpoint) return false;
  const response = await page.request.post('/trpc/member.push.status', {
    data: { json: { endpoint } },
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: { subscribed: boolean } } } };
  return body.result.data.json.subscribed;
}

/** Delivers a push message to the app's service worker, as a push service would. */
async function deliverPush(context: BrowserContext, page: Page, data: object) {
  // Only an active worker handles a push; just after a reload it may still be starting (a push
  // delivered then was lost once in CI).
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const cdp = await context.newCDPSession(page);
  const registrations = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const found = registrations.find(
        (registration) => !registration.isDeleted && registration.scopeURL === `${baseURL}/`,
      );
      if (found) resolve(found.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: baseURL,
    registrationId: await registrations,
    data: JSON.stringify(data),
  });
}

async function shownNotifications(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const notifications = await registration.getNotifications();
    return notifications.map((notification) => ({
      title: notification.title,
      body: notification.body,
      data: notification.data as unknown,
    }));
  });
}

test('a member turns notifications on for this phone, receives a push, and turns them off', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await context.addInitScript(stubPushManager);
  await signIn(page);

  const section = page.getByRole('region', { name: '通知', exact: true });
  await expect(section.getByText('这部手机尚未开启通知。')).toBeVisible();
  await section.getByRole('button', { name: '在这部手机上开启通知' }).click();
  await expect(section.getByText('已开启。工会的通知会显示在这部手机上。')).toBeVisible();
  expect(await serverHas(page)).toBe(true);
  await page.screenshot({ path: 'test-results/screens/member-push-on.png', fullPage: true });
  await expectNoAxeViolations(page);

  // The setting is the server's and the browser's, not the page's: a reload shows it on.
  await page.reload();
  await expect(section.getByText('这部手机已开启通知。')).toBeVisible();
  await expect(section.getByRole('button', { name: '关闭这部手机上的通知' })).toBeVisible();

  // A push message becomes a system notification with the app link it carries.
  await deliverPush(context, page, {
    title: '活动提醒',
    body: '明天上午 9 点，职工之家。',
    link: '/account',
  });
  await expect
    .poll(() => shownNotifications(page))
    .toEqual([
      { title: '活动提醒', body: '明天上午 9 点，职工之家。', data: { url: `${baseURL}/account` } },
    ]);

  await section.getByRole('button', { name: '关闭这部手机上的通知' }).click();
  await expect(section.getByText('已关闭这部手机上的通知。')).toBeVisible();
  await expect(section.getByRole('button', { name: '在这部手机上开启通知' })).toBeVisible();
  expect(
    await page.evaluate(() => localStorage.getItem('e2e.push-subscription')),
    'the browser subscription is dropped too',
  ).toBeNull();
});

test('signing out stops the notifications to this phone', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.addInitScript(stubPushManager);
  await signIn(page);
  const section = page.getByRole('region', { name: '通知', exact: true });
  await section.getByRole('button', { name: '在这部手机上开启通知' }).click();
  await expect(section.getByText('已开启。工会的通知会显示在这部手机上。')).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  // Sign-out unregisters the phone first and then lands on the home screen: wait for it.
  await page.waitForURL((url) => url.pathname === '/');
  await signIn(page);
  await expect(section.getByText('这部手机尚未开启通知。')).toBeVisible();
  expect(await serverHas(page)).toBe(false);
});

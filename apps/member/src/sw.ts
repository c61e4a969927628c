/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { parsePushPayload } from './sw/push-payload';

/**
 * The member app's service worker (vite-plugin-pwa, injectManifest): the precached app shell,
 * as the generated worker had it, plus web push: a push message becomes a system notification,
 * and a tap on it opens (or focuses) the app at the notification's link.
 */
declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | PrecacheEntry)[];
};

// A new version takes over at once; the page reloads itself (registerType "autoUpdate").
void self.skipWaiting();
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Navigations get the app shell, except server routes and the console.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/trpc/, /^\/admin/, /^\/healthz/, /^\/readyz/, /^\/api/],
  }),
);

// Announcement images and files: the member's own (served only to those who may read the
// announcement), kept for reading offline. An id names one upload, which never changes, so the
// cached copy is served first. Dropped at sign-out (src/query-persistence.ts, FILE_CACHE).
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/files/announcements/'),
  new CacheFirst({
    cacheName: 'announcement-files',
    plugins: [
      new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60 }),
      new CacheableResponsePlugin({ statuses: [200] }),
    ],
  }),
);

self.addEventListener('push', (event) => {
  const notice = parsePushPayload(event.data?.text(), self.location.origin);
  event.waitUntil(
    self.registration.showNotification(notice.title, {
      body: notice.body,
      icon: '/icons/icon-192.png',
      data: { url: notice.url },
      ...(notice.tag ? { tag: notice.tag } : {}),
    }),
  );
});

async function openApp(url: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open) {
    const focused = await open.focus();
    if (focused.url === url) return;
    // navigate() only works on windows this worker controls; otherwise a new window opens.
    if (await focused.navigate(url).catch(() => null)) return;
  }
  await self.clients.openWindow(url);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data: unknown = event.notification.data;
  const url = typeof data === 'object' && data !== null ? Reflect.get(data, 'url') : undefined;
  event.waitUntil(openApp(typeof url === 'string' ? url : `${self.location.origin}/`));
});

/** Calls a member procedure the way the app's tRPC client does (one call, superjson body). */
async function callApi(path: string, input: unknown): Promise<boolean> {
  const response = await fetch(`/trpc/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: input }),
  });
  return response.ok;
}

/**
 * The push service replaced or expired this browser's subscription (Firefox does this; Chrome
 * rarely): subscribe again with the same server key and tell the server, so pushes keep coming
 * without the member opening the app. Signed out, the server refuses, and the old endpoint is
 * pruned anyway the next time a push to it fails (404/410).
 */
async function renewSubscription(event: PushSubscriptionChangeEvent): Promise<void> {
  const key = event.oldSubscription?.options.applicationServerKey;
  const renewed =
    event.newSubscription ??
    (key
      ? await self.registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: key,
        })
      : null);
  if (!renewed) return;
  const json = renewed.toJSON();
  if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth) return;
  const saved = await callApi('member.push.subscribe', {
    endpoint: json.endpoint,
    keys: { p256dh: json.keys.p256dh, auth: json.keys.auth },
    userAgent: self.navigator.userAgent,
  });
  const old = event.oldSubscription?.endpoint;
  if (saved && old && old !== json.endpoint) {
    await callApi('member.push.unsubscribe', { endpoint: old });
  }
}

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(renewSubscription(event).catch(() => undefined));
});

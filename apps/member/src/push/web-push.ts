/**
 * This browser's side of web push: the permission, the service worker's PushManager and the
 * subscription the server needs (endpoint and keys). Loaded with the account page's
 * notification section, and at sign-out, never with the first screen.
 */

export interface DeviceSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** Why turning notifications on could not finish. */
export class PushSetupError extends Error {
  constructor(readonly reason: 'noWorker' | 'denied' | 'dismissed' | 'subscription') {
    super(reason);
  }
}

/** Push needs a service worker, the Push API and notifications (iOS: only once installed). */
export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function sameBytes(buffer: ArrayBuffer | null, bytes: Uint8Array): boolean {
  if (!buffer || buffer.byteLength !== bytes.length) return false;
  const view = new Uint8Array(buffer);
  return view.every((byte, index) => byte === bytes[index]);
}

/** The active worker's registration; without one (a development server) push cannot work. */
async function registration(timeoutMs = 10_000): Promise<ServiceWorkerRegistration> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PushSetupError('noWorker')), timeoutMs);
  });
  try {
    return await Promise.race([navigator.serviceWorker.ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function toDeviceSubscription(subscription: PushSubscription): DeviceSubscription {
  const json = subscription.toJSON();
  const p256dh = json.keys?.p256dh;
  const auth = json.keys?.auth;
  if (!json.endpoint || !p256dh || !auth) throw new PushSetupError('subscription');
  return { endpoint: json.endpoint, keys: { p256dh, auth } };
}

/** The worker's registration if there is one, without waiting for a worker to appear. */
async function existingRegistration(): Promise<ServiceWorkerRegistration | undefined> {
  return navigator.serviceWorker.getRegistration();
}

/** This browser's subscription, if it has one. */
export async function currentSubscription(): Promise<DeviceSubscription | null> {
  const existing = await (await existingRegistration())?.pushManager.getSubscription();
  return existing ? toDeviceSubscription(existing) : null;
}

/**
 * Asks for permission (the browser shows its prompt only for a tap, which is why this runs from
 * the button) and subscribes with the server's VAPID key. A subscription made for another key
 * (the server's keys changed) is replaced, since pushes signed with the new key would fail.
 */
export async function subscribeThisDevice(publicKey: string): Promise<DeviceSubscription> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') throw new PushSetupError('denied');
  if (permission !== 'granted') throw new PushSetupError('dismissed');
  const { pushManager } = await registration();
  const key = base64UrlToBytes(publicKey);
  const existing = await pushManager.getSubscription();
  if (existing && sameBytes(existing.options.applicationServerKey, key)) {
    return toDeviceSubscription(existing);
  }
  await existing?.unsubscribe();
  return toDeviceSubscription(
    await pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }),
  );
}

/** Drops this browser's subscription; returns its endpoint so the server can forget it too. */
export async function unsubscribeThisDevice(): Promise<string | null> {
  const existing = await (await existingRegistration())?.pushManager.getSubscription();
  if (!existing) return null;
  const { endpoint } = existing;
  await existing.unsubscribe();
  return endpoint;
}

/**
 * At sign-out: the server stops pushing the member's notifications to this browser, which the
 * next person may use. The browser keeps its subscription for whoever turns notifications on.
 */
export async function forgetThisDeviceOnServer(
  unsubscribe: (endpoint: string) => Promise<unknown>,
): Promise<void> {
  if (!pushSupported() || Notification.permission !== 'granted') return;
  const subscription = await currentSubscription();
  if (subscription) await unsubscribe(subscription.endpoint);
}

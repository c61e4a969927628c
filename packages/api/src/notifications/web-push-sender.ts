import { createECDH } from 'node:crypto';
import webPush from 'web-push';
import type { PushSender } from './channels';

/**
 * The server's VAPID identity (RFC 8292): a P-256 key pair, both halves base64url as browsers
 * and `web-push` use them (the public key as the uncompressed point, the private key as the
 * 32-byte scalar), and a contact the push services may write to.
 */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** `mailto:` or `https:`: whom a push service contacts about this sender. */
  subject: string;
}

export class VapidKeyError extends Error {}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A fresh key pair (the subject is the installation's to choose). */
export function generateVapidKeys(subject: string): VapidKeys {
  const { publicKey, privateKey } = webPush.generateVAPIDKeys();
  return parseVapidKeys({ publicKey, privateKey, subject });
}

/**
 * Checks a key pair before the server relies on it: the public key must be a P-256 point, and
 * the private key the one that belongs to it (a mismatched pair would sign requests every push
 * service refuses, and browsers subscribed with the public key could never be reached).
 */
export function parseVapidKeys(keys: VapidKeys): VapidKeys {
  const publicKey = keys.publicKey.trim().replace(/=+$/, '');
  const privateKey = keys.privateKey.trim().replace(/=+$/, '');
  const subject = keys.subject.trim();
  if (!BASE64URL.test(publicKey) || !BASE64URL.test(privateKey)) {
    throw new VapidKeyError('VAPID keys must be base64url');
  }
  const point = Buffer.from(publicKey, 'base64url');
  const scalar = Buffer.from(privateKey, 'base64url');
  if (point.length !== 65 || point[0] !== 4 || scalar.length !== 32) {
    throw new VapidKeyError('VAPID keys must be a P-256 key pair (65-byte point, 32-byte scalar)');
  }
  let derived: Buffer;
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(scalar);
    derived = ecdh.getPublicKey();
  } catch {
    throw new VapidKeyError('the VAPID private key is not a P-256 scalar');
  }
  if (!derived.equals(point)) {
    throw new VapidKeyError('the VAPID private key does not belong to the public key');
  }
  let contact: URL;
  try {
    contact = new URL(subject);
  } catch {
    throw new VapidKeyError('VAPID subject must be a mailto: or https: URL');
  }
  if (contact.protocol !== 'mailto:' && contact.protocol !== 'https:') {
    throw new VapidKeyError('VAPID subject must be a mailto: or https: URL');
  }
  return { publicKey, privateKey, subject };
}

export interface WebPushOptions {
  vapid: VapidKeys;
  /** Injected in tests; the platform's fetch otherwise. */
  fetch?: typeof fetch;
  /** How long to wait for the push service; a timeout rejects, so the job retries. */
  timeoutMs?: number;
}

/** What a push service answered that is neither success nor "gone": the job retries it. */
export class PushServiceError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`push service answered ${status}`);
  }
}

/**
 * Web push (RFC 8030) with the payload encrypted for the subscription (RFC 8291, aes128gcm)
 * and signed by the server's VAPID key (RFC 8292). `web-push` builds the request; it is sent
 * with fetch, which lets tests stand a local HTTP server in for the push service and gives the
 * request a deadline. 404 and 410 mean the subscription is gone for good (the browser
 * unsubscribed or the permission was revoked): the caller deletes it.
 */
export function createWebPushSender(options: WebPushOptions): PushSender {
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async send(message) {
      const request = webPush.generateRequestDetails(message.subscription, message.payload, {
        vapidDetails: options.vapid,
        TTL: message.ttlSeconds,
        contentEncoding: 'aes128gcm',
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        // fetch computes the length itself.
        if (name.toLowerCase() !== 'content-length') headers.set(name, String(value));
      }
      const response = await send(request.endpoint, {
        method: request.method,
        headers,
        body: request.body ? new Uint8Array(request.body) : null,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      if (response.status === 404 || response.status === 410) {
        await response.body?.cancel();
        return { gone: true };
      }
      if (!response.ok) {
        throw new PushServiceError(response.status, (await response.text()).slice(0, 500));
      }
      await response.body?.cancel();
      return { gone: false };
    },
  };
}

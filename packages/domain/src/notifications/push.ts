import { z } from 'zod';

/** Browsers' push endpoints are capability URLs of a few hundred characters. */
export const MAX_PUSH_ENDPOINT_LENGTH = 2048;

/**
 * Push services are public https hosts. The server POSTs to whatever endpoint a member
 * registers, so an address on the server's own network would let anyone signed in make it send
 * requests there: IP literals (URL normalises IPv4 to dotted form; IPv6 comes bracketed and
 * fails the character class), single-label names (localhost, intranet hosts) and local
 * suffixes are refused. A public name that resolves to a private address is not caught here.
 */
const PUBLIC_HOSTNAME =
  /^(?!\d+(\.\d+){3}\.?$)(?!.*\.(localhost|local|internal|lan|home\.arpa)\.?$)[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i;

/** An https URL on a public host without credentials, as browsers' push services hand out. */
export const ZPushEndpoint = z
  .url({ protocol: /^https$/, hostname: PUBLIC_HOSTNAME, error: 'validation.pushEndpoint' })
  .max(MAX_PUSH_ENDPOINT_LENGTH)
  .refine((value) => !/^https:\/\/[^/?#]*@/i.test(value), { message: 'validation.pushEndpoint' });

export function isPushEndpoint(value: string): boolean {
  return ZPushEndpoint.safeParse(value).success;
}

/**
 * A browser's PushSubscription as `subscription.toJSON()` gives it: the endpoint, the
 * subscription's P-256 public key (65 bytes, uncompressed point, base64url) and its 16-byte
 * auth secret.
 */
export const ZPushSubscribeInput = z.object({
  endpoint: ZPushEndpoint,
  keys: z.object({
    p256dh: z.string().regex(/^B[A-Za-z0-9_-]{86}=?$/, { message: 'validation.pushKeys' }),
    auth: z.string().regex(/^[A-Za-z0-9_-]{22}(==)?$/, { message: 'validation.pushKeys' }),
  }),
  /** The browser's user agent, so the member's devices can be told apart. Cut to 300 characters. */
  userAgent: z
    .string()
    .transform((value) => value.slice(0, 300))
    .refine((value) => ![...value].some((char) => (char.codePointAt(0) ?? 0) < 0x20), {
      message: 'validation.noControlChars',
    })
    .optional(),
});
export type TPushSubscribeInput = z.input<typeof ZPushSubscribeInput>;

/** One browser's subscription, named by its endpoint. */
export const ZPushEndpointInput = z.object({
  endpoint: z.string().min(1).max(MAX_PUSH_ENDPOINT_LENGTH),
});
export type TPushEndpointInput = z.infer<typeof ZPushEndpointInput>;

/** The server's VAPID public key (base64url), which browsers subscribe with. */
export const ZPushPublicKey = z.object({ publicKey: z.string() });
export type TPushPublicKey = z.infer<typeof ZPushPublicKey>;

/**
 * What a push notification carries to the service worker (apps/member's sw): shown as a
 * system notification, and `link` (a path in the app) opens on a tap.
 */
export const ZPushPayload = z.object({
  title: z.string(),
  body: z.string(),
  link: z.string().optional(),
  /** Notifications with the same tag replace each other on the device. */
  tag: z.string().optional(),
});
export type TPushPayload = z.infer<typeof ZPushPayload>;

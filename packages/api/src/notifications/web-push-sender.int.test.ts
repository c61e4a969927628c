import { createECDH, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWebPushSender,
  generateVapidKeys,
  PushServiceError,
  type VapidKeys,
} from './web-push-sender';

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a browser holds for one subscription: its ECDH key pair and the auth secret. */
function browserSubscription(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    subscription: {
      endpoint,
      keys: {
        p256dh: ecdh.getPublicKey().toString('base64url'),
        auth: auth.toString('base64url'),
      },
    },
  };
}

/**
 * Decrypts an aes128gcm web push body (RFC 8188 with the keys of RFC 8291) the way a browser
 * does, written out here so the test does not trust the library it checks.
 */
function decryptWebPush(body: Buffer, ecdh: ReturnType<typeof createECDH>, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const serverPublicKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  expect(idLength).toBe(65);
  expect(record.length).toBeLessThanOrEqual(recordSize);

  const shared = ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([
    Buffer.from('WebPush: info\0'),
    ecdh.getPublicKey(),
    serverPublicKey,
  ]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, auth, keyInfo, 32));
  const key = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: aes128gcm\0', 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: nonce\0', 12));

  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([
    decipher.update(record.subarray(0, record.length - 16)),
    decipher.final(),
  ]);
  // The last record ends with the delimiter 0x02 followed by optional zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  expect(padded[end]).toBe(2);
  return padded.subarray(0, end).toString('utf8');
}

/**
 * A local HTTP server stands in for a browser vendor's push service: it answers by path
 * (`/gone` 410, `/missing` 404, `/broken` 500, anything else 201) and keeps each request.
 */
describe('the web push adapter', () => {
  const received: Received[] = [];
  let server: Server;
  let origin = '';
  const vapid: VapidKeys = generateVapidKeys('mailto:push@union.example.org');
  const sender = createWebPushSender({ vapid });

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        received.push({
          method: request.method ?? '',
          path,
          headers: request.headers,
          body: Buffer.concat(chunks),
        });
        const status = path.startsWith('/gone')
          ? 410
          : path.startsWith('/missing')
            ? 404
            : path.startsWith('/broken')
              ? 500
              : 201;
        response.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('not listening');
    origin = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends an encrypted aes128gcm request signed with the VAPID key', async () => {
    const browser = browserSubscription(`${origin}/push/device-1`);
    const payload = JSON.stringify({ title: '会费提醒', body: '本月会费待缴', link: '/dues' });

    await expect(
      sender.send({ subscription: browser.subscription, payload, ttlSeconds: 3600 }),
    ).resolves.toEqual({ gone: false });

    const request = received.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/push/device-1');
    expect(request?.headers['content-encoding']).toBe('aes128gcm');
    expect(request?.headers['content-type']).toBe('application/octet-stream');
    expect(request?.headers.ttl).toBe('3600');
    // Not the plaintext: the push service must not be able to read the notification.
    expect(request?.body.includes(Buffer.from('会费提醒'))).toBe(false);

    // Authorization: vapid t=<JWT signed by the VAPID private key>, k=<VAPID public key>.
    const match = /^vapid t=([^,]+), k=([A-Za-z0-9_-]+)$/.exec(
      request?.headers.authorization ?? '',
    );
    expect(match?.[2]).toBe(vapid.publicKey);
    const point = Buffer.from(vapid.publicKey, 'base64url');
    const publicJwk = await importJWK(
      {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33).toString('base64url'),
      },
      'ES256',
    );
    const token = match?.[1] ?? '';
    expect(decodeProtectedHeader(token).alg).toBe('ES256');
    const { payload: claims } = await jwtVerify(token, publicJwk, { audience: origin });
    expect(claims.sub).toBe('mailto:push@union.example.org');
    // RFC 8292: at most 24 hours ahead.
    expect(claims.exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 24 * 3600);

    // The browser, and only the browser, can read it.
    expect(decryptWebPush(request?.body ?? Buffer.alloc(0), browser.ecdh, browser.auth)).toBe(
      payload,
    );
    const stranger = browserSubscription(`${origin}/push/other`);
    expect(() =>
      decryptWebPush(request?.body ?? Buffer.alloc(0), stranger.ecdh, stranger.auth),
    ).toThrow();
  });

  it('reports a subscription the push service no longer has (410, 404) as gone', async () => {
    for (const path of ['/gone/device-2', '/missing/device-3']) {
      const { subscription } = browserSubscription(`${origin}${path}`);
      await expect(sender.send({ subscription, payload: '{}', ttlSeconds: 60 })).resolves.toEqual({
        gone: true,
      });
    }
  });

  it('rejects on any other failure, so the delivery job retries', async () => {
    const { subscription } = browserSubscription(`${origin}/broken/device-4`);
    const sending = sender.send({ subscription, payload: '{}', ttlSeconds: 60 });
    await expect(sending).rejects.toBeInstanceOf(PushServiceError);
    await expect(sending).rejects.toMatchObject({ status: 500 });
  });
});

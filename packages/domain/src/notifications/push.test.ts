import { describe, expect, it } from 'vitest';
import { isPushEndpoint, ZPushSubscribeInput } from './push';

describe('push endpoints', () => {
  it('are https URLs on public hosts, as browsers’ push services hand out', () => {
    for (const endpoint of [
      'https://fcm.googleapis.com/fcm/send/abc:def',
      'https://updates.push.services.mozilla.com/wpush/v2/gAAAA',
      'https://web.push.apple.com/QGx',
    ]) {
      expect(isPushEndpoint(endpoint), endpoint).toBe(true);
    }
  });

  it('never point into the server’s own network', () => {
    for (const endpoint of [
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://localhost/x',
      'https://localhost./x',
      'https://app.localhost/x',
      'https://127.0.0.1/x',
      'https://0x7f.1/x',
      'https://192.168.1.1/x',
      'https://[::1]/x',
      'https://printer/x',
      'https://nas.local/x',
      'https://db.internal/x',
      'https://user:secret@fcm.googleapis.com/x',
      'ftp://fcm.googleapis.com/x',
    ]) {
      expect(isPushEndpoint(endpoint), endpoint).toBe(false);
    }
  });

  it('come with the subscription’s P-256 key and auth secret', () => {
    const valid = {
      endpoint: 'https://fcm.googleapis.com/fcm/send/abc',
      keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'a'.repeat(22) },
    };
    expect(ZPushSubscribeInput.safeParse(valid).success).toBe(true);
    expect(
      ZPushSubscribeInput.safeParse({ ...valid, keys: { ...valid.keys, p256dh: 'A'.repeat(87) } })
        .success,
    ).toBe(false);
    expect(
      ZPushSubscribeInput.safeParse({ ...valid, userAgent: 'x'.repeat(1000) }).data?.userAgent,
    ).toHaveLength(300);
  });
});

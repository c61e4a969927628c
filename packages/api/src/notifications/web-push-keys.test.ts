import { describe, expect, it } from 'vitest';
import { generateVapidKeys, parseVapidKeys, VapidKeyError } from './web-push-sender';

describe('VAPID keys', () => {
  it('are a P-256 pair that parses back the same, padding or not', () => {
    const keys = generateVapidKeys('mailto:push@union.example.org');
    expect(Buffer.from(keys.publicKey, 'base64url')).toHaveLength(65);
    expect(parseVapidKeys({ ...keys, publicKey: `${keys.publicKey}=` })).toEqual(keys);
  });

  it('refuse a private key that is not the public key’s, and malformed keys', () => {
    const one = generateVapidKeys('mailto:a@example.org');
    const other = generateVapidKeys('mailto:a@example.org');
    expect(() => parseVapidKeys({ ...one, privateKey: other.privateKey })).toThrow(VapidKeyError);
    expect(() => parseVapidKeys({ ...one, publicKey: 'not a key' })).toThrow(VapidKeyError);
    expect(() => parseVapidKeys({ ...one, publicKey: one.publicKey.slice(4) })).toThrow(
      VapidKeyError,
    );
  });

  it('need a mailto: or https: subject', () => {
    const keys = generateVapidKeys('https://union.example.org');
    expect(() => parseVapidKeys({ ...keys, subject: 'http://union.example.org' })).toThrow(
      /mailto: or https:/,
    );
    expect(() => parseVapidKeys({ ...keys, subject: 'union' })).toThrow(VapidKeyError);
  });
});

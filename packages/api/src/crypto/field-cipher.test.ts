import { describe, expect, it } from 'vitest';
import {
  createFieldCipher,
  FieldCipherError,
  formatDataKeys,
  generateDataKeys,
  parseDataKeys,
} from './field-cipher';

const ID = '11010519491231002X';

describe('field cipher', () => {
  it('round-trips, and never writes the same ciphertext twice', () => {
    const cipher = createFieldCipher(generateDataKeys());
    const first = cipher.encrypt(ID, 'member:1:nationalId');
    const second = cipher.encrypt(ID, 'member:1:nationalId');
    expect(first).not.toBe(second);
    expect(first).not.toContain(ID);
    expect(first).toMatch(/^v1\.k1\.[\w-]+$/);
    expect(cipher.decrypt(first, 'member:1:nationalId')).toBe(ID);
    expect(cipher.decrypt('v1.k1.' + first.split('.')[2], 'member:1:nationalId')).toBe(ID);
  });

  it('refuses a value moved to another record, a tampered value and a foreign key', () => {
    const keys = generateDataKeys();
    const cipher = createFieldCipher(keys);
    const stored = cipher.encrypt(ID, 'member:1:nationalId');
    expect(() => cipher.decrypt(stored, 'member:2:nationalId')).toThrow(FieldCipherError);
    const payload = Buffer.from(stored.split('.')[2] ?? '', 'base64url');
    payload[14] = (payload[14] ?? 0) ^ 1;
    expect(() =>
      cipher.decrypt(`v1.k1.${payload.toString('base64url')}`, 'member:1:nationalId'),
    ).toThrow(FieldCipherError);
    const stranger = createFieldCipher(generateDataKeys());
    expect(() => stranger.decrypt(stored, 'member:1:nationalId')).toThrow(FieldCipherError);
    expect(() => cipher.decrypt('plain text', 'member:1:nationalId')).toThrow(FieldCipherError);
  });

  it('rotates: new values use the new key, old values still decrypt', () => {
    const old = generateDataKeys('k1');
    const stored = createFieldCipher(old).encrypt(ID, 'ctx');
    const { encryptionKeys, indexKey } = formatDataKeys(old);
    const fresh = formatDataKeys(generateDataKeys('k2')).encryptionKeys;
    const rotated = createFieldCipher(parseDataKeys(`${fresh},${encryptionKeys}`, indexKey));
    expect(rotated.decrypt(stored, 'ctx')).toBe(ID);
    expect(rotated.encrypt(ID, 'ctx')).toMatch(/^v1\.k2\./);
  });

  it('gives stable blind indexes per purpose that reveal nothing without the key', () => {
    const keys = generateDataKeys();
    const cipher = createFieldCipher(keys);
    const again = createFieldCipher(
      parseDataKeys(formatDataKeys(keys).encryptionKeys, formatDataKeys(keys).indexKey),
    );
    expect(cipher.blindIndex(ID, 'nationalId')).toBe(again.blindIndex(ID, 'nationalId'));
    expect(cipher.blindIndex(ID, 'nationalId')).not.toBe(cipher.blindIndex(ID, 'phone'));
    expect(createFieldCipher(generateDataKeys()).blindIndex(ID, 'nationalId')).not.toBe(
      cipher.blindIndex(ID, 'nationalId'),
    );
  });

  it('refuses keys of the wrong size', () => {
    expect(() => parseDataKeys('k1:AAAA', Buffer.alloc(32).toString('base64'))).toThrow(/32 bytes/);
    expect(() => parseDataKeys('', Buffer.alloc(32).toString('base64'))).toThrow(FieldCipherError);
  });
});

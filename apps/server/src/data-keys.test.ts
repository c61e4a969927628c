import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFieldCipher, formatDataKeys, generateDataKeys } from '@unionhall/api';
import { describe, expect, it } from 'vitest';
import { loadDataKeys } from './data-keys';

describe('data keys', () => {
  it('generates a private key file once and reads the same keys back', () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'uh-keys-')), 'keys', 'data-keys.json');
    const options = { encryptionKeys: undefined, indexKey: undefined, keyFile, production: false };
    const first = loadDataKeys(options);
    expect(first.source).toBe('generated');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const second = loadDataKeys(options);
    expect(second.source).toBe('file');
    const stored = createFieldCipher(first.keys).encrypt('secret', 'ctx');
    expect(createFieldCipher(second.keys).decrypt(stored, 'ctx')).toBe('secret');
    expect(readFileSync(keyFile, 'utf8')).not.toContain('secret');
  });

  it('takes keys from the environment, and requires them in production', () => {
    const text = formatDataKeys(generateDataKeys('prod1'));
    const fromEnv = loadDataKeys({
      encryptionKeys: text.encryptionKeys,
      indexKey: text.indexKey,
      keyFile: '/nonexistent/keys.json',
      production: true,
    });
    expect(fromEnv.source).toBe('environment');
    expect(fromEnv.keys.currentKeyId).toBe('prod1');
    expect(() =>
      loadDataKeys({
        encryptionKeys: undefined,
        indexKey: undefined,
        keyFile: '/nonexistent/keys.json',
        production: true,
      }),
    ).toThrow(/DATA_ENCRYPTION_KEYS/);
  });
});

import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVapidKeys } from '@unionhall/api';
import { describe, expect, it } from 'vitest';
import { loadVapidKeys } from './vapid-keys';

const development = {
  publicKey: undefined,
  privateKey: undefined,
  subject: undefined,
  defaultSubject: 'mailto:unionhall@localhost',
  production: false,
};

describe('the web push (VAPID) keys', () => {
  it('are generated once into a private file and read back the same', () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'uh-vapid-')), 'keys', 'vapid-keys.json');
    const first = loadVapidKeys({ ...development, keyFile });
    expect(first.source).toBe('generated');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(first.keys.subject).toBe('mailto:unionhall@localhost');

    const second = loadVapidKeys({ ...development, keyFile, subject: 'mailto:it@union.example' });
    expect(second.source).toBe('file');
    expect(second.keys).toEqual({ ...first.keys, subject: 'mailto:it@union.example' });
    // The subject is configuration; only the pair is stored.
    expect(JSON.parse(readFileSync(keyFile, 'utf8'))).toEqual({
      publicKey: first.keys.publicKey,
      privateKey: first.keys.privateKey,
    });
  });

  it('come from the environment, which production requires', () => {
    const pair = generateVapidKeys('mailto:it@union.example');
    const fromEnv = {
      ...development,
      publicKey: pair.publicKey,
      privateKey: pair.privateKey,
      subject: 'mailto:it@union.example',
      keyFile: '/nonexistent/vapid-keys.json',
      production: true,
    };
    expect(loadVapidKeys(fromEnv)).toEqual({ keys: pair, source: 'environment' });
    expect(() => loadVapidKeys({ ...fromEnv, subject: undefined })).toThrow(/VAPID_SUBJECT/);
    expect(() => loadVapidKeys({ ...fromEnv, privateKey: undefined })).toThrow(/VAPID_/);
    expect(() =>
      loadVapidKeys({
        ...fromEnv,
        privateKey: generateVapidKeys('mailto:x@y.example').privateKey,
      }),
    ).toThrow(/does not belong/);
  });
});

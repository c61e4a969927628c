import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateCardSigningKey, parseCardSigningKey, type CardSigningKey } from '@unionhall/api';

/**
 * The key that signs member cards never lives in the database, like the data keys
 * (data-keys.ts): in production it comes from the environment; in development, and in the
 * embedded single-machine mode, it is generated on the first start into a file readable by
 * the server's user only. Losing it only means members' cards are re-signed with a new key the
 * next time they open them online; scanners fetch the new public key.
 */
export function loadCardSigningKey(options: {
  signingKey: string | undefined;
  keyFile: string;
  production: boolean;
}): { key: CardSigningKey; source: 'environment' | 'file' | 'generated' } {
  if (options.signingKey) {
    return { key: parseCardSigningKey(options.signingKey), source: 'environment' };
  }
  if (options.production) {
    throw new Error('CARD_SIGNING_KEY must be set in production (see README: keys).');
  }
  if (existsSync(options.keyFile)) {
    return { key: parseCardSigningKey(readFileSync(options.keyFile, 'utf8')), source: 'file' };
  }
  const key = generateCardSigningKey();
  mkdirSync(dirname(options.keyFile), { recursive: true });
  writeFileSync(options.keyFile, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(options.keyFile, 0o600);
  return { key, source: 'generated' };
}

import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatDataKeys, generateDataKeys, parseDataKeys, type DataKeys } from '@unionhall/api';

/**
 * The keys that encrypt sensitive member fields never live in the database. In production
 * they come from the environment (a secret manager fills it). In development, and in the
 * embedded single-machine mode, they are generated on the first start into a file readable by
 * the server's user only; back it up with the data, separately from database dumps.
 */
export function loadDataKeys(options: {
  encryptionKeys: string | undefined;
  indexKey: string | undefined;
  keyFile: string;
  production: boolean;
}): { keys: DataKeys; source: 'environment' | 'file' | 'generated' } {
  if (options.encryptionKeys && options.indexKey) {
    return { keys: parseDataKeys(options.encryptionKeys, options.indexKey), source: 'environment' };
  }
  if (options.production) {
    throw new Error(
      'DATA_ENCRYPTION_KEYS and DATA_INDEX_KEY must be set in production (see README: keys).',
    );
  }
  if (existsSync(options.keyFile)) {
    const stored: unknown = JSON.parse(readFileSync(options.keyFile, 'utf8'));
    const encryptionKeys =
      typeof stored === 'object' && stored !== null ? Reflect.get(stored, 'encryptionKeys') : null;
    const indexKey =
      typeof stored === 'object' && stored !== null ? Reflect.get(stored, 'indexKey') : null;
    if (typeof encryptionKeys !== 'string' || typeof indexKey !== 'string') {
      throw new Error(`${options.keyFile} is not a Unionhall key file`);
    }
    return { keys: parseDataKeys(encryptionKeys, indexKey), source: 'file' };
  }
  const keys = generateDataKeys();
  mkdirSync(dirname(options.keyFile), { recursive: true });
  writeFileSync(options.keyFile, `${JSON.stringify(formatDataKeys(keys), null, 2)}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  chmodSync(options.keyFile, 0o600);
  return { keys, source: 'generated' };
}

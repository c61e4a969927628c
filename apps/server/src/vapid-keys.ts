import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateVapidKeys, parseVapidKeys, type VapidKeys } from '@unionhall/api';

/**
 * The web push (VAPID) key pair, kept like the card signing key (card-key.ts): from the
 * environment in production; in development generated on the first start into a file readable
 * by the server's user only. Browsers subscribe with the public half, so a new pair means
 * every device has to turn notifications on again: keep the file (or the variables) stable.
 */
export function loadVapidKeys(options: {
  publicKey: string | undefined;
  privateKey: string | undefined;
  subject: string | undefined;
  /** Used when `subject` is unset outside production. */
  defaultSubject: string;
  keyFile: string;
  production: boolean;
}): { keys: VapidKeys; source: 'environment' | 'file' | 'generated' } {
  if (options.production && (!options.publicKey || !options.privateKey || !options.subject)) {
    throw new Error(
      'VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT must be set in production (see README: keys).',
    );
  }
  const subject = options.subject ?? options.defaultSubject;
  if (options.publicKey && options.privateKey) {
    return {
      keys: parseVapidKeys({
        publicKey: options.publicKey,
        privateKey: options.privateKey,
        subject,
      }),
      source: 'environment',
    };
  }
  if (existsSync(options.keyFile)) {
    const stored: unknown = JSON.parse(readFileSync(options.keyFile, 'utf8'));
    const publicKey: unknown =
      typeof stored === 'object' && stored !== null ? Reflect.get(stored, 'publicKey') : undefined;
    const privateKey: unknown =
      typeof stored === 'object' && stored !== null ? Reflect.get(stored, 'privateKey') : undefined;
    if (typeof publicKey !== 'string' || typeof privateKey !== 'string') {
      throw new Error(`${options.keyFile} does not hold a VAPID key pair`);
    }
    return { keys: parseVapidKeys({ publicKey, privateKey, subject }), source: 'file' };
  }
  const keys = generateVapidKeys(subject);
  mkdirSync(dirname(options.keyFile), { recursive: true });
  // The subject is configuration, not key material: only the pair is kept.
  const stored = { publicKey: keys.publicKey, privateKey: keys.privateKey };
  writeFileSync(options.keyFile, `${JSON.stringify(stored, null, 2)}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  chmodSync(options.keyFile, 0o600);
  return { keys, source: 'generated' };
}

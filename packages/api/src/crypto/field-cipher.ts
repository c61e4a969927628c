import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encryption of sensitive fields (national ID, case narratives, hardship files) in the
 * application, with AES-256-GCM from Node's OpenSSL, and a keyed hash (HMAC-SHA256, a "blind
 * index") for exact-match lookups such as duplicate checks. The keys live outside the
 * database: in the environment in production, in a key file beside the embedded data in
 * development (apps/server decides where).
 *
 * Stored form: `v1.<keyId>.<base64url(iv ‖ ciphertext ‖ tag)>`. The key id lets keys rotate:
 * new values use the current key, old ones still decrypt with the key they name.
 */
export interface DataKeys {
  /** Encryption keys by id, 32 bytes each. */
  encryption: ReadonlyMap<string, Buffer>;
  /** The id of the key new values are encrypted with. */
  currentKeyId: string;
  /** The blind-index key, 32 bytes. It must never change, or every index must be rebuilt. */
  index: Buffer;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class FieldCipherError extends Error {}

export interface FieldCipher {
  /**
   * Encrypts `plaintext`. `context` (e.g. "member:<id>:nationalId") is bound to the result as
   * associated data, so a value copied onto another record or field does not decrypt.
   */
  encrypt(plaintext: string, context: string): string;
  decrypt(stored: string, context: string): string;
  /** The same input always gives the same hash; `purpose` keeps indexes apart. */
  blindIndex(value: string, purpose: string): string;
}

export function createFieldCipher(keys: DataKeys): FieldCipher {
  const current = keys.encryption.get(keys.currentKeyId);
  if (!current || current.length !== 32) {
    throw new FieldCipherError('the current data key must be 32 bytes');
  }
  if (keys.index.length !== 32) throw new FieldCipherError('the index key must be 32 bytes');
  if (keys.currentKeyId.includes('.')) throw new FieldCipherError('key ids cannot contain "."');

  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const sealed = Buffer.concat([iv, body, cipher.getAuthTag()]);
      return `${VERSION}.${keys.currentKeyId}.${sealed.toString('base64url')}`;
    },
    decrypt(stored, context) {
      const [version, keyId, payload, ...rest] = stored.split('.');
      if (version !== VERSION || !keyId || !payload || rest.length > 0) {
        throw new FieldCipherError('not an encrypted field');
      }
      const key = keys.encryption.get(keyId);
      if (!key) throw new FieldCipherError(`unknown data key ${keyId}`);
      const sealed = Buffer.from(payload, 'base64url');
      if (sealed.length < IV_BYTES + TAG_BYTES) throw new FieldCipherError('truncated field');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      try {
        const body = sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        throw new FieldCipherError('field does not decrypt (wrong key, record or tampering)');
      }
    },
    blindIndex(value, purpose) {
      return createHmac('sha256', keys.index)
        .update(`${purpose}\u0000${value}`)
        .digest('base64url');
    },
  };
}

/** Fresh keys, for a new embedded installation and for tests. */
export function generateDataKeys(keyId = 'k1'): DataKeys {
  return {
    encryption: new Map([[keyId, randomBytes(32)]]),
    currentKeyId: keyId,
    index: randomBytes(32),
  };
}

/**
 * Reads keys from their text form: `DATA_ENCRYPTION_KEYS` = "id:base64,id:base64" (current
 * first) and `DATA_INDEX_KEY` = base64. Also the form the development key file holds.
 */
export function parseDataKeys(encryptionKeys: string, indexKey: string): DataKeys {
  const entries = encryptionKeys
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const at = entry.indexOf(':');
      if (at <= 0) throw new FieldCipherError('data keys look like "id:base64,…"');
      return [entry.slice(0, at), Buffer.from(entry.slice(at + 1), 'base64')] as const;
    });
  const first = entries[0];
  if (!first) throw new FieldCipherError('no data encryption key');
  for (const [id, key] of entries) {
    if (key.length !== 32) throw new FieldCipherError(`data key ${id} must be 32 bytes`);
  }
  return {
    encryption: new Map(entries),
    currentKeyId: first[0],
    index: Buffer.from(indexKey, 'base64'),
  };
}

/** The text form of keys (inverse of parseDataKeys). */
export function formatDataKeys(keys: DataKeys): { encryptionKeys: string; indexKey: string } {
  const ordered = [
    keys.currentKeyId,
    ...[...keys.encryption.keys()].filter((id) => id !== keys.currentKeyId),
  ];
  return {
    encryptionKeys: ordered
      .map((id) => `${id}:${keys.encryption.get(id)?.toString('base64') ?? ''}`)
      .join(','),
    indexKey: keys.index.toString('base64'),
  };
}

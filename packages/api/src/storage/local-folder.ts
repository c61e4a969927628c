import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { z } from 'zod';
import { assertStorageKey, type BlobStorage } from './storage';

const ZMeta = z.object({ contentType: z.string().min(1) });

/**
 * Files in a folder on this machine (by default DATA_DIR/files): the embedded setup's storage,
 * and a production one for a single server with backed-up disks. Each object is two files:
 * the bytes under the key's path, and `<path>.meta.json` with the content type (keys contain
 * no dots, so the two can never collide). Writes go to a temporary file first and are renamed
 * into place, so a reader never sees half a file.
 */
export function createLocalFolderStorage(root: string): BlobStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    assertStorageKey(key);
    const path = join(base, ...key.split('/'));
    // The key pattern already rules out escapes; this is the belt to those braces.
    if (!path.startsWith(base + sep)) throw new Error(`storage key escapes the folder: ${key}`);
    return path;
  };
  const writeAtomically = async (path: string, data: Uint8Array | string) => {
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, data, { mode: 0o600 });
    await rename(temporary, path);
  };

  return {
    async put(key, bytes, contentType) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeAtomically(path, bytes);
      await writeAtomically(`${path}.meta.json`, JSON.stringify({ contentType }));
    },
    async get(key) {
      const path = pathOf(key);
      try {
        const [bytes, meta] = await Promise.all([
          readFile(path),
          readFile(`${path}.meta.json`, 'utf8'),
        ]);
        const parsed = ZMeta.parse(JSON.parse(meta));
        return { bytes: new Uint8Array(bytes), contentType: parsed.contentType };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      const path = pathOf(key);
      await rm(path, { force: true });
      await rm(`${path}.meta.json`, { force: true });
    },
  };
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && Reflect.get(error, 'code') === 'ENOENT';
}

import { assertStorageKey, type BlobStorage, type StoredObject } from './storage';

/** Objects in memory: for tests, and for apps built without a storage folder. */
export function createMemoryStorage(): BlobStorage & { keys(): string[] } {
  const objects = new Map<string, StoredObject>();
  return {
    async put(key, bytes, contentType) {
      assertStorageKey(key);
      objects.set(key, { bytes: new Uint8Array(bytes), contentType });
    },
    async get(key) {
      assertStorageKey(key);
      const found = objects.get(key);
      return found ? { bytes: new Uint8Array(found.bytes), contentType: found.contentType } : null;
    },
    async delete(key) {
      assertStorageKey(key);
      objects.delete(key);
    },
    keys: () => [...objects.keys()],
  };
}

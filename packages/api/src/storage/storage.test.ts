import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkUpload } from './file-check';
import { createLocalFolderStorage } from './local-folder';
import { createMemoryStorage } from './memory';
import { isStorageKey } from './storage';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const allowed = {
  'image/png': { extensions: ['png'] },
  'application/pdf': { extensions: ['pdf'] },
};

describe('storage keys', () => {
  it('are plain lower-case path segments, never escaping the root', () => {
    expect(isStorageKey('announcements/0b6c3a52-7d0e/img_1')).toBe(true);
    for (const bad of ['', '/abs', '../x', 'a/../b', 'a//b', 'a/b/', 'A', 'a.b', 'a\\b', 'a b']) {
      expect(isStorageKey(bad), bad).toBe(false);
    }
  });
});

describe.each([
  ['local folder', () => createLocalFolderStorage(dir)],
  ['memory', () => createMemoryStorage()],
])('%s storage', (_name, make) => {
  it('puts, gets and deletes bytes with their content type', async () => {
    const storage = make();
    expect(await storage.get('tests/missing')).toBeNull();
    await storage.put('tests/one', new Uint8Array(PNG), 'image/png');
    const found = await storage.get('tests/one');
    expect(found?.contentType).toBe('image/png');
    expect(Buffer.from(found?.bytes ?? [])).toEqual(PNG);
    await storage.put('tests/one', new Uint8Array([1, 2, 3]), 'application/octet-stream');
    expect((await storage.get('tests/one'))?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    await storage.delete('tests/one');
    await storage.delete('tests/one');
    expect(await storage.get('tests/one')).toBeNull();
    await expect(storage.put('../escape', new Uint8Array([1]), 'text/plain')).rejects.toThrow();
  });
});

const dir = mkdtempSync(join(tmpdir(), 'unionhall-storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local folder', () => {
  it('leaves no temporary files behind', async () => {
    const storage = createLocalFolderStorage(dir);
    await storage.put('tidy/file', new Uint8Array(PNG), 'image/png');
    expect(readdirSync(join(dir, 'tidy')).sort()).toEqual(['file', 'file.meta.json']);
  });
});

describe('upload checks', () => {
  it('go by the content, and the name must fit it', async () => {
    await expect(
      checkUpload(new Uint8Array(PNG), 'a.PNG', { allowed, maxBytes: 1000 }),
    ).resolves.toEqual({ contentType: 'image/png', extension: 'png' });
    await expect(
      checkUpload(new Uint8Array(PNG), 'a.pdf', { allowed, maxBytes: 1000 }),
    ).rejects.toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    const text = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    await expect(checkUpload(text, 'a.png', { allowed, maxBytes: 1000 })).rejects.toMatchObject({
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
    });
    await expect(
      checkUpload(new Uint8Array(), 'a.png', { allowed, maxBytes: 1000 }),
    ).rejects.toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    await expect(
      checkUpload(new Uint8Array(PNG), 'a.png', { allowed, maxBytes: 10 }),
    ).rejects.toMatchObject({ code: 'ATTACHMENT_TOO_LARGE' });
  });
});

export { assertStorageKey, isStorageKey, type BlobStorage, type StoredObject } from './storage';
export { createLocalFolderStorage } from './local-folder';
export { createMemoryStorage } from './memory';
export { checkUpload, extensionOf, type AllowedTypes, type CheckedFile } from './file-check';

import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '@unionhall/domain';

/** File name endings the picker offers; the server checks the content. */
export const FILE_ACCEPT = Object.values(ATTACHMENT_TYPES)
  .flatMap((type) => type.extensions.map((extension) => `.${extension}`))
  .join(',');

const EXTENSIONS: ReadonlySet<string> = new Set(
  Object.values(ATTACHMENT_TYPES).flatMap((type) => type.extensions),
);

/**
 * What is wrong with a file before it is sent: the same limits the server applies (size, and
 * a name ending it accepts), so a member is not made to wait for a refusal. The server still
 * checks the content and may refuse what passes here; its message is shown then.
 */
export function fileProblem(file: Pick<File, 'name' | 'size'>): 'fileTooLarge' | 'fileType' | null {
  if (file.size > MAX_ATTACHMENT_BYTES) return 'fileTooLarge';
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return file.name.includes('.') && EXTENSIONS.has(extension) ? null : 'fileType';
}

/** The base64 part of a data: URL, as FileReader.readAsDataURL gives it. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('file read failed'));
    reader.readAsDataURL(file);
  });
}

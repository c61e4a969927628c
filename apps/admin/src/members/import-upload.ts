import {
  MEMBER_IMPORT_UPLOAD_PATH,
  ZImportPreview,
  ZImportResult,
  type TImportMapping,
  type TImportPreview,
  type TImportResult,
} from '@unionhall/domain';
import { currentLocale } from '@unionhall/ui';
import { i18n } from '../i18n';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * A refusal from the upload route, with the fields of a tRPC client error (`message`,
 * `data.appCode`), so readApiError shows it like any other API error.
 */
export class ImportUploadError extends Error {
  constructor(
    message: string,
    readonly data: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ImportUploadError';
  }
}

/**
 * Sends the file itself (not base64 inside JSON) to the upload route, which reads it as it
 * arrives: files of any size up to the limit cost the browser and the server no more memory.
 */
async function send(
  step: 'preview' | 'commit',
  file: File,
  mapping: TImportMapping | undefined,
): Promise<unknown> {
  const query = new URLSearchParams({ fileName: file.name });
  if (mapping) query.set('mapping', JSON.stringify(mapping));
  const response = await fetch(`${MEMBER_IMPORT_UPLOAD_PATH}/${step}?${query.toString()}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-unionhall-locale': currentLocale(i18n),
    },
    body: file,
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = isRecord(body) && isRecord(body.error) ? body.error : {};
    throw new ImportUploadError(
      typeof error.message === 'string' ? error.message : response.statusText,
      { ...(isRecord(error.data) ? error.data : {}), httpStatus: response.status },
    );
  }
  return body;
}

/** The dry run: counts, the mapping and rows with their reasons. */
export async function previewUpload(file: File, mapping?: TImportMapping): Promise<TImportPreview> {
  return ZImportPreview.parse(await send('preview', file, mapping));
}

/** Imports the valid rows; the rejected ones come back as a file. */
export async function commitUpload(file: File, mapping: TImportMapping): Promise<TImportResult> {
  return ZImportResult.parse(await send('commit', file, mapping));
}

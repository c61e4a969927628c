import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { once } from 'node:events';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS, UnionhallError } from '@unionhall/domain';

/**
 * Reading and writing the spreadsheets of member import and export. A file is read as a
 * stream of rows (trimmed strings), never whole, so a large file costs no more memory than a
 * small one; everything after that works on strings only.
 */

/** One row of a sheet with its line in the file (the header is line 1). */
export interface SheetRow {
  line: number;
  cells: string[];
}

/**
 * An uploaded file's body, still unread: the HTTP upload route hands it to the import
 * procedures, which read it only once the caller has passed the procedure's policy. It cannot
 * arrive as JSON, so over /trpc only the base64 `file` is accepted.
 */
export class ImportUpload {
  constructor(
    readonly body: ReadableStream<Uint8Array> | null,
    /** The most bytes accepted; reading stops with PAYLOAD_TOO_LARGE past it. */
    readonly maxBytes: number,
  ) {}
}

/** A whole file, ready to be read (as often as needed) as a stream of bytes. */
export interface ImportSource {
  /** SHA-256 of the bytes, hex, as the audit row records it. */
  sha256: string;
  bytes: number;
  encoding: 'utf-8' | 'gb18030';
  open(): Readable;
  /** Removes what the source kept on disk, if anything. */
  dispose(): Promise<void>;
}

/**
 * Watches bytes go by: their hash, their count, and whether they are all UTF-8. A file that is
 * not is read as GB 18030: Excel on Chinese Windows saves "CSV" in the ANSI code page, GBK,
 * and GB 18030 is its superset.
 */
class ByteWatcher {
  private readonly hash = createHash('sha256');
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private isUtf8 = true;
  bytes = 0;

  take(chunk: Uint8Array) {
    this.hash.update(chunk);
    this.bytes += chunk.byteLength;
    if (this.isUtf8) {
      try {
        this.utf8.decode(chunk, { stream: true });
      } catch {
        this.isUtf8 = false;
      }
    }
  }

  finish(): Pick<ImportSource, 'sha256' | 'bytes' | 'encoding'> {
    if (this.isUtf8) {
      try {
        this.utf8.decode();
      } catch {
        this.isUtf8 = false;
      }
    }
    return {
      sha256: this.hash.digest('hex'),
      bytes: this.bytes,
      encoding: this.isUtf8 ? 'utf-8' : 'gb18030',
    };
  }
}

/** A file that arrived whole (base64 in a JSON request). */
export function sourceFromBuffer(bytes: Buffer): ImportSource {
  const watcher = new ByteWatcher();
  watcher.take(bytes);
  return {
    ...watcher.finish(),
    open: () => Readable.from([bytes]),
    dispose: async () => {},
  };
}

/**
 * Writes an upload to a private temporary file as it arrives, hashing and checking its
 * encoding on the way, so that it is read from disk (at the database's pace, inside the
 * import's transaction) rather than held in memory or read at the network's pace.
 */
export async function spoolUpload(upload: ImportUpload): Promise<ImportSource> {
  if (!upload.body) throw new UnionhallError('IMPORT_UNREADABLE', 'empty upload');
  const dir = await mkdtemp(join(tmpdir(), 'unionhall-import-'));
  const path = join(dir, `${randomUUID()}.upload`);
  const dispose = () => rm(dir, { recursive: true, force: true });
  const watcher = new ByteWatcher();
  try {
    const out = createWriteStream(path, { mode: 0o600 });
    const reader = upload.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        watcher.take(value);
        if (watcher.bytes > upload.maxBytes) {
          throw new UnionhallError('PAYLOAD_TOO_LARGE', `upload over ${upload.maxBytes} bytes`);
        }
        if (!out.write(value)) await once(out, 'drain');
      }
    } finally {
      reader.releaseLock();
      out.end();
      await finished(out);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { ...watcher.finish(), open: () => createReadStream(path), dispose };
}

/** A cell as text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const richText: unknown = Reflect.get(value, 'richText');
    if (Array.isArray(richText)) {
      return richText
        .map((part: unknown) =>
          typeof part === 'object' && part !== null ? String(Reflect.get(part, 'text') ?? '') : '',
        )
        .join('')
        .trim();
    }
    if ('result' in value) return cellText(Reflect.get(value, 'result'));
    if ('text' in value) return cellText(Reflect.get(value, 'text'));
  }
  return '';
}

/** Decodes a byte stream chunk by chunk (a character split across chunks is kept whole). */
async function* decoded(bytes: Readable, encoding: ImportSource['encoding']) {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk instanceof Uint8Array ? chunk : Buffer.from(String(chunk)), {
      stream: true,
    });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* csvRows(source: ImportSource): AsyncGenerator<SheetRow> {
  const parser = parseCsv({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    // One more than allowed (plus the header), so an oversized file is told apart.
    to_line: MAX_IMPORT_ROWS + 2,
  });
  // pipeline() passes a failure of the file to the parser, and closes the file when the
  // reader stops early.
  pipeline(Readable.from(decoded(source.open(), source.encoding)), parser, () => {});
  // A leading apostrophe is a spreadsheet's "keep as text" mark (our own files write one).
  const unmark = (cell: string) => (cell.startsWith("'") ? cell.slice(1).trim() : cell);
  let line = 0;
  try {
    for await (const record of parser) {
      const cells = Array.isArray(record) ? record.map((cell) => unmark(String(cell))) : [];
      line += 1;
      yield { line, cells };
    }
  } catch (error) {
    if (error instanceof UnionhallError) throw error;
    throw new UnionhallError('IMPORT_UNREADABLE', 'csv parse failed', { cause: error });
  }
}

/**
 * XLSX through exceljs' streaming reader: the first worksheet only, row by row, stopping past
 * the row limit, so a small file that unzips to a huge sheet is not read whole.
 */
async function* xlsxRows(source: ImportSource): AsyncGenerator<SheetRow> {
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(source.open(), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    let count = 0;
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        count += 1;
        if (count > MAX_IMPORT_ROWS + 1) {
          throw new UnionhallError('IMPORT_TOO_MANY_ROWS', 'more rows than allowed');
        }
        const values: unknown = row.values;
        // Missing cells at the end of a row come back shorter.
        yield {
          line: row.number,
          cells: Array.isArray(values) ? values.slice(1).map(cellText) : [],
        };
      }
      break;
    }
  } catch (error) {
    if (error instanceof UnionhallError) throw error;
    throw new UnionhallError('IMPORT_UNREADABLE', 'xlsx read failed', { cause: error });
  }
}

/**
 * The header row, then the data rows as they are read (blank rows skipped), by the file
 * name's extension. Refuses a file without a header and one with more than MAX_IMPORT_ROWS
 * data rows (when it reaches the row past the limit).
 */
export async function openSheet(
  source: ImportSource,
  fileName: string,
): Promise<{ headers: string[]; rows: AsyncGenerator<SheetRow> }> {
  const all = /\.xlsx$/i.test(fileName) ? xlsxRows(source) : csvRows(source);
  const first = await all.next();
  const header = first.done ? undefined : first.value;
  if (!header || header.cells.every((cell) => cell === '')) {
    await all.return(undefined);
    throw new UnionhallError('IMPORT_UNREADABLE', 'no header row');
  }
  async function* rows(): AsyncGenerator<SheetRow> {
    let count = 0;
    for await (const row of all) {
      if (!row.cells.some((cell) => cell !== '')) continue;
      count += 1;
      if (count > MAX_IMPORT_ROWS) {
        throw new UnionhallError('IMPORT_TOO_MANY_ROWS', `more than ${MAX_IMPORT_ROWS} rows`);
      }
      yield row;
    }
  }
  return { headers: header.cells, rows: rows() };
}

/**
 * One CSV field. Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed
 * with an apostrophe, so an exported name like "=HYPERLINK(…)" stays text.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line, with its line break. */
export function csvLine(row: readonly string[]): string {
  return `${row.map(csvField).join(',')}\r\n`;
}

/** Excel opens Chinese text in a CSV file correctly only after a byte-order mark. */
export const CSV_BOM = '\uFEFF';

/** CSV in UTF-8 with a byte-order mark. */
export function writeCsv(rows: readonly (readonly string[])[]): Buffer {
  return Buffer.from(`${CSV_BOM}${rows.map(csvLine).join('')}`, 'utf8');
}

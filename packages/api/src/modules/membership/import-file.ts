import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS, UnionhallError } from '@unionhall/domain';

/**
 * Reading and writing the spreadsheets of member import and export. A file becomes its header
 * row and its data rows as trimmed strings; everything after that works on strings only.
 */
export interface Sheet {
  headers: string[];
  /** Data rows with their line in the file (the header is line 1). */
  rows: { line: number; cells: string[] }[];
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
// Excel on Chinese Windows saves "CSV" in the ANSI code page, GBK; GB 18030 is its superset.
const GB18030 = new TextDecoder('gb18030');

function decodeText(bytes: Buffer): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return GB18030.decode(bytes);
  }
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

function toSheet(lines: { line: number; cells: string[] }[]): Sheet {
  const [header, ...rest] = lines;
  if (!header || header.cells.every((cell) => cell === '')) {
    throw new UnionhallError('IMPORT_UNREADABLE', 'no header row');
  }
  const rows = rest.filter((row) => row.cells.some((cell) => cell !== ''));
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new UnionhallError('IMPORT_TOO_MANY_ROWS', `${rows.length} rows`);
  }
  return { headers: header.cells, rows };
}

function readCsv(bytes: Buffer): Sheet {
  let records: string[][];
  try {
    records = parseCsv(decodeText(bytes), {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      // One more than allowed (plus the header), so an oversized file is told apart.
      to_line: MAX_IMPORT_ROWS + 2,
    });
  } catch (error) {
    throw new UnionhallError('IMPORT_UNREADABLE', 'csv parse failed', { cause: error });
  }
  // A leading apostrophe is a spreadsheet's "keep as text" mark (our own files write one).
  const unmark = (cell: string) => (cell.startsWith("'") ? cell.slice(1).trim() : cell);
  return toSheet(records.map((cells, index) => ({ line: index + 1, cells: cells.map(unmark) })));
}

/**
 * XLSX through exceljs' streaming reader: the first worksheet only, row by row, stopping past
 * the row limit, so a small file that unzips to a huge sheet is not read whole.
 */
async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const lines: { line: number; cells: string[] }[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values: unknown = row.values;
        const cells = Array.isArray(values) ? values.slice(1).map(cellText) : [];
        lines.push({ line: row.number, cells });
        if (lines.length > MAX_IMPORT_ROWS + 1) {
          throw new UnionhallError('IMPORT_TOO_MANY_ROWS', 'more rows than allowed');
        }
      }
      break;
    }
  } catch (error) {
    if (error instanceof UnionhallError) throw error;
    throw new UnionhallError('IMPORT_UNREADABLE', 'xlsx read failed', { cause: error });
  }
  // Missing cells at the end of a row come back shorter; blank rows in between are skipped.
  return toSheet(lines);
}

/** Reads an uploaded file by its name's extension. */
export async function readSheet(bytes: Buffer, fileName: string): Promise<Sheet> {
  if (/\.xlsx$/i.test(fileName)) return readXlsx(bytes);
  return readCsv(bytes);
}

/**
 * One CSV field. Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed
 * with an apostrophe, so an exported name like "=HYPERLINK(…)" stays text.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV in UTF-8 with a byte-order mark: Excel opens Chinese text correctly only with one. */
export function writeCsv(rows: readonly (readonly string[])[]): Buffer {
  const text = rows.map((row) => row.map(csvField).join(',')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

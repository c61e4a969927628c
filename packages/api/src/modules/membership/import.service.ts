import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  DUPLICATE_IMPORT_PROBLEMS,
  IMPORT_PREVIEW_ROWS,
  IMPORT_PROBLEM_MESSAGES,
  MAX_EXPORT_ROWS,
  nameGrams,
  normalizeChinaMobile,
  normalizeForSearch,
  isNotInFuture,
  parseResidentId,
  REQUIRED_IMPORT_FIELDS,
  UnionhallError,
  ZEmail,
  ZMemberExportInput,
  proposeImportMapping,
  type TImportCounts,
  type TImportField,
  type TImportMapping,
  type TImportPreview,
  type TImportProblem,
  type TImportResult,
  type TImportRow,
  type TImportRowProblem,
  type TLocale,
  type TMemberExport,
  type TMemberExportInput,
} from '@unionhall/domain';
import type { Scope } from '../../access';
import { afterSortNameCursor } from '../../keyset';
import type { AuditWriter } from '../../audit';
import type { Actor } from '../../context';
import { insertRows } from '../../bulk-insert';
import type { FieldCipher } from '../../crypto/field-cipher';
import {
  csvLine,
  CSV_BOM,
  type ImportUpload,
  openSheet,
  sourceFromBuffer,
  spoolUpload,
  writeCsv,
  type ImportSource,
  type SheetRow,
} from './import-file';
import {
  idCipherContext,
  idDocumentHash,
  memberFilterWhere,
  readMembers,
  takeMemberNumbers,
} from './membership.service';
import { recordEmployment } from './employment.service';
import { memberSortName } from './sort-name';

type Tx = Prisma.TransactionClient;

export interface ImportDeps {
  prisma: PrismaClient;
  /** For searches in the export (Database.searchPrisma); absent: the transaction of readMembers. */
  searchPrisma?: PrismaClient | null;
  audit: AuditWriter;
  cipher: FieldCipher;
  scope: Scope;
  actor: Actor;
  locale: TLocale;
}

/**
 * What the import procedures take: the file as base64 (JSON over /trpc, small files), or an
 * upload streamed to the HTTP upload route (large files), with its name and the mapping.
 */
export type ImportFileRequest = { fileName: string; mapping?: TImportMapping | undefined } & (
  { file: string } | { upload: ImportUpload }
);

/** Records that block a second one for the same person (as applyToJoin counts them). */
const LIVING = ['APPLICANT', 'ACTIVE', 'LAPSED', 'SUSPENDED'] as const;
/**
 * Rows read, checked and written at a time. Memory holds one batch, whatever the file's size;
 * a batch's createMany stays well inside PostgreSQL's 65,535 parameters.
 */
const BATCH = 1000;
/** Lookup caches (units, employers by code or name) are cleared past this many entries. */
const CACHE_LIMIT = 10_000;
/** A whole import is one transaction; a file of MAX_IMPORT_ROWS rows must fit in it. */
const IMPORT_TRANSACTION_TIMEOUT_MS = 30 * 60_000;

/** A row that passed the checks, in the form it is stored. */
interface CleanRow {
  name: string;
  idNumber: string;
  idHash: string;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  phone: string;
  email: string | null;
  unit: { id: string; path: string };
  employer: string | null;
  /** A workplace of that employer, matched by name. */
  workplaceId: string | null;
  jobTitle: string | null;
  joinedAt: Date | null;
}

interface AnalyzedRow {
  line: number;
  cells: string[];
  values: Partial<Record<TImportField, string>>;
  problems: { code: TImportProblem; field: TImportField | null }[];
  clean: CleanRow | null;
}

const MAX_LENGTH: Record<TImportField, number> = {
  name: 50,
  idNumber: 30,
  phone: 32,
  email: 254,
  unitCode: 32,
  employer: 100,
  workplace: 100,
  jobTitle: 100,
  joinedAt: 20,
};

/** YYYY-MM-DD, YYYY/M/D or YYYY.M.D, not in the future. */
function parseJoinedDate(value: string, now: Date): Date | 'future' | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || year < 1900) return null;
  // Compared as Beijing calendar days: a member who joined today joined on today's date there.
  return isNotInFuture(date.toISOString().slice(0, 10), now) ? date : 'future';
}

/** The file as a source to read: a spooled upload, or the decoded base64. */
function openSource(input: ImportFileRequest): Promise<ImportSource> {
  return 'upload' in input
    ? spoolUpload(input.upload)
    : Promise.resolve(sourceFromBuffer(Buffer.from(input.file, 'base64')));
}

/**
 * An employer as a row names it, with its workplaces by name; null when no employer has the
 * name (the import would record a new one, which has no workplaces yet).
 */
type EmployerPlaces = { id: string; workplaces: ReadonlyMap<string, string> } | null;

/** Checks one row against the domain rules; units and employers are looked up beforehand. */
function checkRow(
  deps: Pick<ImportDeps, 'cipher' | 'scope'>,
  units: ReadonlyMap<string, { id: string; path: string } | null>,
  employers: ReadonlyMap<string, EmployerPlaces>,
  mapping: TImportMapping,
  row: SheetRow,
  now: Date,
): AnalyzedRow {
  const values: Partial<Record<TImportField, string>> = {};
  const read = (field: TImportField): string => {
    const column = mapping[field];
    return column === undefined ? '' : (row.cells[column] ?? '').trim();
  };
  const problems: AnalyzedRow['problems'] = [];
  const problem = (code: TImportProblem, field: TImportField | null) =>
    problems.push({ code, field });

  const raw = {
    name: read('name'),
    idNumber: read('idNumber'),
    phone: read('phone'),
    email: read('email'),
    unitCode: read('unitCode'),
    employer: read('employer'),
    workplace: read('workplace'),
    jobTitle: read('jobTitle'),
    joinedAt: read('joinedAt'),
  } satisfies Record<TImportField, string>;
  for (const [field, value] of Object.entries(raw)) {
    if (value !== '') Reflect.set(values, field, value);
  }
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (raw[field] === '') problem('REQUIRED', field);
  }
  for (const [field, value] of Object.entries(raw)) {
    const limit = Reflect.get(MAX_LENGTH, field);
    if (typeof limit === 'number' && value.length > limit) {
      problem('TOO_LONG', field === 'name' ? 'name' : null);
    }
  }
  if (raw.name !== '' && [...raw.name].some((char) => (char.codePointAt(0) ?? 0) < 0x20)) {
    problem('TOO_LONG', 'name');
  }

  const id = raw.idNumber === '' ? null : parseResidentId(raw.idNumber, now);
  if (id && !id.ok) {
    problem(id.reason === 'checkDigit' ? 'RESIDENT_ID_CHECK_DIGIT' : 'RESIDENT_ID', 'idNumber');
  }
  const phone = raw.phone === '' ? null : normalizeChinaMobile(raw.phone);
  if (raw.phone !== '' && !phone) problem('PHONE', 'phone');
  const email = raw.email === '' ? null : ZEmail.safeParse(raw.email);
  if (email && !email.success) problem('EMAIL', 'email');
  const unit = raw.unitCode === '' ? null : units.get(raw.unitCode.toUpperCase());
  // Unknown and outside the caller's scope read the same, as everywhere else.
  if (raw.unitCode !== '' && (!unit || !deps.scope.covers(unit.path))) {
    problem('UNKNOWN_UNIT', 'unitCode');
  }
  // A workplace is a site of the row's employer, matched by its name there; the import does
  // not invent workplaces (a misspelt one would split a site in two).
  let workplaceId: string | null = null;
  if (raw.workplace !== '') {
    if (raw.employer === '') problem('WORKPLACE_WITHOUT_EMPLOYER', 'workplace');
    else {
      workplaceId = employers.get(raw.employer)?.workplaces.get(raw.workplace) ?? null;
      if (!workplaceId) problem('UNKNOWN_WORKPLACE', 'workplace');
    }
  }
  const parsedJoinedAt = raw.joinedAt === '' ? null : parseJoinedDate(raw.joinedAt, now);
  if (raw.joinedAt !== '' && !parsedJoinedAt) problem('DATE', 'joinedAt');
  if (parsedJoinedAt === 'future') problem('DATE_IN_FUTURE', 'joinedAt');
  const joinedAt = parsedJoinedAt === 'future' ? null : parsedJoinedAt;

  if (values.idNumber)
    values.idNumber = `${'*'.repeat(Math.max(0, values.idNumber.length - 4))}${values.idNumber.slice(-4)}`;

  const clean: CleanRow | null =
    problems.length === 0 && id?.ok && phone && unit
      ? {
          name: raw.name,
          idNumber: id.value,
          idHash: idDocumentHash(deps.cipher, 'RESIDENT_ID', id.value),
          birthDate: id.facts.birthDate,
          sex: id.facts.sex,
          phone,
          email: email?.success ? email.data : null,
          unit,
          employer: raw.employer === '' ? null : raw.employer,
          workplaceId,
          jobTitle: raw.jobTitle === '' ? null : raw.jobTitle,
          joinedAt,
        }
      : null;
  return { line: row.line, cells: row.cells, values, problems, clean };
}

/**
 * What the import remembers between batches lives in temporary tables of its transaction
 * (dropped at its end), not in memory: the ID hashes and phone numbers of the rows read so
 * far, for repeats within the file, and the members this import has written, which the
 * look-up of existing records must not count.
 */
async function createImportTables(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(
    'CREATE TEMPORARY TABLE import_seen_id (id_hash text PRIMARY KEY) ON COMMIT DROP',
  );
  await tx.$executeRawUnsafe(
    'CREATE TEMPORARY TABLE import_seen_phone (phone text PRIMARY KEY) ON COMMIT DROP',
  );
  await tx.$executeRawUnsafe(
    'CREATE TEMPORARY TABLE import_new_member (id uuid PRIMARY KEY) ON COMMIT DROP',
  );
}

/** Marks rows that repeat an earlier row, or a living record already in the database. */
async function findDuplicates(tx: Tx, rows: AnalyzedRow[]): Promise<void> {
  const candidates = rows.flatMap((row) => (row.clean ? [{ row, clean: row.clean }] : []));
  if (candidates.length === 0) return;
  const ids = [...new Set(candidates.map(({ clean }) => clean.idHash))];
  const phones = [...new Set(candidates.map(({ clean }) => clean.phone))];

  // Repeats: of rows in earlier batches (the temporary tables), then of earlier rows here.
  const seenIds = new Set(
    (
      await tx.$queryRaw<{ id_hash: string }[]>`
        SELECT id_hash FROM import_seen_id WHERE id_hash = ANY(${ids}::text[])`
    ).map((row) => row.id_hash),
  );
  const seenPhones = new Set(
    (
      await tx.$queryRaw<{ phone: string }[]>`
        SELECT phone FROM import_seen_phone WHERE phone = ANY(${phones}::text[])`
    ).map((row) => row.phone),
  );
  for (const { row, clean } of candidates) {
    if (seenIds.has(clean.idHash))
      row.problems.push({ code: 'DUPLICATE_IN_FILE', field: 'idNumber' });
    else if (seenPhones.has(clean.phone)) {
      row.problems.push({ code: 'DUPLICATE_IN_FILE', field: 'phone' });
    }
    seenIds.add(clean.idHash);
    seenPhones.add(clean.phone);
  }
  await tx.$executeRaw`
    INSERT INTO import_seen_id (id_hash) SELECT unnest(${ids}::text[]) ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO import_seen_phone (phone) SELECT unnest(${phones}::text[]) ON CONFLICT DO NOTHING`;

  // Living records that were there before this import.
  const names = [...new Set(candidates.map(({ clean }) => clean.name))];
  const births = [...new Set(candidates.map(({ clean }) => clean.birthDate))];
  const found = await tx.$queryRaw<
    { id_hash: string | null; phone: string | null; name: string; birth_date: string | null }[]
  >`
    SELECT m.id_hash, m.phone, m.name, to_char(m.birth_date, 'YYYY-MM-DD') AS birth_date
    FROM member m
    WHERE m.status::text = ANY(${[...LIVING]}::text[])
      AND (
        m.id_hash = ANY(${ids}::text[])
        OR m.phone = ANY(${phones}::text[])
        OR (m.name = ANY(${names}::text[]) AND m.birth_date = ANY(${births}::date[]))
      )
      AND NOT EXISTS (SELECT 1 FROM import_new_member n WHERE n.id = m.id)`;
  const person = (name: string, birthDate: string) => `${name}\u0000${birthDate}`;
  const existingIds = new Set<string>();
  const existingPhones = new Set<string>();
  const existingPeople = new Set<string>();
  for (const member of found) {
    if (member.id_hash) existingIds.add(member.id_hash);
    if (member.phone) existingPhones.add(member.phone);
    if (member.birth_date) existingPeople.add(person(member.name, member.birth_date));
  }
  for (const { row, clean } of candidates) {
    if (existingIds.has(clean.idHash))
      row.problems.push({ code: 'ALREADY_MEMBER', field: 'idNumber' });
    else if (existingPhones.has(clean.phone))
      row.problems.push({ code: 'SAME_PHONE', field: 'phone' });
    else if (existingPeople.has(person(clean.name, clean.birthDate))) {
      row.problems.push({ code: 'SAME_NAME_BIRTH_DATE', field: 'name' });
    }
  }
}

function rowStatus(row: AnalyzedRow): TImportRow['status'] {
  if (row.problems.length === 0) return 'VALID';
  return row.problems.every((problem) => DUPLICATE_IMPORT_PROBLEMS.includes(problem.code))
    ? 'DUPLICATE'
    : 'INVALID';
}

function localized(row: AnalyzedRow, locale: TLocale): TImportRowProblem[] {
  return row.problems.map((problem) => ({
    ...problem,
    message: IMPORT_PROBLEM_MESSAGES[problem.code][locale],
  }));
}

/** A file being read: its header, the mapping, and its rows checked a batch at a time. */
interface SheetAnalysis {
  headers: string[];
  mapping: TImportMapping;
  /** Required fields no column is mapped to; rows are then not checked for duplicates. */
  missingFields: TImportField[];
  counts: TImportCounts;
  /** The rows, checked (and counted) a batch at a time, in file order. */
  batches: AsyncGenerator<AnalyzedRow[]>;
}

/**
 * Reads the file and checks its rows in batches, within the import's transaction (which must
 * have run createImportTables). Reads the database and the temporary tables; writes nothing
 * else. Unit codes are looked up once per import, a batch's new ones at a time.
 */
async function analyzeSheet(
  tx: Tx,
  deps: Pick<ImportDeps, 'cipher' | 'scope'>,
  source: ImportSource,
  fileName: string,
  requested: TImportMapping | undefined,
): Promise<SheetAnalysis> {
  const sheet = await openSheet(source, fileName);
  const mapping = requested ?? proposeImportMapping(sheet.headers);
  const missingFields = REQUIRED_IMPORT_FIELDS.filter((field) => mapping[field] === undefined);
  const counts: TImportCounts = { total: 0, valid: 0, invalid: 0, duplicate: 0 };
  const units = new Map<string, { id: string; path: string } | null>();
  const employers = new Map<string, EmployerPlaces>();
  const now = new Date();

  async function lookUpUnits(batch: SheetRow[]) {
    const column = mapping.unitCode;
    if (column === undefined) return;
    const codes = [
      ...new Set(batch.map((row) => (row.cells[column] ?? '').trim().toUpperCase())),
    ].filter((code) => code !== '' && !units.has(code));
    if (codes.length === 0) return;
    if (units.size + codes.length > CACHE_LIMIT) units.clear();
    const found = await tx.orgUnit.findMany({
      where: { code: { in: codes, mode: 'insensitive' } },
      select: { id: true, path: true, code: true },
    });
    for (const code of codes) units.set(code, null);
    for (const unit of found) units.set(unit.code.toUpperCase(), { id: unit.id, path: unit.path });
  }

  /** The employers of rows that name a workplace, with their workplaces, as writes pick them. */
  async function lookUpEmployers(batch: SheetRow[]) {
    const [employerColumn, workplaceColumn] = [mapping.employer, mapping.workplace];
    if (employerColumn === undefined || workplaceColumn === undefined) return;
    const names = [
      ...new Set(
        batch
          .filter((row) => (row.cells[workplaceColumn] ?? '').trim() !== '')
          .map((row) => (row.cells[employerColumn] ?? '').trim()),
      ),
    ].filter((name) => name !== '' && !employers.has(name));
    if (names.length === 0) return;
    if (employers.size + names.length > CACHE_LIMIT) employers.clear();
    // The oldest employer of a name, as employerIds (the write) picks it.
    const found = await tx.employer.findMany({
      where: { name: { in: names } },
      select: { id: true, name: true, workplaces: { select: { id: true, name: true } } },
      orderBy: { createdAt: 'asc' },
    });
    for (const name of names) employers.set(name, null);
    for (const employer of found) {
      if (employers.get(employer.name)) continue;
      employers.set(employer.name, {
        id: employer.id,
        workplaces: new Map(employer.workplaces.map((place) => [place.name, place.id])),
      });
    }
  }

  async function analyzeBatch(batch: SheetRow[]): Promise<AnalyzedRow[]> {
    await lookUpUnits(batch);
    await lookUpEmployers(batch);
    const rows = batch.map((row) => checkRow(deps, units, employers, mapping, row, now));
    if (missingFields.length === 0) await findDuplicates(tx, rows);
    for (const row of rows) {
      const status = rowStatus(row);
      counts.total += 1;
      if (status === 'VALID') counts.valid += 1;
      else if (status === 'INVALID') counts.invalid += 1;
      else counts.duplicate += 1;
    }
    return rows;
  }

  async function* batches(): AsyncGenerator<AnalyzedRow[]> {
    let batch: SheetRow[] = [];
    for await (const row of sheet.rows) {
      batch.push(row);
      if (batch.length === BATCH) {
        yield await analyzeBatch(batch);
        batch = [];
      }
    }
    if (batch.length > 0) yield await analyzeBatch(batch);
  }

  return { headers: sheet.headers, mapping, missingFields, counts, batches: batches() };
}

/**
 * A dry run: the detected columns, the mapping (proposed from the headers unless given), the
 * counts, and rows with their status and reasons — rows with problems first, so a few bad
 * rows in a long file are shown. Writes nothing (its temporary tables go with its
 * transaction).
 */
export async function previewImport(
  deps: ImportDeps,
  input: ImportFileRequest,
): Promise<TImportPreview> {
  const source = await openSource(input);
  try {
    return await deps.prisma.$transaction(
      async (tx) => {
        await createImportTables(tx);
        const analysis = await analyzeSheet(tx, deps, source, input.fileName, input.mapping);
        // At most IMPORT_PREVIEW_ROWS of each kind are kept, whatever the file's length.
        const withProblems: AnalyzedRow[] = [];
        const clean: AnalyzedRow[] = [];
        for await (const batch of analysis.batches) {
          for (const row of batch) {
            const keep = row.problems.length > 0 ? withProblems : clean;
            if (keep.length < IMPORT_PREVIEW_ROWS) keep.push(row);
          }
        }
        const shown = [
          ...withProblems,
          ...clean.slice(0, Math.max(0, IMPORT_PREVIEW_ROWS - withProblems.length)),
        ].sort((a, b) => a.line - b.line);
        return {
          headers: analysis.headers,
          mapping: analysis.mapping,
          missingFields: analysis.missingFields,
          counts: analysis.counts,
          rows: shown.map((row) => ({
            line: row.line,
            status: rowStatus(row),
            values: row.values,
            problems: localized(row, deps.locale),
          })),
        };
      },
      { timeout: IMPORT_TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
    );
  } finally {
    await source.dispose();
  }
}

const REASON_HEADER: Record<TLocale, [string, string]> = {
  'zh-CN': ['行号', '原因'],
  en: ['Line', 'Reason'],
};

/**
 * The rejected rows as the officer uploaded them, with the line and the reasons in front,
 * collected as CSV lines while the file is read.
 */
class RejectedRows {
  private readonly lines: string[];
  count = 0;

  constructor(
    private readonly headers: string[],
    private readonly mapping: TImportMapping,
    private readonly locale: TLocale,
  ) {
    const [lineHeader, reasonHeader] = REASON_HEADER[locale];
    this.lines = [csvLine([lineHeader, reasonHeader, ...headers])];
  }

  private fieldLabel(field: TImportField | null): string {
    const column = field === null ? undefined : this.mapping[field];
    return column === undefined ? '' : `${this.headers[column] ?? ''}: `;
  }

  add(row: AnalyzedRow) {
    this.count += 1;
    const reasons = row.problems
      .map(
        (problem) =>
          `${this.fieldLabel(problem.field)}${IMPORT_PROBLEM_MESSAGES[problem.code][this.locale]}`,
      )
      .join('; ');
    this.lines.push(csvLine([String(row.line), reasons, ...row.cells]));
  }

  /** CSV, UTF-8 with a byte-order mark, base64. */
  base64(): string {
    return Buffer.from(`${CSV_BOM}${this.lines.join('')}`, 'utf8').toString('base64');
  }
}

/** Finds or records employers by name; `known` carries names already resolved. */
async function employerIds(
  tx: Tx,
  names: readonly string[],
  known: Map<string, string>,
): Promise<void> {
  const missing = [...new Set(names)].filter((name) => !known.has(name));
  if (missing.length === 0) return;
  if (known.size + missing.length > CACHE_LIMIT) known.clear();
  const found = await tx.employer.findMany({
    where: { name: { in: missing } },
    select: { id: true, name: true },
    orderBy: { createdAt: 'asc' },
  });
  for (const employer of found)
    if (!known.has(employer.name)) known.set(employer.name, employer.id);
  for (const name of missing) {
    if (known.has(name)) continue;
    known.set(name, (await tx.employer.create({ data: { name }, select: { id: true } })).id);
  }
}

/** The member columns an import writes (the others keep their defaults). */
const MEMBER_COLUMNS = {
  id: 'uuid',
  member_number: 'text',
  org_unit_id: 'uuid',
  org_unit_path: 'text',
  status: '"MemberStatus"',
  name: 'text',
  search_name: 'text',
  sort_name: 'text',
  search_grams: 'text[]',
  sex: 'text',
  birth_date: 'date',
  id_type: '"IdDocumentType"',
  id_cipher: 'text',
  id_hash: 'text',
  id_last4: 'text',
  phone: 'text',
  email: 'text',
  employer_id: 'uuid',
  workplace_id: 'uuid',
  job_title: 'text',
  applied_at: 'timestamptz',
  joined_at: 'timestamptz',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
} as const;

/** Writes one batch's valid rows as ACTIVE members, with employment and status history. */
async function writeMembers(
  tx: Tx,
  deps: ImportDeps,
  valid: CleanRow[],
  employers: Map<string, string>,
  now: Date,
): Promise<void> {
  if (valid.length === 0) return;
  await employerIds(
    tx,
    valid.flatMap((row) => (row.employer ? [row.employer] : [])),
    employers,
  );
  const numbers = await takeMemberNumbers(tx, valid.length);
  const nowText = now.toISOString();
  const records = valid.map((row, index) => {
    const id = randomUUID();
    const joinedAt = (row.joinedAt ?? now).toISOString();
    return {
      id,
      member_number: numbers[index] ?? null,
      org_unit_id: row.unit.id,
      org_unit_path: row.unit.path,
      status: 'ACTIVE',
      name: row.name,
      search_name: normalizeForSearch(row.name),
      sort_name: memberSortName(row.name),
      search_grams: nameGrams(row.name),
      sex: row.sex,
      birth_date: row.birthDate,
      id_type: 'RESIDENT_ID',
      id_cipher: deps.cipher.encrypt(row.idNumber, idCipherContext(id)),
      id_hash: row.idHash,
      id_last4: row.idNumber.slice(-4),
      phone: row.phone,
      email: row.email,
      employer_id: row.employer ? (employers.get(row.employer) ?? null) : null,
      workplace_id: row.workplaceId,
      job_title: row.jobTitle,
      applied_at: joinedAt,
      joined_at: joinedAt,
      created_at: nowText,
      updated_at: nowText,
    };
  });
  // Raw bulk inserts, not createMany: see insertRows for why a batch path needs them.
  await insertRows(tx, 'member', MEMBER_COLUMNS, records);
  const ids = records.map((record) => record.id);
  await tx.$executeRaw`INSERT INTO import_new_member (id) SELECT unnest(${ids}::uuid[])`;
  await recordEmployment(
    tx,
    'IMPORT',
    records.flatMap((record) =>
      record.employer_id
        ? // An import knows when someone joined the union, not when they started the job.
          [
            {
              memberId: record.id,
              employerId: record.employer_id,
              workplaceId: record.workplace_id,
              jobTitle: record.job_title,
              startedOn: null,
            },
          ]
        : [],
    ),
  );
  await insertRows(
    tx,
    'member_status_change',
    {
      member_id: 'uuid',
      from_status: '"MemberStatus"',
      to_status: '"MemberStatus"',
      action: 'text',
      actor_type: 'text',
      actor_id: 'text',
      occurred_at: 'timestamptz',
    },
    records.map((record) => ({
      member_id: record.id,
      from_status: null,
      to_status: 'ACTIVE',
      action: 'IMPORT',
      actor_type: deps.actor.type,
      actor_id: deps.actor.id,
      occurred_at: nowText,
    })),
  );
}

/**
 * Imports the valid rows as ACTIVE members, in one transaction with its audit row, reading
 * and writing the file a batch at a time. Imports queue on an advisory lock and check
 * duplicates inside the transaction, so two runs of the same file (even at once) import each
 * person once; the second imports nothing.
 */
export async function commitImport(
  deps: ImportDeps,
  input: ImportFileRequest & { mapping: TImportMapping },
): Promise<TImportResult> {
  const source = await openSource(input);
  try {
    return await deps.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('unionhall.member-import'))`;
        await createImportTables(tx);
        const analysis = await analyzeSheet(tx, deps, source, input.fileName, input.mapping);
        if (analysis.missingFields.length > 0) {
          await analysis.batches.return(undefined);
          throw new UnionhallError(
            'IMPORT_MAPPING_INCOMPLETE',
            `unmapped: ${analysis.missingFields.join(', ')}`,
          );
        }
        const rejected = new RejectedRows(analysis.headers, analysis.mapping, deps.locale);
        const employers = new Map<string, string>();
        const now = new Date();
        let imported = 0;
        for await (const batch of analysis.batches) {
          const valid: CleanRow[] = [];
          for (const row of batch) {
            if (row.problems.length === 0 && row.clean) valid.push(row.clean);
            else rejected.add(row);
          }
          await writeMembers(tx, deps, valid, employers, now);
          imported += valid.length;
        }
        const summary = analysis.counts;
        await deps.audit(tx, {
          action: 'member.import',
          outcome: 'SUCCESS',
          targetType: 'MemberImport',
          targetId: source.sha256,
          changes: {
            fileName: { before: null, after: input.fileName },
            fileSha256: { before: null, after: source.sha256 },
            rows: { before: null, after: summary.total },
            imported: { before: null, after: imported },
            invalid: { before: null, after: summary.invalid },
            duplicate: { before: null, after: summary.duplicate },
          },
        });
        const base = input.fileName.replace(/\.[^.]+$/, '');
        return {
          counts: summary,
          imported,
          errorFile: rejected.count > 0 ? rejected.base64() : null,
          errorFileName: rejected.count > 0 ? `${base}-rejected.csv` : null,
          fileSha256: source.sha256,
        };
      },
      { timeout: IMPORT_TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
    );
  } finally {
    await source.dispose();
  }
}

const EXPORT_HEADERS: Record<TLocale, string[]> = {
  'zh-CN': [
    '会员编号',
    '姓名',
    '状态',
    '所属组织',
    '组织代码',
    '用人单位',
    '手机',
    '邮箱',
    '身份证后四位',
    '入会日期',
  ],
  en: [
    'Member number',
    'Name',
    'Status',
    'Unit',
    'Unit code',
    'Employer',
    'Phone',
    'Email',
    'ID last 4',
    'Joined',
  ],
};

/** Rows read per query while exporting (keyset pages on name, id). */
const EXPORT_PAGE = 1000;

/**
 * The filtered member list inside the scope as CSV (no ID numbers: the last four characters
 * only), with one audit row naming the filter and the count.
 */
export async function exportMembers(
  deps: Omit<ImportDeps, 'cipher'>,
  raw: TMemberExportInput,
): Promise<TMemberExport> {
  const input = ZMemberExportInput.parse(raw);
  const lines: string[][] = [EXPORT_HEADERS[deps.locale]];
  let truncated = false;
  const where = await memberFilterWhere(deps.prisma, deps.scope, input);
  if (where) {
    let after: { name: string; id: string } | null = null;
    for (;;) {
      const page: {
        id: string;
        name: string;
        sortName: string;
        memberNumber: string | null;
        status: string;
        phone: string | null;
        email: string | null;
        idLast4: string | null;
        joinedAt: Date | null;
        orgUnit: { name: string; code: string };
        employer: { name: string } | null;
      }[] = await readMembers(
        { prisma: deps.prisma, searchPrisma: deps.searchPrisma ?? null },
        input,
        (db) =>
          db.member.findMany({
            // As the member list (listMembers): units and employers in one query each.
            relationLoadStrategy: 'query',
            where: {
              AND: [...where, ...(after ? [afterSortNameCursor(after)] : [])],
            },
            select: {
              id: true,
              name: true,
              sortName: true,
              memberNumber: true,
              status: true,
              phone: true,
              email: true,
              idLast4: true,
              joinedAt: true,
              orgUnit: { select: { name: true, code: true } },
              employer: { select: { name: true } },
            } satisfies Prisma.MemberSelect,
            // The member list's order (Chinese, by pinyin), so the file reads like the screen.
            orderBy: [{ sortName: 'asc' }, { id: 'asc' }],
            take: EXPORT_PAGE,
          }),
      );
      for (const member of page) {
        if (lines.length > MAX_EXPORT_ROWS) {
          truncated = true;
          break;
        }
        lines.push([
          member.memberNumber ?? '',
          member.name,
          member.status,
          member.orgUnit.name,
          member.orgUnit.code,
          member.employer?.name ?? '',
          // National form: "+86…" would read as a formula in a spreadsheet.
          member.phone?.replace(/^\+86/, '') ?? '',
          member.email ?? '',
          member.idLast4 ?? '',
          member.joinedAt?.toISOString().slice(0, 10) ?? '',
        ]);
      }
      const last = page.at(-1);
      if (truncated || page.length < EXPORT_PAGE || !last) break;
      after = { name: last.sortName, id: last.id };
    }
  }
  const count = lines.length - 1;
  const file = writeCsv(lines).toString('base64');
  await deps.prisma.$transaction((tx) =>
    deps.audit(tx, {
      action: 'member.export',
      outcome: 'SUCCESS',
      targetType: 'MemberList',
      targetId: input.orgUnitId ?? 'scope',
      // Only a unit inside the scope is named; one outside read as "no such unit".
      ...(where && input.orgUnitId ? { orgUnitId: input.orgUnitId } : {}),
      changes: {
        filter: { before: null, after: JSON.stringify(input) },
        count: { before: null, after: count },
      },
    }),
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return { fileName: `members-${stamp}.csv`, file, count, truncated };
}

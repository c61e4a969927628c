import { createHash, randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  DUPLICATE_IMPORT_PROBLEMS,
  IMPORT_PREVIEW_ROWS,
  IMPORT_PROBLEM_MESSAGES,
  MAX_EXPORT_ROWS,
  nameGrams,
  normalizeChinaMobile,
  normalizeForSearch,
  parseResidentId,
  REQUIRED_IMPORT_FIELDS,
  UnionhallError,
  ZEmail,
  ZImportCommitInput,
  ZImportFileInput,
  ZMemberExportInput,
  proposeImportMapping,
  type TImportCommitInput,
  type TImportField,
  type TImportFileInput,
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
import { afterNameCursor } from '../../keyset';
import type { AuditWriter } from '../../audit';
import type { Actor } from '../../context';
import type { FieldCipher } from '../../crypto/field-cipher';
import { readSheet, writeCsv, type Sheet } from './import-file';
import {
  idCipherContext,
  idDocumentHash,
  memberFilterWhere,
  readMembers,
  takeMemberNumbers,
} from './membership.service';
import { recordEmployment } from './employment.service';

type Tx = Prisma.TransactionClient;

export interface ImportDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  cipher: FieldCipher;
  scope: Scope;
  actor: Actor;
  locale: TLocale;
}

/** Records that block a second one for the same person (as applyToJoin counts them). */
const LIVING = ['APPLICANT', 'ACTIVE', 'LAPSED', 'SUSPENDED'] as const;
/** Rows written per createMany; keeps statements' parameter counts well inside the limits. */
const BATCH = 500;
/** Values per IN (…) list in the duplicate look-ups. */
const LOOKUP_CHUNK = 1000;

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

interface Analysis {
  sheet: Sheet;
  mapping: TImportMapping;
  missingFields: TImportField[];
  rows: AnalyzedRow[];
}

const MAX_LENGTH: Record<TImportField, number> = {
  name: 50,
  idNumber: 30,
  phone: 32,
  email: 254,
  unitCode: 32,
  employer: 100,
  jobTitle: 100,
  joinedAt: 20,
};

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) {
    out.push(items.slice(index, index + size));
  }
  return out;
}

/** YYYY-MM-DD, YYYY/M/D or YYYY.M.D, not in the future. */
function parseJoinedDate(value: string, now: Date): Date | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && date.getTime() <= now.getTime() && year >= 1900 ? date : null;
}

function decodeFile(base64: string): Buffer {
  return Buffer.from(base64, 'base64');
}

/** Checks one row against the domain rules; units are looked up beforehand. */
function checkRow(
  deps: Pick<ImportDeps, 'cipher' | 'scope'>,
  units: ReadonlyMap<string, { id: string; path: string }>,
  mapping: TImportMapping,
  row: { line: number; cells: string[] },
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
  const joinedAt = raw.joinedAt === '' ? null : parseJoinedDate(raw.joinedAt, now);
  if (raw.joinedAt !== '' && !joinedAt) problem('DATE', 'joinedAt');

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
          jobTitle: raw.jobTitle === '' ? null : raw.jobTitle,
          joinedAt,
        }
      : null;
  return { line: row.line, cells: row.cells, values, problems, clean };
}

/** Marks rows that repeat an earlier row, or a living record already in the database. */
async function findDuplicates(db: Tx | PrismaClient, rows: AnalyzedRow[]): Promise<void> {
  const candidates = rows.flatMap((row) => (row.clean ? [{ row, clean: row.clean }] : []));
  const seenIds = new Set<string>();
  const seenPhones = new Set<string>();
  for (const { row, clean } of candidates) {
    if (seenIds.has(clean.idHash))
      row.problems.push({ code: 'DUPLICATE_IN_FILE', field: 'idNumber' });
    else if (seenPhones.has(clean.phone)) {
      row.problems.push({ code: 'DUPLICATE_IN_FILE', field: 'phone' });
    }
    seenIds.add(clean.idHash);
    seenPhones.add(clean.phone);
  }

  const existingIds = new Set<string>();
  const existingPhones = new Set<string>();
  const existingPeople = new Set<string>();
  const person = (name: string, birthDate: string) => `${name}\u0000${birthDate}`;
  for (const part of chunks(candidates, LOOKUP_CHUNK)) {
    const found = await db.member.findMany({
      where: {
        status: { in: [...LIVING] },
        OR: [
          { idHash: { in: part.map(({ clean }) => clean.idHash) } },
          { phone: { in: part.map(({ clean }) => clean.phone) } },
          {
            name: { in: [...new Set(part.map(({ clean }) => clean.name))] },
            birthDate: {
              in: [...new Set(part.map(({ clean }) => clean.birthDate))].map(
                (date) => new Date(`${date}T00:00:00Z`),
              ),
            },
          },
        ],
      },
      select: { idHash: true, phone: true, name: true, birthDate: true },
    });
    for (const member of found) {
      if (member.idHash) existingIds.add(member.idHash);
      if (member.phone) existingPhones.add(member.phone);
      if (member.birthDate) {
        existingPeople.add(person(member.name, member.birthDate.toISOString().slice(0, 10)));
      }
    }
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

/** Parses the file and checks every row; reads the database, writes nothing. */
async function analyze(
  db: Tx | PrismaClient,
  deps: Pick<ImportDeps, 'cipher' | 'scope'>,
  file: Buffer,
  fileName: string,
  requested: TImportMapping | undefined,
): Promise<Analysis> {
  const sheet = await readSheet(file, fileName);
  const mapping = requested ?? proposeImportMapping(sheet.headers);
  const missingFields = REQUIRED_IMPORT_FIELDS.filter((field) => mapping[field] === undefined);

  const unitColumn = mapping.unitCode;
  const codes =
    unitColumn === undefined
      ? []
      : [...new Set(sheet.rows.map((row) => (row.cells[unitColumn] ?? '').trim().toUpperCase()))];
  const units = new Map<string, { id: string; path: string }>();
  for (const part of chunks(codes.filter(Boolean), LOOKUP_CHUNK)) {
    const found = await db.orgUnit.findMany({
      where: { code: { in: part, mode: 'insensitive' } },
      select: { id: true, path: true, code: true },
    });
    for (const unit of found) units.set(unit.code.toUpperCase(), { id: unit.id, path: unit.path });
  }

  const now = new Date();
  const rows = sheet.rows.map((row) => checkRow(deps, units, mapping, row, now));
  if (missingFields.length === 0) await findDuplicates(db, rows);
  return { sheet, mapping, missingFields, rows };
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

function counts(analysis: Analysis) {
  const statuses = analysis.rows.map(rowStatus);
  return {
    total: statuses.length,
    valid: statuses.filter((status) => status === 'VALID').length,
    invalid: statuses.filter((status) => status === 'INVALID').length,
    duplicate: statuses.filter((status) => status === 'DUPLICATE').length,
  };
}

/**
 * A dry run: the detected columns, the mapping (proposed from the headers unless given), the
 * counts, and rows with their status and reasons — rows with problems first, so a few bad
 * rows in a long file are shown. Writes nothing.
 */
export async function previewImport(
  deps: ImportDeps,
  raw: TImportFileInput,
): Promise<TImportPreview> {
  const input = ZImportFileInput.parse(raw);
  const analysis = await analyze(
    deps.prisma,
    deps,
    decodeFile(input.file),
    input.fileName,
    input.mapping,
  );
  const withProblems = analysis.rows.filter((row) => row.problems.length > 0);
  const shown = [
    ...withProblems.slice(0, IMPORT_PREVIEW_ROWS),
    ...analysis.rows
      .filter((row) => row.problems.length === 0)
      .slice(0, Math.max(0, IMPORT_PREVIEW_ROWS - withProblems.length)),
  ].sort((a, b) => a.line - b.line);
  return {
    headers: analysis.sheet.headers,
    mapping: analysis.mapping,
    missingFields: analysis.missingFields,
    counts: counts(analysis),
    rows: shown.map((row) => ({
      line: row.line,
      status: rowStatus(row),
      values: row.values,
      problems: localized(row, deps.locale),
    })),
  };
}

const REASON_HEADER: Record<TLocale, [string, string]> = {
  'zh-CN': ['行号', '原因'],
  en: ['Line', 'Reason'],
};

/** The rejected rows as the officer uploaded them, with the line and the reasons in front. */
function errorFile(analysis: Analysis, rejected: AnalyzedRow[], locale: TLocale): Buffer {
  const [lineHeader, reasonHeader] = REASON_HEADER[locale];
  const fieldLabel = (field: TImportField | null) => {
    const column = field === null ? undefined : analysis.mapping[field];
    return column === undefined ? '' : `${analysis.sheet.headers[column] ?? ''}: `;
  };
  return writeCsv([
    [lineHeader, reasonHeader, ...analysis.sheet.headers],
    ...rejected.map((row) => [
      String(row.line),
      row.problems
        .map(
          (problem) =>
            `${fieldLabel(problem.field)}${IMPORT_PROBLEM_MESSAGES[problem.code][locale]}`,
        )
        .join('; '),
      ...row.cells,
    ]),
  ]);
}

/** Finds or records employers by name, once per name per import. */
async function employerIds(tx: Tx, names: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of new Set(names)) {
    const known = await tx.employer.findFirst({ where: { name }, select: { id: true } });
    ids.set(
      name,
      known?.id ?? (await tx.employer.create({ data: { name }, select: { id: true } })).id,
    );
  }
  return ids;
}

/**
 * Imports the valid rows as ACTIVE members, in one transaction with its audit row. Imports
 * queue on an advisory lock and check duplicates again inside the transaction, so two runs
 * of the same file (even at once) import each person once; the second imports nothing.
 */
export async function commitImport(
  deps: ImportDeps,
  raw: TImportCommitInput,
): Promise<TImportResult> {
  const input = ZImportCommitInput.parse(raw);
  const file = decodeFile(input.file);
  const fileSha256 = createHash('sha256').update(file).digest('hex');
  return deps.prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('unionhall.member-import'))`;
      const analysis = await analyze(tx, deps, file, input.fileName, input.mapping);
      if (analysis.missingFields.length > 0) {
        throw new UnionhallError(
          'IMPORT_MAPPING_INCOMPLETE',
          `unmapped: ${analysis.missingFields.join(', ')}`,
        );
      }
      const valid = analysis.rows.flatMap((row) =>
        row.problems.length === 0 && row.clean ? [row.clean] : [],
      );
      const rejected = analysis.rows.filter((row) => row.problems.length > 0);
      const employers = await employerIds(
        tx,
        valid.flatMap((row) => (row.employer ? [row.employer] : [])),
      );
      const now = new Date();
      for (const batch of chunks(valid, BATCH)) {
        const numbers = await takeMemberNumbers(tx, batch.length);
        const records = batch.map((row, index) => {
          const id = randomUUID();
          const joinedAt = row.joinedAt ?? now;
          return {
            id,
            memberNumber: numbers[index] ?? null,
            orgUnitId: row.unit.id,
            orgUnitPath: row.unit.path,
            status: 'ACTIVE' as const,
            name: row.name,
            searchName: normalizeForSearch(row.name),
            searchGrams: nameGrams(row.name),
            sex: row.sex,
            birthDate: new Date(`${row.birthDate}T00:00:00Z`),
            idType: 'RESIDENT_ID' as const,
            idCipher: deps.cipher.encrypt(row.idNumber, idCipherContext(id)),
            idHash: row.idHash,
            idLast4: row.idNumber.slice(-4),
            phone: row.phone,
            email: row.email,
            employerId: row.employer ? (employers.get(row.employer) ?? null) : null,
            jobTitle: row.jobTitle,
            appliedAt: joinedAt,
            joinedAt,
          };
        });
        await tx.member.createMany({ data: records });
        await recordEmployment(
          tx,
          'IMPORT',
          records.flatMap((record) =>
            record.employerId
              ? // An import knows when someone joined the union, not when they started the job.
                [
                  {
                    memberId: record.id,
                    employerId: record.employerId,
                    jobTitle: record.jobTitle,
                    startedOn: null,
                  },
                ]
              : [],
          ),
        );
        await tx.memberStatusChange.createMany({
          data: records.map((record) => ({
            memberId: record.id,
            fromStatus: null,
            toStatus: 'ACTIVE' as const,
            action: 'IMPORT',
            actorType: deps.actor.type,
            actorId: deps.actor.id,
          })),
        });
      }
      const summary = counts(analysis);
      await deps.audit(tx, {
        action: 'member.import',
        outcome: 'SUCCESS',
        targetType: 'MemberImport',
        targetId: fileSha256,
        changes: {
          fileName: { before: null, after: input.fileName },
          fileSha256: { before: null, after: fileSha256 },
          rows: { before: null, after: summary.total },
          imported: { before: null, after: valid.length },
          invalid: { before: null, after: summary.invalid },
          duplicate: { before: null, after: summary.duplicate },
        },
      });
      const base = input.fileName.replace(/\.[^.]+$/, '');
      return {
        counts: summary,
        imported: valid.length,
        errorFile:
          rejected.length > 0
            ? errorFile(analysis, rejected, deps.locale).toString('base64')
            : null,
        errorFileName: rejected.length > 0 ? `${base}-rejected.csv` : null,
        fileSha256,
      };
    },
    // A 10,000-row file takes longer than Prisma's 5-second default for a transaction.
    { timeout: 120_000, maxWait: 30_000 },
  );
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
        memberNumber: string | null;
        status: string;
        phone: string | null;
        email: string | null;
        idLast4: string | null;
        joinedAt: Date | null;
        orgUnit: { name: string; code: string };
        employer: { name: string } | null;
      }[] = await readMembers(deps.prisma, input, (db) =>
        db.member.findMany({
          where: {
            AND: [...where, ...(after ? [afterNameCursor(after)] : [])],
          },
          select: {
            id: true,
            name: true,
            memberNumber: true,
            status: true,
            phone: true,
            email: true,
            idLast4: true,
            joinedAt: true,
            orgUnit: { select: { name: true, code: true } },
            employer: { select: { name: true } },
          } satisfies Prisma.MemberSelect,
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
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
      after = { name: last.name, id: last.id };
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

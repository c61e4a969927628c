import type { Database, Prisma, PrismaClient } from '@unionhall/db';
import {
  CURRENT_CONSENT_VERSION,
  fieldChanges,
  isDirectStatusAction,
  isLivingMemberStatus,
  nameGrams,
  nextMemberStatus,
  normalizeForSearch,
  normalizeResidentId,
  parseResidentId,
  queryGrams,
  UnionhallError,
  ZApplyInput,
  ZChangeMemberStatusInput,
  ZMemberId,
  ZMemberListInput,
  ZEmployerChoicesInput,
  ZSetMemberWorkplaceInput,
  MAX_EMPLOYER_CHOICES,
  type TEmployerChoice,
  type TEmployerChoicesInput,
  type TSetMemberWorkplaceInput,
  type TApplyInput,
  type TChangeMemberStatusInput,
  type TMemberListInput,
  type TMemberPage,
  type TMemberStatus,
  type TMemberSummary,
} from '@unionhall/domain';
import { OutOfScopeError, type Scope } from '../../access';
import {
  afterSortNameCursor,
  decodeNameCursor,
  decodeTimeCursor,
  encodeNameCursor,
  encodeTimeCursor,
} from '../../keyset';
import { auditedRead, type AuditWriter } from '../../audit';
import type { Actor, Context } from '../../context';
import type { FieldCipher } from '../../crypto/field-cipher';
import { isLivingIdViolation } from '../../errors';
import { tellApplicant } from './application-notice';
import { recordEmployment } from './employment.service';
import { cancelPendingRequests } from './pending-requests';
import { memberSortName } from './sort-name';

type Tx = Prisma.TransactionClient;

export interface MembershipDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  cipher: FieldCipher;
}

/** What lists and summaries show. Never the ID ciphertext or its hash. */
export const MEMBER_SUMMARY_SELECT = {
  id: true,
  memberNumber: true,
  name: true,
  status: true,
  orgUnitId: true,
  orgUnit: { select: { name: true } },
  employer: { select: { name: true } },
  phone: true,
  idLast4: true,
  needsPlacement: true,
  appliedAt: true,
  joinedAt: true,
  version: true,
} satisfies Prisma.MemberSelect;

type MemberSummaryRow = Prisma.MemberGetPayload<{ select: typeof MEMBER_SUMMARY_SELECT }>;

/**
 * A member as lists show them. Written out, not spread: on Node 20, `{ ...rest, more }` gives
 * each row a hidden class of its own, about 10 µs a row to build and slow for everything that
 * reads it after (the zod output check, the transformer). See createContext.
 */
export function toSummary(row: MemberSummaryRow): TMemberSummary {
  return {
    id: row.id,
    memberNumber: row.memberNumber,
    name: row.name,
    status: row.status,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnit.name,
    employerName: row.employer?.name ?? null,
    phone: row.phone,
    idLast4: row.idLast4,
    needsPlacement: row.needsPlacement,
    appliedAt: row.appliedAt,
    joinedAt: row.joinedAt,
    version: row.version,
  };
}

/** The purpose string of the ID number's blind index; changing it orphans every hash. */
const ID_INDEX_PURPOSE = 'member.idDocument';

/** The blind index of an identity document, as duplicate checks look it up. */
export function idDocumentHash(cipher: FieldCipher, type: string, number: string): string {
  const normalized =
    type === 'RESIDENT_ID' ? normalizeResidentId(number) : number.replace(/\s/g, '').toUpperCase();
  return cipher.blindIndex(`${type}:${normalized}`, ID_INDEX_PURPOSE);
}

/** Bound to the record, so a ciphertext copied to another member does not decrypt. */
export function idCipherContext(memberId: string): string {
  return `member:${memberId}:idDocument`;
}

/**
 * An application to join, from anyone. It creates the applicant's record (status APPLICANT)
 * and a member account for the email, so the applicant can sign in with a code and follow
 * it. Retrying with the same `id` returns the first result instead of applying twice.
 */
export async function applyToJoin(
  deps: MembershipDeps,
  raw: TApplyInput,
): Promise<{ id: string; status: TMemberStatus }> {
  const input = ZApplyInput.parse(raw);
  if (input.consentVersion !== CURRENT_CONSENT_VERSION) {
    throw new UnionhallError('MEMBER_CONSENT_OUTDATED', `consent ${input.consentVersion} is old`);
  }
  const idHash = idDocumentHash(deps.cipher, input.idDocument.type, input.idDocument.number);

  return deps.prisma.$transaction(async (tx) => {
    const existing = await tx.member.findUnique({
      where: { id: input.id },
      select: { id: true, status: true, idHash: true },
    });
    if (existing) {
      // The same application sent again: answer as the first time. Anything else reusing the
      // id is refused without saying what is there.
      if (existing.idHash === idHash) return { id: existing.id, status: existing.status };
      throw new UnionhallError('CONFLICT', `member id ${input.id} already used`);
    }

    const unit = await tx.orgUnit.findUnique({ where: { id: input.orgUnitId } });
    if (!unit) throw new UnionhallError('NOT_FOUND', `org unit ${input.orgUnitId} not found`);

    // One living record per person: an open application or a membership blocks a second one.
    // Rejected, resigned, deceased and merged records do not.
    const sameDocument = await tx.member.findFirst({
      where: { idHash, status: { in: ['APPLICANT', 'ACTIVE', 'LAPSED', 'SUSPENDED'] } },
      select: { id: true },
    });
    if (sameDocument) {
      throw new UnionhallError('MEMBER_ALREADY_APPLIED', 'document already has a living record');
    }
    const account = await tx.authUser.findUnique({ where: { email: input.email } });
    if (account) throw new UnionhallError('MEMBER_EMAIL_TAKEN', 'email has an account');

    let employerId = input.employerId ?? null;
    const workplaceId = input.workplaceId ?? null;
    if (employerId) {
      const employer = await tx.employer.findUnique({ where: { id: employerId } });
      if (!employer) throw new UnionhallError('NOT_FOUND', `employer ${employerId} not found`);
      if (workplaceId) await assertWorkplaceAt(tx, employerId, workplaceId);
    } else if (input.employerName) {
      // An employer the union does not know yet: recorded by name, for officers to complete.
      const known = await tx.employer.findFirst({ where: { name: input.employerName } });
      employerId =
        known?.id ??
        (await tx.employer.create({ data: { name: input.employerName }, select: { id: true } })).id;
    }

    const facts =
      input.idDocument.type === 'RESIDENT_ID' ? parseResidentId(input.idDocument.number) : null;
    const birthDate = facts?.ok ? facts.facts.birthDate : input.birthDate;
    const user = await tx.authUser.create({
      data: { email: input.email, name: input.name, emailVerified: false, kind: 'MEMBER' },
      select: { id: true },
    });
    const number = input.idDocument.number.replace(/\s/g, '').toUpperCase();
    const now = new Date();
    const member = await tx.member
      .create({
        data: {
          id: input.id,
          userId: user.id,
          orgUnitId: unit.id,
          orgUnitPath: unit.path,
          needsPlacement: input.employerHasNoUnion,
          status: 'APPLICANT',
          name: input.name,
          searchName: normalizeForSearch(input.name),
          sortName: memberSortName(input.name),
          searchGrams: nameGrams(input.name),
          sex: facts?.ok ? facts.facts.sex : null,
          birthDate: birthDate ? new Date(`${birthDate}T00:00:00Z`) : null,
          idType: input.idDocument.type,
          idCipher: deps.cipher.encrypt(number, idCipherContext(input.id)),
          idHash,
          idLast4: number.slice(-4),
          phone: input.phone,
          email: input.email,
          employerId,
          workplaceId,
          jobTitle: input.jobTitle ?? null,
          consentVersion: input.consentVersion,
          consentAt: now,
          appliedAt: now,
        },
        select: { id: true, status: true },
      })
      .catch((error: unknown) => {
        // Two applications with one document at once: the unique index on living records'
        // ID hashes lets one through, and the other gets the answer the check above gives.
        throw isLivingIdViolation(error)
          ? new UnionhallError('MEMBER_ALREADY_APPLIED', 'document taken meanwhile', {
              cause: error,
            })
          : error;
      });
    if (employerId) {
      await recordEmployment(tx, 'APPLICATION', [
        { memberId: member.id, employerId, workplaceId, jobTitle: input.jobTitle ?? null },
      ]);
    }
    await tx.memberStatusChange.create({
      data: {
        memberId: member.id,
        fromStatus: null,
        toStatus: 'APPLICANT',
        action: 'APPLY',
        actorType: 'MEMBER',
        actorId: user.id,
      },
    });
    await deps.audit(tx, {
      action: 'member.apply',
      outcome: 'SUCCESS',
      targetType: 'Member',
      targetId: member.id,
      orgUnitId: unit.id,
      changes: fieldChanges(
        null,
        { name: input.name, idDocument: number, phone: input.phone, email: input.email },
        { fields: ['name', 'idDocument', 'phone', 'email'], sensitive: ['idDocument'] },
      ),
    });
    return member;
  });
}

/** Refuses a workplace that is not a site of the employer (or does not exist). */
export async function assertWorkplaceAt(
  tx: Tx | PrismaClient,
  employerId: string,
  workplaceId: string,
): Promise<{ id: string; name: string }> {
  const workplace = await tx.workplace.findUnique({
    where: { id: workplaceId },
    select: { id: true, name: true, employerId: true },
  });
  if (!workplace || workplace.employerId !== employerId) {
    throw new UnionhallError(
      'WORKPLACE_NOT_AT_EMPLOYER',
      `workplace ${workplaceId} is not at employer ${employerId}`,
    );
  }
  return { id: workplace.id, name: workplace.name };
}

/**
 * Employers to choose from when applying or asking for a change, with their workplaces: those
 * the unit organizes, or those whose name contains the query, by name. Names only.
 */
export async function employerChoices(
  prisma: PrismaClient,
  raw: TEmployerChoicesInput,
): Promise<TEmployerChoice[]> {
  const input = ZEmployerChoicesInput.parse(raw);
  const rows = await prisma.employer.findMany({
    where: {
      ...(input.orgUnitId ? { orgUnitId: input.orgUnitId } : {}),
      ...(input.employerId ? { id: input.employerId } : {}),
      ...(input.query ? { name: { contains: input.query, mode: 'insensitive' } } : {}),
    },
    select: {
      id: true,
      name: true,
      workplaces: { select: { id: true, name: true }, orderBy: { name: 'asc' } },
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: MAX_EMPLOYER_CHOICES,
  });
  return rows;
}

/** Member numbers are this many digits, zero-padded (takeMemberNumbers). */
export const MEMBER_NUMBER_LENGTH = 10;

/**
 * Where a search term looks: digits search phone numbers and member numbers, else names.
 * A term as long as a member number can only be contained in one by being it, and a longer
 * one in none, so those skip the trigram index on member numbers: every padded number holds
 * the trigram "000", and a whole number typed with its zeros read that index's largest
 * posting lists (386 buffers against 62 for the unique index, bench P4).
 */
function searchWhere(query: string): Prisma.MemberWhereInput | null {
  const digits = query.replace(/[\s+-]/g, '');
  if (/^\d{3,}$/.test(digits)) {
    const phone: Prisma.MemberWhereInput = { phone: { contains: digits } };
    if (digits.length > MEMBER_NUMBER_LENGTH) return phone;
    if (digits.length === MEMBER_NUMBER_LENGTH) return { OR: [phone, { memberNumber: digits }] };
    return { OR: [phone, { memberNumber: { contains: digits } }] };
  }
  const grams = queryGrams(query);
  if (grams.length === 0) return null;
  return {
    searchGrams: { hasEvery: grams },
    searchName: { contains: normalizeForSearch(query) },
  };
}

/** Whether a list input searches (a term that looks somewhere), as memberFilterWhere sees it. */
export function searches(input: { query?: string | undefined }): boolean {
  return input.query ? searchWhere(input.query) !== null : false;
}

/**
 * Reads members for a list input. A search is planned with PostgreSQL's plain index scans
 * switched off. Lists are ordered by name, and for a search the planner liked to walk the name
 * index and filter until the page was full, assuming the matches are spread evenly through the
 * alphabet. They are not: everyone called 王… sits in one stretch, and a phone fragment may
 * match nobody in the scope, so the walk read most of a million rows (4 to 12 seconds, bench
 * P4). With only bitmap scans left it takes the search indexes (GIN) and sorts the matches: the
 * cost follows the number of matches instead.
 *
 * On PostgreSQL the search goes to `db.searchPrisma`, whose connections have the setting from
 * the start: one statement per query. Before, each search ran in an interactive transaction
 * (BEGIN, SET LOCAL, the query and its relation lookups, COMMIT): three more round trips and
 * Prisma's transaction bookkeeping, most of the product's CPU per search. PGlite (one
 * connection, no pool) keeps the transaction, where SET LOCAL ends with it.
 */
export async function readMembers<T>(
  db: Pick<Database, 'prisma' | 'searchPrisma'>,
  input: { query?: string | undefined },
  read: (db: PrismaClient | Tx) => Promise<T>,
): Promise<T> {
  if (!searches(input)) return read(db.prisma);
  if (db.searchPrisma) return read(db.searchPrisma);
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_indexscan = off`;
    return read(tx);
  });
}

/**
 * The conditions of a filtered member list inside the scope (shared by the list and the
 * export), or null when the filter's unit lies outside the scope: nothing to show then.
 */
export async function memberFilterWhere(
  prisma: PrismaClient | Tx,
  scope: Scope,
  input: Omit<TMemberListInput, 'cursor' | 'limit' | 'order'>,
): Promise<Prisma.MemberWhereInput[] | null> {
  const and: Prisma.MemberWhereInput[] = [
    { OR: scope.roots.map((root) => ({ orgUnitPath: { startsWith: root } })) },
  ];
  if (input.orgUnitId) {
    const unit = await prisma.orgUnit.findUnique({ where: { id: input.orgUnitId } });
    if (!unit || !scope.covers(unit.path)) return null;
    and.push({ orgUnitPath: { startsWith: unit.path } });
  }
  if (input.employerId) and.push({ employerId: input.employerId });
  if (input.status?.length) and.push({ status: { in: input.status } });
  else and.push({ status: { notIn: ['MERGED'] } });
  if (input.tag) and.push({ tags: { has: input.tag } });
  if (input.needsPlacement !== undefined) and.push({ needsPlacement: input.needsPlacement });
  if (input.query) {
    const where = searchWhere(input.query);
    if (where) and.push(where);
  }
  return and;
}

/**
 * Members inside the caller's scope, filtered and searched, one keyset page at a time
 * (ordered by name in Chinese order, i.e. by the pinyin sort key, then id; or for the application queue by application time, oldest
 * first, then id), so page 2,000 costs what page 1 does.
 */
export async function listMembers(
  db: Pick<Database, 'prisma' | 'searchPrisma'>,
  scope: Scope,
  raw: TMemberListInput,
): Promise<TMemberPage> {
  const input = ZMemberListInput.parse(raw);
  const and = await memberFilterWhere(db.prisma, scope, input);
  if (!and) return { items: [], nextCursor: null };
  const byApplication = input.order === 'applied';
  if (input.cursor && byApplication) {
    const cursor = decodeTimeCursor(input.cursor);
    and.push({
      appliedAt: { gte: cursor.at },
      OR: [{ appliedAt: { gt: cursor.at } }, { appliedAt: cursor.at, id: { gt: cursor.id } }],
    });
  } else if (input.cursor) {
    and.push(afterSortNameCursor(decodeNameCursor(input.cursor)));
  }
  const rows = await readMembers(db, input, (client) =>
    client.member.findMany({
      // Units and employers in one query each, not joined: joined laterally, the list made the
      // officers' read/write mix (bench P7) twice as slow on both databases, and a search (plain
      // index scans off, see readMembers) did a bitmap scan per row (+35% PostgreSQL CPU, P4).
      relationLoadStrategy: 'query',
      where: { AND: and },
      select: { ...MEMBER_SUMMARY_SELECT, sortName: true },
      orderBy: byApplication
        ? [{ appliedAt: 'asc' }, { id: 'asc' }]
        : [{ sortName: 'asc' }, { id: 'asc' }],
      take: input.limit + 1,
    }),
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const more = rows.length > input.limit && last;
  return {
    items: page.map((row) => toSummary(row)),
    nextCursor: !more
      ? null
      : byApplication
        ? encodeTimeCursor({ at: last.appliedAt, id: last.id })
        : encodeNameCursor({ name: last.sortName, id: last.id }),
  };
}

export async function memberInScope(tx: Tx | PrismaClient, scope: Scope, id: string) {
  const member = await tx.member.findUnique({ where: { id } });
  if (!member) throw new UnionhallError('NOT_FOUND', `member ${id} not found`);
  if (!scope.covers(member.orgUnitPath)) throw new OutOfScopeError(`member ${id}`);
  return member;
}

/**
 * The record that carries a merged record's member on: the one it was merged into, or, when
 * that one was merged in its turn, the end of the chain. Null when the caller may not see it
 * (outside the scope looks like nothing, as everywhere) or the chain is broken.
 */
async function survivorOf(
  prisma: PrismaClient,
  scope: Scope,
  mergedIntoId: string | null,
): Promise<{ id: string; name: string; memberNumber: string | null } | null> {
  let next = mergedIntoId;
  // Merges chain rarely more than once or twice; the bound guards against a malformed cycle.
  for (let depth = 0; next && depth < 10; depth += 1) {
    const row = await prisma.member.findUnique({
      where: { id: next },
      select: {
        id: true,
        name: true,
        memberNumber: true,
        status: true,
        mergedIntoId: true,
        orgUnitPath: true,
      },
    });
    if (!row) return null;
    if (row.status !== 'MERGED' || !row.mergedIntoId) {
      if (!scope.covers(row.orgUnitPath)) return null;
      return { id: row.id, name: row.name, memberNumber: row.memberNumber };
    }
    next = row.mergedIntoId;
  }
  return null;
}

/** A member's profile for officers, with the status history. No ID number (see revealId). */
export async function getMember(prisma: PrismaClient, scope: Scope, id: string) {
  const member = await memberInScope(prisma, scope, id);
  const [summary, workplace, history, mergedInto] = await Promise.all([
    prisma.member.findUniqueOrThrow({ where: { id }, select: MEMBER_SUMMARY_SELECT }),
    member.workplaceId
      ? prisma.workplace.findUnique({ where: { id: member.workplaceId }, select: { name: true } })
      : null,
    prisma.memberStatusChange.findMany({
      where: { memberId: id },
      orderBy: { occurredAt: 'asc' },
      select: {
        fromStatus: true,
        toStatus: true,
        action: true,
        reason: true,
        actorType: true,
        occurredAt: true,
      },
    }),
    member.status === 'MERGED' ? survivorOf(prisma, scope, member.mergedIntoId) : null,
  ]);
  return {
    ...toSummary(summary),
    mergedInto,
    employerId: member.employerId,
    workplaceId: member.workplaceId,
    workplaceName: workplace?.name ?? null,
    email: member.email,
    sex: member.sex,
    birthDate: member.birthDate ? member.birthDate.toISOString().slice(0, 10) : null,
    idType: member.idType,
    jobTitle: member.jobTitle,
    tags: member.tags,
    consentVersion: member.consentVersion,
    consentAt: member.consentAt,
    statusHistory: history,
  };
}

/** Takes the next member number; the counter row serializes concurrent approvals. */
async function nextMemberNumber(tx: Tx): Promise<string> {
  const [number] = await takeMemberNumbers(tx, 1);
  if (!number) throw new Error('member number counter returned nothing');
  return number;
}

/** Takes `count` consecutive member numbers in one step (an import numbers a whole batch). */
export async function takeMemberNumbers(tx: Tx, count: number): Promise<string[]> {
  if (count < 1) return [];
  const rows = await tx.$queryRaw<{ value: string }[]>`
    INSERT INTO app_meta (key, value, updated_at) VALUES ('member_number_seq', ${String(count)}, now())
    ON CONFLICT (key) DO UPDATE
      SET value = (app_meta.value::bigint + ${count}::bigint)::text, updated_at = now()
    RETURNING value`;
  const value = rows[0]?.value;
  if (!value) throw new Error('member number counter returned nothing');
  const last = Number(value);
  return Array.from({ length: count }, (_, index) =>
    String(last - count + 1 + index).padStart(MEMBER_NUMBER_LENGTH, '0'),
  );
}

/**
 * Moves a member through the lifecycle (packages/domain member-status): refuses transitions
 * the state machine does not allow and edits based on a stale version. Approval gives the
 * member number.
 */
export async function changeMemberStatus(
  deps: MembershipDeps & { scope: Scope; actor: Actor },
  raw: TChangeMemberStatusInput,
) {
  const input = ZChangeMemberStatusInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const member = await memberInScope(tx, deps.scope, input.id);
    // MERGE_AWAY here would leave a MERGED record pointing at no survivor: the member's
    // history, requests and account would be stranded. Only mergeMembers may end a record so.
    if (!isDirectStatusAction(input.action)) {
      throw new UnionhallError(
        'MEMBER_MERGE_ONLY_BY_MERGE',
        `${input.action} is only done by merging records`,
      );
    }
    const to = nextMemberStatus(member.status, input.action);
    if (!to) {
      throw new UnionhallError(
        'MEMBER_STATUS_TRANSITION',
        `${input.action} not allowed from ${member.status}`,
      );
    }
    const approving = input.action === 'APPROVE';
    const updated = await tx.member.updateMany({
      where: { id: member.id, version: input.expectedVersion },
      data: {
        status: to,
        version: { increment: 1 },
        ...(approving ? { memberNumber: await nextMemberNumber(tx), joinedAt: new Date() } : {}),
      },
    });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `member ${member.id} changed meanwhile`);
    }
    await tx.memberStatusChange.create({
      data: {
        memberId: member.id,
        fromStatus: member.status,
        toStatus: to,
        action: input.action,
        reason: input.reason ?? null,
        actorType: deps.actor.type,
        actorId: deps.actor.id,
      },
    });
    await deps.audit(tx, {
      action: `member.status.${input.action.toLowerCase()}`,
      outcome: 'SUCCESS',
      targetType: 'Member',
      targetId: member.id,
      orgUnitId: member.orgUnitId,
      changes: {
        status: { before: member.status, after: to },
        ...(input.reason ? { reason: { before: null, after: input.reason } } : {}),
      },
    });
    if (!isLivingMemberStatus(to)) {
      await cancelPendingRequests(tx, deps, member, { action: input.action, toStatus: to });
    }
    const summary = await tx.member
      .findUniqueOrThrow({ where: { id: member.id }, select: MEMBER_SUMMARY_SELECT })
      .then(toSummary);
    if (approving || input.action === 'REJECT') {
      await tellApplicant(tx, {
        memberId: member.id,
        userId: member.userId,
        approved: approving,
        memberNumber: summary.memberNumber,
        unitName: summary.orgUnitName,
        reason: input.reason ?? null,
      });
    }
    return summary;
  });
}

/** The signed-in member's own record and its history, for the PWA. */
export async function myMembership(prisma: PrismaClient, userId: string) {
  // Session user ids are uuids; anything else cannot own a record (and must not reach SQL).
  if (!ZMemberId.safeParse(userId).success) return null;
  const member = await prisma.member.findUnique({
    where: { userId },
    select: {
      ...MEMBER_SUMMARY_SELECT,
      statusChanges: {
        orderBy: { occurredAt: 'asc' },
        select: { fromStatus: true, toStatus: true, action: true, reason: true, occurredAt: true },
      },
    },
  });
  if (!member) return null;
  const { statusChanges, ...summary } = member;
  return { ...toSummary(summary), statusHistory: statusChanges };
}

/**
 * The full identity document number, for an officer confirming who someone is. A sensitive
 * read: it is audited in the same transaction, and gives nothing if the audit row fails.
 */
export async function revealIdNumber(
  ctx: Pick<Context, 'db' | 'actor' | 'requestId' | 'cipher'>,
  scope: Scope,
  id: string,
): Promise<{ idType: string; idNumber: string | null }> {
  const revealed = await auditedRead(ctx, 'member.id-document.read', async (tx) => {
    const member = await memberInScope(tx, scope, id);
    return {
      value: {
        idType: member.idType,
        idNumber: member.idCipher
          ? ctx.cipher.decrypt(member.idCipher, idCipherContext(member.id))
          : null,
      },
      target: { targetType: 'Member', targetId: member.id, orgUnitId: member.orgUnitId },
    };
  });
  if (!revealed) throw new UnionhallError('NOT_FOUND', `member ${id} not found`);
  return revealed;
}

/**
 * An officer records that a member now works at another workplace of their current employer
 * (or at none recorded): versioned on the record, audited with both workplaces' names, and a
 * new employment spell from today, so the history shows the move. Correcting a past spell is
 * officer.employment.update instead.
 */
export async function setMemberWorkplace(
  deps: Omit<MembershipDeps, 'cipher'> & { scope: Scope },
  raw: TSetMemberWorkplaceInput,
) {
  const input = ZSetMemberWorkplaceInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const member = await memberInScope(tx, deps.scope, input.id);
    if (!isLivingMemberStatus(member.status)) {
      throw new UnionhallError('MEMBER_NOT_LIVING', `member ${member.id} is ${member.status}`);
    }
    if (input.workplaceId && !member.employerId) {
      throw new UnionhallError('WORKPLACE_NOT_AT_EMPLOYER', `member ${member.id} has no employer`);
    }
    const after =
      input.workplaceId && member.employerId
        ? await assertWorkplaceAt(tx, member.employerId, input.workplaceId)
        : null;
    const before = member.workplaceId
      ? await tx.workplace.findUnique({
          where: { id: member.workplaceId },
          select: { id: true, name: true },
        })
      : null;
    const updated = await tx.member.updateMany({
      where: { id: member.id, version: input.expectedVersion },
      data: { workplaceId: after?.id ?? null, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `member ${member.id} changed meanwhile`);
    }
    if (member.employerId && (before?.id ?? null) !== (after?.id ?? null)) {
      await recordEmployment(tx, 'OFFICER', [
        {
          memberId: member.id,
          employerId: member.employerId,
          workplaceId: after?.id ?? null,
          jobTitle: member.jobTitle,
        },
      ]);
    }
    await deps.audit(tx, {
      action: 'member.workplace.set',
      outcome: 'SUCCESS',
      targetType: 'Member',
      targetId: member.id,
      orgUnitId: member.orgUnitId,
      changes: {
        workplace: { before: before?.name ?? null, after: after?.name ?? null },
        workplaceId: { before: before?.id ?? null, after: after?.id ?? null },
      },
    });
    return tx.member.findUniqueOrThrow({
      where: { id: member.id },
      select: { id: true, workplaceId: true, version: true },
    });
  });
}

import type { Prisma, PrismaClient } from '@unionhall/db';
import {
  fieldChanges,
  MERGE_FIELDS,
  nameGrams,
  nextMemberStatus,
  normalizeForSearch,
  UnionhallError,
  ZMergeMembersInput,
  ZMergePreviewInput,
  type TMemberStatus,
  type TMergeBlocker,
  type TMergeField,
  type TMergeMembersInput,
  type TMergeNote,
  type TMergePreview,
  type TMergeRecord,
} from '@unionhall/domain';
import type { z } from 'zod';
import type { Scope } from '../../access';
import type { AuditWriter } from '../../audit';
import type { Actor } from '../../context';
import type { FieldCipher } from '../../crypto/field-cipher';
import {
  idCipherContext,
  MEMBER_SUMMARY_SELECT,
  memberInScope,
  toSummary,
} from './membership.service';
import { recordEmployment } from './employment.service';
import { memberSortName } from './sort-name';

type Tx = Prisma.TransactionClient;

export interface MergeDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  cipher: FieldCipher;
  actor: Actor;
  scope: Scope;
}

/** Statuses of a record that still carries a person: an application or a membership. */
const LIVING: readonly TMemberStatus[] = ['APPLICANT', 'ACTIVE', 'LAPSED', 'SUSPENDED'];
const MEMBERSHIP: readonly TMemberStatus[] = ['ACTIVE', 'LAPSED', 'SUSPENDED'];

const MERGE_SELECT = {
  id: true,
  version: true,
  status: true,
  memberNumber: true,
  userId: true,
  name: true,
  sex: true,
  idType: true,
  idCipher: true,
  idHash: true,
  idLast4: true,
  phone: true,
  email: true,
  address: true,
  birthDate: true,
  employerId: true,
  employer: { select: { name: true } },
  workplaceId: true,
  workplace: { select: { name: true, employerId: true } },
  jobTitle: true,
  tags: true,
  orgUnitId: true,
  orgUnitPath: true,
  orgUnit: { select: { name: true } },
  needsPlacement: true,
} satisfies Prisma.MemberSelect;

type MergeRow = Prisma.MemberGetPayload<{ select: typeof MERGE_SELECT }>;

async function loadPair(tx: Tx | PrismaClient, scope: Scope, survivorId: string, otherId: string) {
  // Both checked the same way, so a record outside scope looks like one that does not exist.
  await memberInScope(tx, scope, survivorId);
  await memberInScope(tx, scope, otherId);
  const [survivor, other] = await Promise.all([
    tx.member.findUniqueOrThrow({ where: { id: survivorId }, select: MERGE_SELECT }),
    tx.member.findUniqueOrThrow({ where: { id: otherId }, select: MERGE_SELECT }),
  ]);
  return { survivor, other };
}

function toRecord(row: MergeRow): TMergeRecord {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    memberNumber: row.memberNumber,
    hasAccount: row.userId !== null,
    name: row.name,
    idType: row.idType,
    idLast4: row.idLast4,
    phone: row.phone,
    email: row.email,
    address: row.address,
    birthDate: row.birthDate ? row.birthDate.toISOString().slice(0, 10) : null,
    employerId: row.employerId,
    employerName: row.employer?.name ?? null,
    workplaceId: row.workplaceId,
    workplaceName: row.workplace?.name ?? null,
    jobTitle: row.jobTitle,
    tags: row.tags,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnit.name,
  };
}

/** The comparable value of a field of a record, to tell where the two records differ. */
function fieldValue(row: MergeRow, field: TMergeField): string | null {
  switch (field) {
    case 'name':
      return row.name;
    case 'idDocument':
      return row.idHash ?? (row.idLast4 ? `${row.idType}:${row.idLast4}` : null);
    case 'phone':
      return row.phone;
    case 'email':
      return row.email;
    case 'address':
      return row.address;
    case 'birthDate':
      return row.birthDate ? row.birthDate.toISOString().slice(0, 10) : null;
    case 'employer':
      return row.employerId;
    case 'workplace':
      return row.workplaceId;
    case 'jobTitle':
      return row.jobTitle;
    case 'orgUnit':
      return row.orgUnitId;
  }
}

/**
 * What stops the merge, if anything. The survivor keeps its status and member number, so it
 * must be the record that carries the most: a membership wins over an application.
 */
function blockersOf(survivor: MergeRow, other: MergeRow): TMergeBlocker[] {
  const blockers: TMergeBlocker[] = [];
  if (survivor.status === 'MERGED' || other.status === 'MERGED') blockers.push('ALREADY_MERGED');
  else {
    if (!LIVING.includes(survivor.status)) blockers.push('SURVIVOR_CLOSED');
    if (!nextMemberStatus(other.status, 'MERGE_AWAY')) blockers.push('OTHER_CLOSED');
    if (survivor.status === 'APPLICANT' && MEMBERSHIP.includes(other.status)) {
      blockers.push('KEEP_MEMBERSHIP');
    }
  }
  return blockers;
}

function notesOf(survivor: MergeRow, other: MergeRow): TMergeNote[] {
  const notes: TMergeNote[] = [];
  if (survivor.memberNumber && other.memberNumber) notes.push('TWO_MEMBER_NUMBERS');
  if (survivor.userId && other.userId) notes.push('TWO_ACCOUNTS');
  if (!survivor.userId && other.userId) notes.push('ACCOUNT_MOVES');
  return notes;
}

/** The two records side by side, where they differ, and whether they can be merged. */
export async function mergePreview(
  prisma: PrismaClient,
  scope: Scope,
  raw: z.input<typeof ZMergePreviewInput>,
): Promise<TMergePreview> {
  const input = ZMergePreviewInput.parse(raw);
  const { survivor, other } = await loadPair(prisma, scope, input.survivorId, input.otherId);
  return {
    survivor: toRecord(survivor),
    other: toRecord(other),
    differences: MERGE_FIELDS.filter(
      (field) => fieldValue(survivor, field) !== fieldValue(other, field),
    ),
    blockers: blockersOf(survivor, other),
    notes: notesOf(survivor, other),
  };
}

/** The audit view of a record: what the merge may change, the ID number masked. */
function auditView(row: MergeRow, idNumber: string | null) {
  return {
    name: row.name,
    idDocument: idNumber,
    phone: row.phone,
    email: row.email,
    address: row.address,
    birthDate: row.birthDate,
    employerId: row.employerId,
    workplaceId: row.workplaceId,
    jobTitle: row.jobTitle,
    tags: row.tags.join(','),
    orgUnitId: row.orgUnitId,
    userId: row.userId,
  };
}
const AUDIT_FIELDS = [
  'name',
  'idDocument',
  'phone',
  'email',
  'address',
  'birthDate',
  'employerId',
  'workplaceId',
  'jobTitle',
  'tags',
  'orgUnitId',
  'userId',
];

/**
 * Merges two records of the same person. The survivor keeps its id, status and member number
 * and takes, field by field, the value the officer picked; tags are united. The other record
 * ends MERGED (the MERGE_AWAY transition) and points at the survivor. Each record keeps its
 * own history (status changes, requests, transfers, audit rows): the survivor's timeline reads
 * the records merged into it, so nothing is rewritten. Requests still waiting for a decision
 * move to the survivor, so the officer who decides them changes the living record.
 */
export async function mergeMembers(deps: MergeDeps, raw: TMergeMembersInput) {
  const input = ZMergeMembersInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const { survivor, other } = await loadPair(tx, deps.scope, input.survivorId, input.otherId);
    const blockers = blockersOf(survivor, other);
    if (blockers.length > 0) {
      throw new UnionhallError('MEMBER_MERGE_REFUSED', `merge refused: ${blockers.join(', ')}`);
    }
    if (survivor.version !== input.survivorVersion || other.version !== input.otherVersion) {
      throw new UnionhallError('VERSION_CONFLICT', 'a record changed meanwhile');
    }
    const pick = <T>(field: TMergeField, mine: T, theirs: T): T =>
      input.picks[field] === 'OTHER' ? theirs : mine;
    const from = (field: TMergeField) => (input.picks[field] === 'OTHER' ? other : survivor);

    const employerId = pick('employer', survivor.employerId, other.employerId);
    const workplaceSource = from('workplace');
    if (workplaceSource.workplace && workplaceSource.workplace.employerId !== employerId) {
      throw new UnionhallError('VALIDATION_FAILED', 'the workplace belongs to another employer');
    }

    // The ID ciphertext is bound to its record: taken from the other record, it is decrypted
    // there and encrypted again for the survivor.
    const decryptId = (row: MergeRow) =>
      row.idCipher ? deps.cipher.decrypt(row.idCipher, idCipherContext(row.id)) : null;
    const survivorIdNumber = decryptId(survivor);
    const otherIdNumber = decryptId(other);
    const idSource = from('idDocument');
    const idNumber = idSource === other ? otherIdNumber : survivorIdNumber;

    const name = pick('name', survivor.name, other.name);
    const unitSource = from('orgUnit');
    const tags = [...new Set([...survivor.tags, ...other.tags])];
    const moveAccount = survivor.userId === null && other.userId !== null;

    const otherData: Prisma.MemberUpdateManyMutationInput = {
      status: 'MERGED',
      mergedIntoId: survivor.id,
      version: { increment: 1 },
      // The unique link to the account can only be on one record.
      ...(moveAccount ? { userId: null } : {}),
    };
    const otherUpdated = await tx.member.updateMany({
      where: { id: other.id, version: other.version },
      data: otherData,
    });
    if (otherUpdated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `member ${other.id} changed meanwhile`);
    }
    const survivorUpdated = await tx.member.updateMany({
      where: { id: survivor.id, version: survivor.version },
      data: {
        version: { increment: 1 },
        name,
        searchName: normalizeForSearch(name),
        sortName: memberSortName(name),
        searchGrams: nameGrams(name),
        idType: idSource.idType,
        idCipher: idNumber ? deps.cipher.encrypt(idNumber, idCipherContext(survivor.id)) : null,
        idHash: idSource.idHash,
        idLast4: idSource.idLast4,
        // Sex is read from the resident ID, so it follows the document.
        sex: idSource.sex,
        phone: pick('phone', survivor.phone, other.phone),
        email: pick('email', survivor.email, other.email),
        address: pick('address', survivor.address, other.address),
        birthDate: pick('birthDate', survivor.birthDate, other.birthDate),
        employerId,
        workplaceId: workplaceSource.workplaceId,
        jobTitle: pick('jobTitle', survivor.jobTitle, other.jobTitle),
        tags,
        orgUnitId: unitSource.orgUnitId,
        orgUnitPath: unitSource.orgUnitPath,
        needsPlacement: unitSource.needsPlacement,
        ...(moveAccount ? { userId: other.userId } : {}),
      },
    });
    if (survivorUpdated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `member ${survivor.id} changed meanwhile`);
    }
    if (employerId) {
      // The merged record's employer may be the survivor's new one; when it is not known
      // since when, the spell starts on an unknown day rather than today.
      await recordEmployment(tx, 'MERGE', [
        {
          memberId: survivor.id,
          employerId,
          workplaceId: workplaceSource.workplaceId,
          jobTitle: pick('jobTitle', survivor.jobTitle, other.jobTitle),
          startedOn: null,
        },
      ]);
    }

    // Requests waiting for a decision follow the person to the living record; decided ones
    // stay where they happened, as history.
    const [movedChanges, movedTransfers] = await Promise.all([
      tx.memberChangeRequest.updateMany({
        where: { memberId: other.id, state: 'PENDING' },
        data: { memberId: survivor.id },
      }),
      tx.memberTransfer.updateMany({
        where: { memberId: other.id, state: 'PENDING' },
        data: { memberId: survivor.id },
      }),
    ]);

    // No reason text: the audit row of the merge says what happened, and the timeline
    // renders it in the reader's language.
    await tx.memberStatusChange.create({
      data: {
        memberId: other.id,
        fromStatus: other.status,
        toStatus: 'MERGED',
        action: 'MERGE_AWAY',
        actorType: deps.actor.type,
        actorId: deps.actor.id,
      },
    });

    const after = await tx.member.findUniqueOrThrow({
      where: { id: survivor.id },
      select: MERGE_SELECT,
    });
    const sensitive = { fields: AUDIT_FIELDS, sensitive: ['idDocument'] };
    await deps.audit(tx, {
      action: 'member.merge',
      outcome: 'SUCCESS',
      targetType: 'Member',
      targetId: survivor.id,
      orgUnitId: after.orgUnitId,
      changes: {
        ...fieldChanges(
          auditView(survivor, survivorIdNumber),
          auditView(after, idNumber),
          sensitive,
        ),
        mergedFrom: { before: null, after: other.id },
        ...(other.memberNumber
          ? { mergedMemberNumber: { before: null, after: other.memberNumber } }
          : {}),
        ...(movedChanges.count + movedTransfers.count > 0
          ? {
              movedRequests: {
                before: null,
                after: `${movedChanges.count} change, ${movedTransfers.count} transfer`,
              },
            }
          : {}),
      },
    });
    await deps.audit(tx, {
      action: 'member.merge-away',
      outcome: 'SUCCESS',
      targetType: 'Member',
      targetId: other.id,
      orgUnitId: other.orgUnitId,
      changes: {
        ...fieldChanges(
          { status: other.status, mergedIntoId: null, userId: other.userId },
          {
            status: 'MERGED',
            mergedIntoId: survivor.id,
            userId: moveAccount ? null : other.userId,
          },
          { fields: ['status', 'mergedIntoId', 'userId'] },
        ),
      },
    });
    return tx.member
      .findUniqueOrThrow({ where: { id: survivor.id }, select: MEMBER_SUMMARY_SELECT })
      .then(toSummary);
  });
}

import type { PrismaClient } from '@unionhall/db';
import {
  stageDeadline,
  UnionhallError,
  type TCaseChannel,
  type TCaseKind,
  type TWorkplaceTopic,
} from '@unionhall/domain';
import type { AuditWriter } from '../../audit';
import type { Actor } from '../../context';
import type { FieldCipher } from '../../crypto/field-cipher';
import { uniqueViolationFields } from '../../errors';
import {
  CASE_CALENDAR,
  caseTypeFor,
  narrativeColumns,
  recordEvent,
  takeCaseNumber,
  toDateColumn,
  type Tx,
} from './case-support';

export interface OpenCaseDeps {
  prisma: PrismaClient;
  audit: AuditWriter;
  actor: Actor;
  cipher: FieldCipher;
}

export interface CaseRequest {
  id: string;
  kind: TCaseKind;
  topic: TWorkplaceTopic | null;
  title: string;
  narrative: string;
  shareNameWithEmployer: boolean;
  confidential: boolean;
}

export interface CaseMember {
  id: string;
  orgUnitId: string;
  orgUnitPath: string;
  employerId: string | null;
}

/**
 * Opens a case for a member at the member's unit, in the first stage of the unit's case type
 * for the kind, with that stage's deadline. The caller has checked who may do this.
 */
async function insertCase(
  tx: Tx,
  deps: OpenCaseDeps,
  member: CaseMember,
  request: CaseRequest,
  channel: TCaseChannel,
): Promise<void> {
  const type = await caseTypeFor(tx, member.orgUnitPath, request.kind);
  const first = type.stages[0];
  if (!first) throw new Error(`case type ${type.code} has no stages`);
  const now = new Date();
  const deadline = stageDeadline(CASE_CALENDAR, first, now);
  const number = await takeCaseNumber(tx, now);
  await tx.memberCase.create({
    data: {
      id: request.id,
      number,
      memberId: member.id,
      orgUnitId: member.orgUnitId,
      orgUnitPath: member.orgUnitPath,
      caseTypeId: type.id,
      kind: request.kind,
      topic: request.topic,
      channel,
      title: request.title,
      ...narrativeColumns(deps.cipher, request.id, request.narrative, request.confidential),
      employerId: member.employerId,
      stage: first.key,
      stageEnteredAt: now,
      deadline: deadline ? toDateColumn(deadline) : null,
      confidential: request.confidential,
      shareNameWithEmployer: request.shareNameWithEmployer,
      createdBy: deps.actor.id,
    },
  });
  await recordEvent(
    tx,
    { id: request.id, memberId: member.id },
    deps.actor,
    'SUBMITTED',
    { number, channel, stage: first.key, stageName: first.name, stageNameEn: first.nameEn },
    true,
  );
  await deps.audit(tx, {
    action: 'case.open',
    outcome: 'SUCCESS',
    targetType: 'Case',
    targetId: request.id,
    orgUnitId: member.orgUnitId,
    // The narrative is the member's own account and may be confidential: never in audit rows.
    changes: {
      number: { before: null, after: number },
      kind: { before: null, after: request.kind },
      channel: { before: null, after: channel },
      confidential: { before: null, after: request.confidential },
    },
  });
}

/**
 * Opens the case unless one with this id exists: then the same request sent again (same
 * member) answers with it, and anything else reusing the id is refused without saying what is
 * there. Two copies racing past the check meet the primary key; the loser reads the winner's.
 */
export async function openCaseOnce(
  deps: OpenCaseDeps,
  request: CaseRequest,
  channel: TCaseChannel,
  memberOf: (tx: Tx) => Promise<CaseMember>,
): Promise<string> {
  const existing = async (tx: Tx | PrismaClient, memberId: string | null) => {
    const found = await tx.memberCase.findUnique({
      where: { id: request.id },
      select: { id: true, memberId: true },
    });
    if (!found) return null;
    if (memberId !== null && found.memberId === memberId) return found.id;
    throw new UnionhallError('CONFLICT', `case id ${request.id} already used`);
  };
  let memberId: string | null = null;
  try {
    return await deps.prisma.$transaction(async (tx) => {
      const member = await memberOf(tx);
      memberId = member.id;
      const already = await existing(tx, member.id);
      if (already) return already;
      await insertCase(tx, deps, member, request, channel);
      return request.id;
    });
  } catch (error) {
    const fields = uniqueViolationFields(error);
    if (fields && memberId !== null) {
      const already = await existing(deps.prisma, memberId);
      if (already) return already;
    }
    throw error;
  }
}

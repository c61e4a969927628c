import {
  PLACEMENT_UNIT_KINDS,
  UnionhallError,
  ZPlaceMemberInput,
  type TMemberSummary,
  type TPlaceMemberInput,
} from '@unionhall/domain';
import { OutOfScopeError, type Scope } from '../../access';
import type { Actor } from '../../context';
import {
  MEMBER_SUMMARY_SELECT,
  memberInScope,
  toSummary,
  type MembershipDeps,
} from './membership.service';

export type PlacementDeps = Omit<MembershipDeps, 'cipher'> & { scope: Scope; actor: Actor };

/**
 * Moves an applicant out of a regional unit's holding pool (their employer had no union)
 * into a grassroots unit or branch that will look after them. The caller needs the member's
 * current unit and the target in scope: either outside looks like a record that is not there.
 * The move, its history row and its audit row are one transaction.
 */
export async function placeMember(
  deps: PlacementDeps,
  raw: TPlaceMemberInput,
): Promise<TMemberSummary> {
  const input = ZPlaceMemberInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const member = await memberInScope(tx, deps.scope, input.id);
    const target = await tx.orgUnit.findUnique({ where: { id: input.orgUnitId } });
    if (!target) throw new UnionhallError('NOT_FOUND', `org unit ${input.orgUnitId} not found`);
    if (!deps.scope.covers(target.path)) throw new OutOfScopeError(`org unit ${target.id}`);
    if (member.status !== 'APPLICANT' || !member.needsPlacement) {
      // Placed by someone else meanwhile, decided, or never in the pool.
      throw new UnionhallError('CONFLICT', `member ${member.id} is not waiting for placement`);
    }
    if (!(PLACEMENT_UNIT_KINDS as readonly string[]).includes(target.kind)) {
      throw new UnionhallError('VALIDATION_FAILED', `cannot place a member in a ${target.kind}`);
    }
    const from = await tx.orgUnit.findUniqueOrThrow({ where: { id: member.orgUnitId } });
    const updated = await tx.member.updateMany({
      where: { id: member.id, version: input.expectedVersion },
      data: {
        orgUnitId: target.id,
        orgUnitPath: target.path,
        needsPlacement: false,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `member ${member.id} changed meanwhile`);
    }
    await tx.memberStatusChange.create({
      data: {
        memberId: member.id,
        fromStatus: member.status,
        toStatus: member.status,
        action: 'PLACE',
        reason: `${from.name} → ${target.name}`,
        actorType: deps.actor.type,
        actorId: deps.actor.id,
      },
    });
    await deps.audit(tx, {
      action: 'member.place',
      outcome: 'SUCCESS',
      targetType: 'Member',
      targetId: member.id,
      orgUnitId: target.id,
      changes: {
        orgUnitId: { before: member.orgUnitId, after: target.id },
        needsPlacement: { before: true, after: false },
      },
    });
    return toSummary(
      await tx.member.findUniqueOrThrow({
        where: { id: member.id },
        select: MEMBER_SUMMARY_SELECT,
      }),
    );
  });
}

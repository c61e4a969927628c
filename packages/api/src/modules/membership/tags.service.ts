import { UnionhallError, ZSetMemberTagsInput, type TSetMemberTagsInput } from '@unionhall/domain';
import type { Scope } from '../../access';
import { memberInScope, type MembershipDeps } from './membership.service';

export type MemberTagsDeps = Omit<MembershipDeps, 'cipher'> & { scope: Scope };

/**
 * Replaces a member's tags with the officer's list, in the order given. The whole set is sent
 * so that adding and removing are one versioned write, and the audit row shows both lists.
 */
export async function setMemberTags(deps: MemberTagsDeps, raw: TSetMemberTagsInput) {
  const input = ZSetMemberTagsInput.parse(raw);
  return deps.prisma.$transaction(async (tx) => {
    const member = await memberInScope(tx, deps.scope, input.id);
    if (member.status === 'MERGED') {
      // A merged record only points at its survivor; its tags went there with the merge.
      throw new UnionhallError('CONFLICT', `member ${member.id} was merged`);
    }
    const updated = await tx.member.updateMany({
      where: { id: member.id, version: input.expectedVersion },
      data: { tags: input.tags, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new UnionhallError('VERSION_CONFLICT', `member ${member.id} changed meanwhile`);
    }
    await deps.audit(tx, {
      action: 'member.tags.set',
      outcome: 'SUCCESS',
      targetType: 'Member',
      targetId: member.id,
      orgUnitId: member.orgUnitId,
      changes: { tags: { before: member.tags, after: input.tags } },
    });
    return tx.member.findUniqueOrThrow({
      where: { id: member.id },
      select: { id: true, tags: true, version: true },
    });
  });
}

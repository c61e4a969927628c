import type { Prisma } from '@unionhall/db';
import { notify } from '../../notifications/notify';

/**
 * Tells an applicant that their application to join was decided, in the transaction of the
 * decision: approved with their member number (linking to the card), or rejected with the
 * officer's reason (linking to their account). Applicants without a sign-in account (an
 * officer's paper application) are not told here. One notice per member and decision.
 */
export async function tellApplicant(
  tx: Prisma.TransactionClient,
  decided: {
    memberId: string;
    userId: string | null;
    approved: boolean;
    memberNumber: string | null;
    unitName: string;
    reason: string | null;
  },
): Promise<void> {
  if (!decided.userId) return;
  if (decided.approved) {
    await notify(tx, {
      userId: decided.userId,
      category: 'account',
      template: 'membership.application.approved',
      params: { memberNumber: decided.memberNumber ?? '', unitName: decided.unitName },
      link: '/card',
      key: `membership.application.approved:${decided.memberId}`,
    });
    return;
  }
  await notify(tx, {
    userId: decided.userId,
    category: 'account',
    template: 'membership.application.rejected',
    params: { unitName: decided.unitName, reason: decided.reason ?? '' },
    link: '/account',
    key: `membership.application.rejected:${decided.memberId}`,
  });
}

import {
  ZEmploymentHistoryInput,
  ZEmploymentRecord,
  ZEndEmploymentInput,
  ZRecordLeaversInput,
  ZRecordLeaversResult,
  ZUpdateEmploymentInput,
} from '@unionhall/domain';
import { z } from 'zod';
import { serviceDeps } from '../../audit';
import { officerProcedure, router } from '../../trpc';
import {
  employmentHistory,
  endEmployment,
  recordLeavers,
  updateEmployment,
} from './employment.service';

/** Members' employment: the history on the member page, and employers' leaver feeds. */
export const officerEmploymentRouter = router({
  history: officerProcedure('member.read')
    .input(ZEmploymentHistoryInput)
    .output(z.array(ZEmploymentRecord))
    .query(({ ctx, input }) => employmentHistory(ctx.db.prisma, ctx.scope, input.memberId)),
  /** An officer's correction of a spell, based on the version they saw. */
  update: officerProcedure('member.manage')
    .input(ZUpdateEmploymentInput)
    .output(ZEmploymentRecord)
    .mutation(({ ctx, input }) =>
      updateEmployment({ ...serviceDeps(ctx), scope: ctx.scope, actor: ctx.actor }, input),
    ),
  /** An officer ends a member's current spell. */
  end: officerProcedure('member.manage')
    .input(ZEndEmploymentInput)
    .output(ZEmploymentRecord)
    .mutation(({ ctx, input }) =>
      endEmployment({ ...serviceDeps(ctx), scope: ctx.scope, actor: ctx.actor }, input),
    ),
  /** For an employer's HR system (an API token with member.manage) as much as for officers. */
  recordLeavers: officerProcedure('member.manage')
    .input(ZRecordLeaversInput)
    .output(ZRecordLeaversResult)
    .mutation(({ ctx, input }) =>
      recordLeavers({ ...serviceDeps(ctx), cipher: ctx.cipher, scope: ctx.scope }, input),
    ),
});

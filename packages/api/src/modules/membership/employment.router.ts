import {
  ZEmploymentHistoryInput,
  ZEmploymentRecord,
  ZRecordLeaversInput,
  ZRecordLeaversResult,
} from '@unionhall/domain';
import { z } from 'zod';
import { serviceDeps } from '../../audit';
import { officerProcedure, router } from '../../trpc';
import { employmentHistory, recordLeavers } from './employment.service';

/** Members' employment: the history on the member page, and employers' leaver feeds. */
export const officerEmploymentRouter = router({
  history: officerProcedure('member.read')
    .input(ZEmploymentHistoryInput)
    .output(z.array(ZEmploymentRecord))
    .query(({ ctx, input }) => employmentHistory(ctx.db.prisma, ctx.scope, input.memberId)),
  /** For an employer's HR system (an API token with member.manage) as much as for officers. */
  recordLeavers: officerProcedure('member.manage')
    .input(ZRecordLeaversInput)
    .output(ZRecordLeaversResult)
    .mutation(({ ctx, input }) =>
      recordLeavers({ ...serviceDeps(ctx), cipher: ctx.cipher, scope: ctx.scope }, input),
    ),
});

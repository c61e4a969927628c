import { ZJobsOverview, ZRetryJobInput } from '@unionhall/domain';
import { z } from 'zod';
import { serviceDeps } from '../../audit';
import { officerProcedure, router } from '../../trpc';
import { assertCoversRoot, jobsOverview, retryJob } from './system.service';

export const officerSystemRouter = router({
  jobs: officerProcedure('system.manage')
    .output(ZJobsOverview)
    .query(async ({ ctx }) => {
      await assertCoversRoot(ctx.db.prisma, ctx.scope);
      return jobsOverview(ctx.jobs);
    }),
  retryJob: officerProcedure('system.manage')
    .input(ZRetryJobInput)
    .output(z.object({ retried: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await assertCoversRoot(ctx.db.prisma, ctx.scope);
      return retryJob(ctx.jobs, serviceDeps(ctx), input.id);
    }),
});

import {
  ZAddWorkplaceInput,
  ZEmployer,
  ZEmployerDetail,
  ZEmployerInput,
  ZEmployerListInput,
  ZEmployerPage,
  ZUpdateEmployerInput,
  ZUpdateWorkplaceInput,
} from '@unionhall/domain';
import { z } from 'zod';
import { serviceDeps } from '../../audit';
import { officerProcedure, router } from '../../trpc';
import {
  addWorkplace,
  createEmployer,
  getEmployer,
  listEmployers,
  updateEmployer,
  updateWorkplace,
} from './employers.service';

/** Employers and their workplaces: who the union organizes, and how densely. */
export const officerEmployersRouter = router({
  list: officerProcedure('member.read')
    .input(ZEmployerListInput)
    .output(ZEmployerPage)
    .query(({ ctx, input }) => listEmployers(ctx.db.prisma, ctx.scope, input)),
  get: officerProcedure('member.read')
    .input(z.object({ id: z.uuid() }))
    .output(ZEmployerDetail)
    .query(({ ctx, input }) => getEmployer(ctx.db.prisma, ctx.scope, input.id)),
  create: officerProcedure('member.manage')
    .input(ZEmployerInput)
    .output(ZEmployer)
    .mutation(({ ctx, input }) => createEmployer({ ...serviceDeps(ctx), scope: ctx.scope }, input)),
  update: officerProcedure('member.manage')
    .input(ZUpdateEmployerInput)
    .output(ZEmployer)
    .mutation(({ ctx, input }) => updateEmployer({ ...serviceDeps(ctx), scope: ctx.scope }, input)),
  addWorkplace: officerProcedure('member.manage')
    .input(ZAddWorkplaceInput)
    .output(z.object({ id: z.uuid(), name: z.string(), address: z.string().nullable() }))
    .mutation(({ ctx, input }) => addWorkplace({ ...serviceDeps(ctx), scope: ctx.scope }, input)),
  updateWorkplace: officerProcedure('member.manage')
    .input(ZUpdateWorkplaceInput)
    .output(z.object({ id: z.uuid(), name: z.string(), address: z.string().nullable() }))
    .mutation(({ ctx, input }) =>
      updateWorkplace({ ...serviceDeps(ctx), scope: ctx.scope }, input),
    ),
});

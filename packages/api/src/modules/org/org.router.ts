import {
  ZCreateOrgUnitInput,
  ZMoveOrgUnitInput,
  ZOrgUnit,
  ZRenameOrgUnitInput,
} from '@unionhall/domain';
import { z } from 'zod';
import { officerProcedure, publicProcedure, router } from '../../trpc';
import { serviceDeps } from '../../audit';
import { createOrgUnit, listOrgUnits, moveOrgUnit, renameOrgUnit } from './org.service';

/** What anyone may read: the union's structure, shown in the member app. */
export const publicOrgRouter = router({
  tree: publicProcedure.output(z.array(ZOrgUnit)).query(({ ctx }) => listOrgUnits(ctx.db.prisma)),
});

/** What officers do with the structure in the console. */
export const officerOrgRouter = router({
  list: officerProcedure('org.read')
    .output(z.array(ZOrgUnit))
    .query(({ ctx }) => listOrgUnits(ctx.db.prisma, ctx.scope)),
  create: officerProcedure('org.manage')
    .input(ZCreateOrgUnitInput)
    .output(ZOrgUnit)
    .mutation(({ ctx, input }) => createOrgUnit({ ...serviceDeps(ctx), scope: ctx.scope }, input)),
  rename: officerProcedure('org.manage')
    .input(ZRenameOrgUnitInput)
    .output(ZOrgUnit)
    .mutation(({ ctx, input }) => renameOrgUnit({ ...serviceDeps(ctx), scope: ctx.scope }, input)),
  move: officerProcedure('org.manage')
    .input(ZMoveOrgUnitInput)
    .output(ZOrgUnit)
    .mutation(({ ctx, input }) => moveOrgUnit({ ...serviceDeps(ctx), scope: ctx.scope }, input)),
});

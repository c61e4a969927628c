import {
  ZCreateOfficerInput,
  ZCreateOfficerResult,
  ZDisableOfficerInput,
  ZFindOfficersInput,
  ZGrantRoleInput,
  ZOfficer,
  ZOfficerGrant,
  ZRevokeRoleInput,
  ZWhoCanInput,
  ZWhoCanResult,
} from '@unionhall/domain';
import { z } from 'zod';
import { serviceDeps } from '../../audit';
import type { Context } from '../../context';
import type { Scope } from '../../access';
import { officerProcedure, router } from '../../trpc';
import {
  createOfficerAccount,
  disableOfficerAccount,
  grantRoleToOfficer,
  listOfficers,
  revokeRoleGrant,
  whoCan,
} from './access.service';

function accessDeps(ctx: Context & { scope: Scope }) {
  return { ...serviceDeps(ctx), auth: ctx.auth, scope: ctx.scope, actor: ctx.actor };
}

/** Who holds which role where, and changing it: the console's Access page. */
export const officerAccessRouter = router({
  officers: officerProcedure('access.read')
    .input(ZFindOfficersInput)
    .output(z.array(ZOfficer))
    .query(({ ctx, input }) => listOfficers(ctx.db.prisma, ctx.scope, input)),
  whoCan: officerProcedure('access.read')
    .input(ZWhoCanInput)
    .output(ZWhoCanResult)
    .query(({ ctx, input }) => whoCan(ctx.db.prisma, ctx.scope, input)),
  grant: officerProcedure('access.manage')
    .input(ZGrantRoleInput)
    .output(ZOfficerGrant)
    .mutation(({ ctx, input }) => grantRoleToOfficer(accessDeps(ctx), input)),
  revoke: officerProcedure('access.manage')
    .input(ZRevokeRoleInput)
    .output(ZOfficerGrant)
    .mutation(({ ctx, input }) => revokeRoleGrant(accessDeps(ctx), input)),
  createOfficer: officerProcedure('access.manage')
    .input(ZCreateOfficerInput)
    .output(ZCreateOfficerResult)
    .mutation(({ ctx, input }) => createOfficerAccount(accessDeps(ctx), input)),
  disableOfficer: officerProcedure('access.manage')
    .input(ZDisableOfficerInput)
    .output(ZOfficer)
    .mutation(({ ctx, input }) => disableOfficerAccount(accessDeps(ctx), input)),
});

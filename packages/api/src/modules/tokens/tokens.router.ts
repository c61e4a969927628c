import {
  ZApiToken,
  ZCreateApiTokenInput,
  ZCreatedApiToken,
  ZRevokeApiTokenInput,
} from '@unionhall/domain';
import { z } from 'zod';
import { serviceDeps } from '../../audit';
import { officerProcedure, router } from '../../trpc';
import { createApiTokenFor, listApiTokens, revokeApiToken } from './tokens.service';

/** Integrators' API tokens, issued and revoked by officers holding token.manage. */
export const officerTokensRouter = router({
  list: officerProcedure('token.manage')
    .output(z.array(ZApiToken))
    .query(({ ctx }) => listApiTokens(ctx.db.prisma, ctx.scope)),
  create: officerProcedure('token.manage')
    .input(ZCreateApiTokenInput)
    .output(ZCreatedApiToken)
    .mutation(({ ctx, input }) =>
      createApiTokenFor(
        { ...serviceDeps(ctx), scope: ctx.scope, auth: ctx.auth, actor: ctx.actor },
        input,
      ),
    ),
  revoke: officerProcedure('token.manage')
    .input(ZRevokeApiTokenInput)
    .output(ZApiToken)
    .mutation(({ ctx, input }) => revokeApiToken({ ...serviceDeps(ctx), scope: ctx.scope }, input)),
});

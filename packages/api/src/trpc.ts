import { initTRPC, TRPCError } from '@trpc/server';
import { UnionhallError, type TPermission, type TPolicy } from '@unionhall/domain';
import { ZodError } from 'zod';
import type { Context } from './context';
import { auditRefusal, checkPolicy, OutOfScopeError, scopeFor } from './access';
import { forgetActors } from './auth/actor';
import { AppTRPCError, appCodeOf, localizeIssues, publicMessage, toAppError } from './errors';
import { checkAddressLimit, type AddressLimitName } from './rate-limit';
import { transformer } from './transformer';

export interface ProcedureMeta {
  /** Who may call the procedure. Required: a procedure without one is refused. */
  policy?: TPolicy;
}

export const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer,
    // Clients get a code, a translated message and structured issues: never a stack or SQL.
    errorFormatter({ shape, error, ctx }) {
      const locale = ctx?.locale ?? 'zh-CN';
      const issues =
        error.cause instanceof ZodError ? localizeIssues(error.cause, locale) : undefined;
      return {
        code: shape.code,
        message: publicMessage(error, locale),
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          appCode: appCodeOf(error),
          ...(issues ? { issues } : {}),
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The base of every procedure: maps domain and database errors to typed API errors once,
 * logs unexpected ones, and refuses procedures that declare no policy (deny by default).
 */
export const baseProcedure = t.procedure.use(async ({ meta, path, type, ctx, next }) => {
  const policy = meta?.policy;
  if (!policy) {
    ctx.logger.error({ path }, 'procedure declares no policy');
    await auditRefusal(ctx, path, 'no policy');
    throw new TRPCError({ code: 'FORBIDDEN', message: `procedure ${path} declares no policy` });
  }
  const verdict = checkPolicy(ctx.actor, policy);
  if (verdict !== 'ok') {
    await auditRefusal(ctx, path, verdict);
    throw new AppTRPCError(
      verdict,
      new UnionhallError(verdict, `${ctx.actor.type} may not call ${path}`),
    );
  }
  const result = await next();
  // A change may decide who a session is (roles, accounts, sessions, units): the callers
  // remembered for the coming requests are asked again (see auth/actor-cache.ts).
  if (type === 'mutation') forgetActors(ctx.auth);
  if (result.ok) return result;
  const error = toAppError(result.error);
  if (error.cause instanceof OutOfScopeError) await auditRefusal(ctx, path, error.cause.message);
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    ctx.logger.error(
      { err: error.cause ?? error, path, type, requestId: ctx.requestId },
      'procedure failed',
    );
  }
  return { ...result, error };
});

/** Anyone may call it. */
export const publicProcedure = baseProcedure.meta({ policy: { audience: 'public' } });

/**
 * Anyone may call it, up to a limit per client address (rate-limit.ts): for what anonymous
 * callers could otherwise do in bulk, such as applying to join or listing employers.
 */
export function limitedPublicProcedure(limit: AddressLimitName) {
  return publicProcedure.use(async ({ ctx, path, next }) => {
    await checkAddressLimit(ctx, path, limit);
    return next();
  });
}

/** Signed-in members, about themselves. */
export const memberProcedure = baseProcedure.meta({ policy: { audience: 'member' } });

/**
 * Officers about themselves (their own notifications): any officer acting with a role. Such a
 * procedure touches only rows of `ctx.actor.id`, so it needs no scope.
 */
export const officerSelfProcedure = baseProcedure.meta({
  policy: { audience: 'officer', self: true },
});

/**
 * Officers (and integrators' tokens) holding `permission` somewhere. The procedure gets
 * `ctx.scope`, the subtrees where it holds, and must keep every object it touches inside it.
 */
export function officerProcedure(permission: TPermission) {
  return baseProcedure
    .meta({ policy: { audience: 'officer', permission } })
    .use(({ ctx, next }) => next({ ctx: { scope: scopeFor(ctx.actor, permission) } }));
}

import { initTRPC, TRPCError } from '@trpc/server';
import type { TPermission, TPolicy } from '@unionhall/domain';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Context } from './context';
import { appCodeOf, localizeIssues, publicMessage, toAppError } from './errors';

export interface ProcedureMeta {
  /** Who may call the procedure. Required: a procedure without one is refused. */
  policy?: TPolicy;
}

export const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
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
  if (!meta?.policy) {
    ctx.logger.error({ path }, 'procedure declares no policy');
    throw new TRPCError({ code: 'FORBIDDEN', message: `procedure ${path} declares no policy` });
  }
  const result = await next();
  if (result.ok) return result;
  const error = toAppError(result.error);
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
 * Officer procedures declare the permission they need. Identity arrives with the access
 * control capability (issue 3): until then the policy is declared and checked for presence,
 * and the enforcement point is this procedure.
 */
export function officerProcedure(permission: TPermission) {
  return baseProcedure.meta({ policy: { audience: 'officer', permission } });
}

import { appendAuditEvent, type PrismaClient } from '@unionhall/db';
import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';

/** Officers' self-service on their own account, and the audit action each one writes. */
const ACCOUNT_ACTIONS: Record<string, string> = {
  '/change-password': 'auth.password.change',
  '/request-password-reset': 'auth.password.reset-request',
  '/reset-password': 'auth.password.reset',
  '/revoke-other-sessions': 'auth.sessions.revoke-others',
  '/two-factor/generate-backup-codes': 'auth.recovery-codes.regenerate',
};

type AuditActor = { id: string; kind: 'OFFICER' | 'MEMBER' };

function actorOf(user: unknown): AuditActor | null {
  if (typeof user !== 'object' || user === null) return null;
  const id: unknown = Reflect.get(user, 'id');
  if (typeof id !== 'string') return null;
  return { id, kind: Reflect.get(user, 'kind') === 'OFFICER' ? 'OFFICER' : 'MEMBER' };
}

/** Writes one account audit row in its own transaction (Better Auth's has ended by then). */
export async function writeAccountAudit(
  prisma: PrismaClient,
  row: {
    action: string;
    outcome: 'SUCCESS' | 'FAILED';
    actor: AuditActor | null;
    target: string | null;
    path: string;
    requestId: string | null;
  },
): Promise<void> {
  await prisma.$transaction((tx) =>
    appendAuditEvent(tx, {
      actorType: row.actor?.kind ?? 'ANONYMOUS',
      actorId: row.actor?.id ?? null,
      action: row.action,
      outcome: row.outcome,
      requestId: row.requestId,
      targetType: 'AuthUser',
      targetId: row.actor?.id ?? row.target,
      changes: { path: { before: null, after: row.path } },
    }),
  );
}

/**
 * One audit row per password change, reset request, failed reset, "sign out other sessions"
 * and recovery-code regeneration. A successful reset is recorded by `onPasswordReset`, the
 * only place that still knows whose password the spent token reset.
 */
export function accountAuditPlugin(prisma: PrismaClient): BetterAuthPlugin {
  return {
    id: 'unionhall-account-audit',
    hooks: {
      after: [
        {
          matcher: (ctx) => (ctx.path ?? '') in ACCOUNT_ACTIONS,
          handler: createAuthMiddleware(async (ctx) => {
            const path = ctx.path ?? '';
            const returned: unknown = ctx.context.returned;
            const failed =
              returned instanceof Error || (returned instanceof Response && returned.status >= 400);
            if (path === '/reset-password' && !failed) return;
            // A password change rotates the session, so its user comes from the answer; the
            // others still have the caller's session.
            const answered =
              typeof returned === 'object' && returned !== null && !(returned instanceof Error)
                ? actorOf(Reflect.get(returned, 'user'))
                : null;
            const signedOut = path === '/request-password-reset' || path === '/reset-password';
            const session =
              answered || signedOut ? null : await getSessionFromCtx(ctx).catch(() => null);
            const body: unknown = ctx.body;
            const email =
              typeof body === 'object' &&
              body !== null &&
              typeof Reflect.get(body, 'email') === 'string'
                ? String(Reflect.get(body, 'email')).toLowerCase()
                : null;
            await writeAccountAudit(prisma, {
              action: ACCOUNT_ACTIONS[path] ?? path,
              outcome: failed ? 'FAILED' : 'SUCCESS',
              actor: answered ?? actorOf(session?.user),
              target: email,
              path,
              requestId: ctx.request?.headers.get('x-request-id') ?? null,
            });
          }),
        },
      ],
    },
  };
}

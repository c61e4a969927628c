import { ZRole } from '@unionhall/domain';
import { z } from 'zod';
import { publicProcedure, router } from '../../trpc';

export const ZSessionInfo = z
  .object({
    /** The user's id (e.g. to assign a case to oneself). */
    id: z.string(),
    kind: z.enum(['OFFICER', 'MEMBER']),
    name: z.string(),
    email: z.string(),
    /** Officers must enrol TOTP before their roles take effect. */
    twoFactorEnabled: z.boolean(),
    roles: z.array(z.object({ role: ZRole, orgUnitId: z.string(), orgUnitName: z.string() })),
  })
  .nullable();

/** Who the caller is, for the front ends to decide what to show. Null when signed out. */
export const publicSessionRouter = router({
  me: publicProcedure.output(ZSessionInfo).query(async ({ ctx }) => {
    if ((ctx.actor.type !== 'OFFICER' && ctx.actor.type !== 'MEMBER') || !ctx.actor.id) return null;
    const user = await ctx.db.prisma.authUser.findUnique({
      where: { id: ctx.actor.id },
      select: {
        kind: true,
        name: true,
        email: true,
        twoFactorEnabled: true,
        roleGrants: { select: { role: true, orgUnit: { select: { id: true, name: true } } } },
      },
    });
    if (!user) return null;
    return {
      id: ctx.actor.id,
      kind: user.kind,
      name: user.name,
      email: user.email,
      twoFactorEnabled: user.twoFactorEnabled ?? false,
      roles: user.roleGrants.map((grant) => ({
        role: grant.role,
        orgUnitId: grant.orgUnit.id,
        orgUnitName: grant.orgUnit.name,
      })),
    };
  }),
});

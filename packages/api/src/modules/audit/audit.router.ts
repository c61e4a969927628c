import { ZAuditEventPage, ZFindAuditEventsInput } from '@unionhall/domain';
import { officerProcedure, router } from '../../trpc';
import { findAuditEvents } from './audit.service';

export const officerAuditRouter = router({
  find: officerProcedure('audit.read')
    .input(ZFindAuditEventsInput)
    .output(ZAuditEventPage)
    .query(({ ctx, input }) => findAuditEvents(ctx.db.prisma, ctx.scope, input)),
});

import { officerAccessRouter } from './modules/access/access.router';
import { officerAuditRouter } from './modules/audit/audit.router';
import { officerOrgRouter, publicOrgRouter } from './modules/org/org.router';
import { publicSessionRouter } from './modules/session/session.router';
import { router } from './trpc';

/** Router namespaces by audience: `public.*`, `member.*`, `officer.*`. */
export const appRouter = router({
  public: router({ org: publicOrgRouter, session: publicSessionRouter }),
  officer: router({
    org: officerOrgRouter,
    audit: officerAuditRouter,
    access: officerAccessRouter,
  }),
});

export type AppRouter = typeof appRouter;

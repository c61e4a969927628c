import { officerAuditRouter } from './modules/audit/audit.router';
import { officerOrgRouter, publicOrgRouter } from './modules/org/org.router';
import { publicSessionRouter } from './modules/session/session.router';
import { router } from './trpc';

/** Router namespaces by audience: `public.*`, `member.*`, `officer.*`. */
export const appRouter = router({
  public: router({ org: publicOrgRouter, session: publicSessionRouter }),
  officer: router({ org: officerOrgRouter, audit: officerAuditRouter }),
});

export type AppRouter = typeof appRouter;

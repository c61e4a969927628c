import { officerAuditRouter } from './modules/audit/audit.router';
import { officerOrgRouter, publicOrgRouter } from './modules/org/org.router';
import { publicSessionRouter } from './modules/session/session.router';
import { officerTokensRouter } from './modules/tokens/tokens.router';
import { router } from './trpc';

/** Router namespaces by audience: `public.*`, `member.*`, `officer.*`. */
export const appRouter = router({
  public: router({ org: publicOrgRouter, session: publicSessionRouter }),
  officer: router({
    org: officerOrgRouter,
    audit: officerAuditRouter,
    tokens: officerTokensRouter,
  }),
});

export type AppRouter = typeof appRouter;

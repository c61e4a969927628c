export { appRouter, type AppRouter } from './router';
export { createContext, type ApiDeps, type ApiLogger, type Context } from './context';
export { createCallerFactory, type ProcedureMeta } from './trpc';
export type { ValidationIssue } from './errors';

export { appRouter, type AppRouter } from './router';
export { createContext, type ApiDeps, type ApiLogger, type Context } from './context';
export { createCallerFactory, type ProcedureMeta } from './trpc';
export { httpErrorResponse, type ValidationIssue } from './errors';
export { ImportUpload } from './modules/membership/import-file';
export { ANONYMOUS, type Actor } from './context';
export { createAuth, CLIENT_IP_HEADER, type Auth, type CreateAuthOptions } from './auth/auth';
export { createApiToken, officerGrants, resolveActor } from './auth/actor';
export {
  createMember,
  createOfficer,
  disableUser,
  grantRole,
  loadOrCreateAuthSecret,
} from './auth/identities';
export { DevOutbox, type CodeSender, type OutgoingCode } from './auth/messages';
export { auditWriter } from './audit';
export {
  createFieldCipher,
  FieldCipherError,
  formatDataKeys,
  generateDataKeys,
  parseDataKeys,
  type DataKeys,
  type FieldCipher,
} from './crypto/field-cipher';
export {
  CardKeyError,
  createCardSigner,
  generateCardSigningKey,
  parseCardSigningKey,
  type CardSigner,
  type CardSigningKey,
} from './crypto/card-signer';
export {
  DEMO_MEMBERS,
  DEMO_OFFICER_PASSWORD,
  DEMO_OFFICERS,
  seedDemoIdentities,
} from './auth/demo-identities';
export { seedDemoMembers } from './auth/demo-members';

export { appRouter, type AppRouter } from './router';
export { createContext, type ApiDeps, type ApiLogger, type Context } from './context';
export { createCallerFactory, type ProcedureMeta } from './trpc';
export { httpErrorResponse, type ValidationIssue } from './errors';
export { ImportUpload } from './modules/membership/import-file';
export { ANONYMOUS, type Actor } from './context';
export { createAuth, CLIENT_IP_HEADER, type Auth, type CreateAuthOptions } from './auth/auth';
export { ADDRESS_RATE_LIMITS, hashKey, type RateLimit } from './rate-limit';
export {
  cacheActors,
  createApiToken,
  forgetActors,
  officerGrants,
  resolveActor,
} from './auth/actor';
export {
  createMember,
  createOfficer,
  disableUser,
  grantRole,
  loadOrCreateAuthSecret,
} from './auth/identities';
export {
  composeCodeEmail,
  composeCodeSms,
  createCodeSender,
  type CodeSender,
  type OutgoingCode,
} from './auth/messages';
export type {
  Channels,
  EmailMessage,
  EmailSender,
  PushMessage,
  PushSender,
  PushSubscriptionKeys,
  SmsMessage,
  SmsSender,
} from './notifications/channels';
export { DevOutbox, type DevOutboxEntry } from './notifications/dev-outbox';
export {
  createSmtpEmailSender,
  type SmtpEmailSender,
  type SmtpOptions,
} from './notifications/smtp-email-sender';
export { createWebhookSmsSender, SmsProviderError } from './notifications/sms-sender';
export {
  ChannelNotConfiguredError,
  unconfiguredEmail,
  unconfiguredSms,
} from './notifications/unconfigured-channels';
export {
  createWebPushSender,
  generateVapidKeys,
  parseVapidKeys,
  PushServiceError,
  VapidKeyError,
  type VapidKeys,
} from './notifications/web-push-sender';
export {
  forgetPushSubscription,
  pushDelivered,
  pushSubscriptionsOf,
} from './modules/push/push.service';
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
export { seedDemoCases } from './modules/casework/demo-cases';
export { fillMissingSortNames, memberSortName } from './modules/membership/sort-name';
export {
  buildJobCatalog,
  type JobCatalogDeps,
  createInProcessRunner,
  createJobRunner,
  createPgBossRunner,
  emitEvent,
  type FailedJob,
  type JobCatalog,
  type JobCounts,
  type JobRunner,
} from './jobs';
export {
  checkUpload,
  createLocalFolderStorage,
  createMemoryStorage,
  createS3Storage,
  type BlobStorage,
  type S3Storage,
  type S3StorageOptions,
  type StoredObject,
} from './storage';
export { readAnnouncementFile, type AnnouncementFile } from './modules/announcements/files';
export { readCaseFile, type CaseFile } from './modules/casework/files';
export { sealConfidentialNotes } from './modules/casework/case-notes';
export { notify, type NotifyInput } from './notifications/notify';
export { createLoggingChannels } from './notifications/logging-channels';
export {
  createUnsubscribeTokens,
  readUnsubscribeToken,
  unsubscribeByToken,
  type UnsubscribeOutcome,
  type UnsubscribeTokens,
} from './notifications/unsubscribe';
export { renderUnsubscribePage } from './notifications/unsubscribe-page';
export { seedDemoEvents } from './modules/events/demo-events';

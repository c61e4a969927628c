import type { EmailSender, SmsSender } from './channels';

/** A channel this installation has not configured: sending fails, so the job says why. */
export class ChannelNotConfiguredError extends Error {
  constructor(readonly channel: 'email' | 'sms' | 'push') {
    super(`the ${channel} channel is not configured on this server`);
  }
}

/**
 * Stands in for a provider a production server was not given (no SMTP_URL, no SMS provider):
 * every send rejects with `ChannelNotConfiguredError` rather than pretending to deliver.
 */
export const unconfiguredEmail: EmailSender = {
  send: () => Promise.reject(new ChannelNotConfiguredError('email')),
};
export const unconfiguredSms: SmsSender = {
  send: () => Promise.reject(new ChannelNotConfiguredError('sms')),
};

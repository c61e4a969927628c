import type { ApiLogger } from '../context';
import type { Channels } from './channels';

/** Enough of an address to tell messages apart in a log, without writing it out. */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address.slice(0, 1)}***${address.slice(at)}`;
  return address.length > 4 ? `***${address.slice(-4)}` : '***';
}

/**
 * Channels that only write a log line per message: the stand-in until real adapters (SMTP,
 * an SMS provider, web push) are configured. Nothing leaves the machine; addresses are
 * masked, because logs travel further than the database.
 */
export function createLoggingChannels(logger: ApiLogger): Channels {
  return {
    email: {
      async send(message) {
        logger.info(
          { channel: 'email', to: maskAddress(message.to), subject: message.subject },
          'notification (not sent: no email adapter)',
        );
      },
    },
    sms: {
      async send(message) {
        logger.info(
          { channel: 'sms', to: maskAddress(message.to), length: message.text.length },
          'notification (not sent: no SMS adapter)',
        );
      },
    },
    push: {
      async send(message) {
        logger.info(
          { channel: 'push', endpoint: new URL(message.subscription.endpoint).host },
          'notification (not sent: no push adapter)',
        );
        return { gone: false };
      },
    },
  };
}

import { createTransport } from 'nodemailer';
import type { EmailSender } from './channels';

export interface SmtpOptions {
  /**
   * smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://…:465 (TLS from
   * the start); nodemailer's query options apply, e.g. `?pool=true` to keep connections open.
   */
  url: string;
  /** The sender, e.g. `工会 <no-reply@union.example.org>`. */
  from: string;
}

export interface SmtpEmailSender extends EmailSender {
  /** Closes pooled connections (shutdown, tests). */
  close(): void;
}

/**
 * Email over SMTP with nodemailer: the plain-text and HTML parts as alternatives, plus the
 * message's own headers (List-Unsubscribe and List-Unsubscribe-Post for notifications). A
 * refusal or a timeout rejects, so the delivery job retries it.
 */
export function createSmtpEmailSender(options: SmtpOptions): SmtpEmailSender {
  const transport = createTransport({
    url: options.url,
    // nodemailer's defaults wait minutes; a job should fail and retry sooner.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers ?? {},
      });
    },
    close() {
      transport.close();
    },
  };
}

import type { Channels, EmailMessage, SmsMessage } from '../notifications/channels';

/**
 * The port through which sign-in codes and password-reset links leave the system. The server
 * implements it over the notification channels (`createCodeSender`), so codes go out by the
 * same SMTP and SMS adapters as notifications; in development and tests the dev outbox keeps
 * what would have been sent.
 */
export interface OutgoingCode {
  channel: 'email' | 'sms';
  to: string;
  purpose: string;
  /** A one-time sign-in code. */
  code?: string;
  /** A link carrying a one-time token (password reset). */
  link?: string;
  sentAt: Date;
}

export interface CodeSender {
  send(message: OutgoingCode): Promise<void>;
}

/** How long the codes and links stay valid; auth.ts configures Better Auth with the same. */
export const CODE_VALID_MINUTES = 5;
export const RESET_LINK_VALID_MINUTES = 30;

/**
 * The code or link each composed message carries. A message on the port has no field for it
 * (nothing of the kind should reach a provider), but the dev outbox shows a code as a code, so
 * the message object itself is the key. A WeakMap keeps nothing alive.
 */
const composedFrom = new WeakMap<EmailMessage | SmsMessage, OutgoingCode>();

/** The sign-in code or link a message was composed for, if `createCodeSender` composed it. */
export function outgoingCodeOf(message: EmailMessage | SmsMessage): OutgoingCode | undefined {
  return composedFrom.get(message);
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function html(paragraphs: string[]): string {
  const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
  return `<!doctype html>\n<html><body style="font-family:sans-serif;line-height:1.5">\n${body}\n</body></html>`;
}

/**
 * The email for a code or a reset link. Better Auth does not tell us the recipient's language,
 * so the message is in Chinese first and English after it.
 */
export function composeCodeEmail(message: OutgoingCode): EmailMessage {
  let composed: EmailMessage;
  if (message.link) {
    const link = escapeHtml(message.link);
    composed = {
      to: message.to,
      subject: 'Unionhall 重置密码 / Reset your password',
      text: [
        `请打开以下链接设置新密码（${RESET_LINK_VALID_MINUTES} 分钟内有效，只能使用一次）：`,
        message.link,
        '如果您没有申请重置密码，请忽略本邮件，您的密码不会改变。',
        '',
        `Open this link to set a new password (valid for ${RESET_LINK_VALID_MINUTES} minutes, once):`,
        message.link,
        'If you did not ask to reset your password, ignore this email; your password stays as it is.',
      ].join('\n'),
      html: html([
        `请打开以下链接设置新密码（${RESET_LINK_VALID_MINUTES} 分钟内有效，只能使用一次）：`,
        `<a href="${link}">${link}</a>`,
        '如果您没有申请重置密码，请忽略本邮件，您的密码不会改变。',
        `Open this link to set a new password (valid for ${RESET_LINK_VALID_MINUTES} minutes, once).`,
        'If you did not ask to reset your password, ignore this email; your password stays as it is.',
      ]),
    };
  } else {
    const code = message.code ?? '';
    composed = {
      to: message.to,
      subject: `Unionhall 验证码 ${code} / Your code`,
      text: [
        `您的验证码是 ${code}，${CODE_VALID_MINUTES} 分钟内有效。请勿告诉他人。`,
        '如果不是您本人操作，请忽略本邮件。',
        '',
        `Your Unionhall code is ${code}. It is valid for ${CODE_VALID_MINUTES} minutes; do not share it.`,
        'If you did not ask for it, ignore this email.',
      ].join('\n'),
      html: html([
        `您的验证码是 <strong style="font-size:1.4em;letter-spacing:0.1em">${escapeHtml(code)}</strong>，${CODE_VALID_MINUTES} 分钟内有效。请勿告诉他人。`,
        '如果不是您本人操作，请忽略本邮件。',
        `Your Unionhall code is <strong>${escapeHtml(code)}</strong>. It is valid for ${CODE_VALID_MINUTES} minutes; do not share it.`,
        'If you did not ask for it, ignore this email.',
      ]),
    };
  }
  composedFrom.set(composed, message);
  return composed;
}

/** The text message for a code: short, Chinese (mainland numbers only receive codes). */
export function composeCodeSms(message: OutgoingCode): SmsMessage {
  const composed: SmsMessage = {
    to: message.to,
    text: `【Unionhall】您的验证码是 ${message.code ?? ''}，${CODE_VALID_MINUTES} 分钟内有效。请勿告诉他人。`,
  };
  composedFrom.set(composed, message);
  return composed;
}

/** Composes a code and hands it to the channel it names. */
export async function sendCode(channels: Channels, message: OutgoingCode): Promise<void> {
  if (message.channel === 'sms') await channels.sms.send(composeCodeSms(message));
  else await channels.email.send(composeCodeEmail(message));
}

/**
 * Codes over the notification channels, without waiting for the provider: Better Auth answers
 * "code sent" alike for a member's address and any other (member-sign-in.ts), and neither the
 * time an SMTP or SMS provider takes nor its failure may tell the two apart. A failure is
 * logged (without the code) for the operator; the member asks for another code.
 */
export function createCodeSender(
  channels: Channels,
  onError: (error: unknown, message: Pick<OutgoingCode, 'channel' | 'purpose'>) => void,
): CodeSender {
  return {
    async send(message) {
      void sendCode(channels, message).catch((error: unknown) =>
        onError(error, { channel: message.channel, purpose: message.purpose }),
      );
    },
  };
}

import type { TLocale, TNotificationCategory } from '@unionhall/domain';
import type { EmailMessage } from './channels';
import { CATEGORY_NAMES, CHROME, escapeHtml, TOPIC_NAMES, type RenderedText } from './templates';

export interface EmailContent {
  to: string;
  locale: TLocale;
  category: TNotificationCategory;
  text: RenderedText;
  /** Absolute URL the message opens, if any. */
  link: string | null;
  /** Where the recipient manages their notifications (absolute). */
  preferencesUrl: string;
  /**
   * The one-click unsubscribe URL (RFC 8058), for categories whose email can be switched
   * off; transactional mail (the account's) has none.
   */
  unsubscribeUrl: string | null;
}

/** The parts every email shares: the frame, the footer and the unsubscribe headers. */
interface FramedEmail {
  to: string;
  locale: TLocale;
  subject: string;
  /** What the footer says the email is about. */
  topic: string;
  /** The plain-text body (before the footer) and the same as HTML. */
  text: string[];
  html: string;
  preferencesUrl: string;
  unsubscribeUrl: string | null;
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map(
      (part) =>
        `<p style="margin:0 0 16px;line-height:1.6">${escapeHtml(part).replaceAll('\n', '<br>')}</p>`,
    )
    .join('');
}

function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="display:inline-block;background:#b91c1c;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>`;
}

/**
 * A plain-text part that reads on its own, and a small HTML part with inline styles only
 * (mail clients drop style sheets). Emails a person can switch off carry `List-Unsubscribe`
 * with a one-click POST (RFC 8058), which large mail providers require of bulk senders and
 * show as an "Unsubscribe" button.
 */
function framed(email: FramedEmail): EmailMessage {
  const chrome = CHROME[email.locale];
  const lines = [
    ...email.text,
    '',
    '--',
    chrome.footer(email.topic),
    `${chrome.manage}: ${email.preferencesUrl}`,
  ];
  if (email.unsubscribeUrl) lines.push(`${chrome.unsubscribe}: ${email.unsubscribeUrl}`);
  const footerLinks = [
    `<a href="${escapeHtml(email.preferencesUrl)}" style="color:#555">${escapeHtml(chrome.manage)}</a>`,
    ...(email.unsubscribeUrl
      ? [
          `<a href="${escapeHtml(email.unsubscribeUrl)}" style="color:#555">${escapeHtml(chrome.unsubscribe)}</a>`,
        ]
      : []),
  ].join(' · ');
  const html = [
    '<!doctype html>',
    `<html lang="${email.locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(email.subject)}</title></head>`,
    "<body style=\"margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#18181b\">",
    '<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">',
    `<p style="margin:0 0 8px;color:#b91c1c;font-weight:600">${escapeHtml(chrome.product)}</p>`,
    `<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(email.subject)}</h1>`,
    email.html,
    '</div>',
    `<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#71717a;line-height:1.6">${escapeHtml(chrome.footer(email.topic))}<br>${footerLinks}</p>`,
    '</body></html>',
  ].join('');

  return {
    to: email.to,
    subject: email.subject,
    text: lines.join('\n'),
    html,
    ...(email.unsubscribeUrl
      ? {
          headers: {
            'List-Unsubscribe': `<${email.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }
      : {}),
  };
}

/** A notification as an email: the title as subject, the text, and a button to open it. */
export function renderEmail(content: EmailContent): EmailMessage {
  const chrome = CHROME[content.locale];
  const text = [content.text.title, '', content.text.body];
  if (content.link) text.push('', `${chrome.open}: ${content.link}`);
  return framed({
    to: content.to,
    locale: content.locale,
    subject: content.text.title,
    topic: CATEGORY_NAMES[content.category][content.locale],
    text,
    html: paragraphs(content.text.body) + (content.link ? button(content.link, chrome.open) : ''),
    preferencesUrl: content.preferencesUrl,
    unsubscribeUrl: content.unsubscribeUrl,
  });
}

export interface DigestContent {
  to: string;
  locale: TLocale;
  frequency: 'DAILY' | 'WEEKLY';
  /** The newest unread notifications, rendered, with absolute links. */
  items: { text: RenderedText; link: string | null }[];
  /** How many are unread in all (more than the items when the list was cut). */
  total: number;
  /** The notification centre (absolute). */
  centreUrl: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

/** The digest: what is unread, newest first, each with its link, and the way to the rest. */
export function renderDigestEmail(content: DigestContent): EmailMessage {
  const chrome = CHROME[content.locale];
  const subject = chrome.digestSubject(content.frequency, content.total);
  const text = [subject, ''];
  const items: string[] = [];
  for (const item of content.items) {
    text.push(`• ${item.text.title}`);
    if (item.text.body) text.push(`  ${item.text.body}`);
    if (item.link) text.push(`  ${item.link}`);
    const title = item.link
      ? `<a href="${escapeHtml(item.link)}" style="color:#18181b;font-weight:600">${escapeHtml(item.text.title)}</a>`
      : `<strong>${escapeHtml(item.text.title)}</strong>`;
    items.push(
      `<li style="margin:0 0 12px;line-height:1.5">${title}${item.text.body ? `<br><span style="color:#52525b">${escapeHtml(item.text.body)}</span>` : ''}</li>`,
    );
  }
  const more = content.total - content.items.length;
  if (more > 0) text.push('', chrome.digestMore(more));
  text.push('', `${chrome.digestOpen}: ${content.centreUrl}`);
  return framed({
    to: content.to,
    locale: content.locale,
    subject,
    topic: TOPIC_NAMES.digest[content.locale],
    text,
    html:
      `<ul style="margin:0 0 16px;padding-left:20px">${items.join('')}</ul>` +
      (more > 0 ? paragraphs(chrome.digestMore(more)) : '') +
      button(content.centreUrl, chrome.digestOpen),
    preferencesUrl: content.preferencesUrl,
    unsubscribeUrl: content.unsubscribeUrl,
  });
}

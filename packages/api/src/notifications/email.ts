import type { TLocale, TNotificationCategory } from '@unionhall/domain';
import type { EmailMessage } from './channels';
import { CATEGORY_NAMES, CHROME, escapeHtml, type RenderedText } from './templates';

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

/**
 * A notification as an email: the title as subject, a plain-text part that reads on its own,
 * and a small HTML part with inline styles only (mail clients drop style sheets). Categories
 * a person can switch off carry `List-Unsubscribe` with a one-click POST (RFC 8058), which
 * large mail providers require of bulk senders and show as an "Unsubscribe" button.
 */
export function renderEmail(content: EmailContent): EmailMessage {
  const chrome = CHROME[content.locale];
  const category = CATEGORY_NAMES[content.category][content.locale];
  const lines = [content.text.title, '', content.text.body];
  if (content.link) lines.push('', `${chrome.open}: ${content.link}`);
  lines.push('', '--', chrome.footer(category), `${chrome.manage}: ${content.preferencesUrl}`);
  if (content.unsubscribeUrl) lines.push(`${chrome.unsubscribe}: ${content.unsubscribeUrl}`);

  const paragraph = (text: string) =>
    text
      .split(/\n{2,}/)
      .map(
        (part) =>
          `<p style="margin:0 0 16px;line-height:1.6">${escapeHtml(part).replaceAll('\n', '<br>')}</p>`,
      )
      .join('');
  const footerLinks = [
    `<a href="${escapeHtml(content.preferencesUrl)}" style="color:#555">${escapeHtml(chrome.manage)}</a>`,
    ...(content.unsubscribeUrl
      ? [
          `<a href="${escapeHtml(content.unsubscribeUrl)}" style="color:#555">${escapeHtml(chrome.unsubscribe)}</a>`,
        ]
      : []),
  ].join(' · ');
  const html = [
    '<!doctype html>',
    `<html lang="${content.locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(content.text.title)}</title></head>`,
    "<body style=\"margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#18181b\">",
    '<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">',
    `<p style="margin:0 0 8px;color:#b91c1c;font-weight:600">${escapeHtml(chrome.product)}</p>`,
    `<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(content.text.title)}</h1>`,
    paragraph(content.text.body),
    content.link
      ? `<p style="margin:24px 0"><a href="${escapeHtml(content.link)}" style="display:inline-block;background:#b91c1c;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(chrome.open)}</a></p>`
      : '',
    '</div>',
    `<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#71717a;line-height:1.6">${escapeHtml(chrome.footer(category))}<br>${footerLinks}</p>`,
    '</body></html>',
  ].join('');

  return {
    to: content.to,
    subject: content.text.title,
    text: lines.join('\n'),
    html,
    ...(content.unsubscribeUrl
      ? {
          headers: {
            'List-Unsubscribe': `<${content.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }
      : {}),
  };
}

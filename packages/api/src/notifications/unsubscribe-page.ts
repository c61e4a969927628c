import type { TLocale } from '@unionhall/domain';
import { CHROME, escapeHtml, TOPIC_NAMES } from './templates';
import type { UnsubscribeOutcome, UnsubscribeTopic } from './unsubscribe';

export type UnsubscribePageView =
  | { kind: 'confirm'; category: UnsubscribeTopic; token: string }
  | { kind: 'outcome'; outcome: UnsubscribeOutcome };

/**
 * The page behind the unsubscribe link in an email. Opening the link (GET) only asks: mail
 * scanners fetch links to check them, and must not unsubscribe anyone. The button POSTs the
 * same body a mail provider's one-click button sends (RFC 8058).
 */
export function renderUnsubscribePage(
  view: UnsubscribePageView,
  locale: TLocale,
): { status: 200 | 400; html: string } {
  const chrome = CHROME[locale];
  const name = (topic: UnsubscribeTopic) => TOPIC_NAMES[topic][locale];
  let status: 200 | 400 = 200;
  let content: string;
  if (view.kind === 'confirm') {
    const action = `/api/notifications/unsubscribe?token=${encodeURIComponent(view.token)}`;
    content = [
      `<h1>${escapeHtml(chrome.confirmQuestion(name(view.category)))}</h1>`,
      `<p>${escapeHtml(chrome.confirmNote)}</p>`,
      `<form method="post" action="${escapeHtml(action)}">`,
      '<input type="hidden" name="List-Unsubscribe" value="One-Click">',
      `<button type="submit">${escapeHtml(chrome.confirmButton)}</button>`,
      '</form>',
    ].join('');
  } else {
    const { outcome } = view;
    const message =
      outcome.status === 'invalid'
        ? chrome.invalid
        : outcome.status === 'unsubscribed'
          ? chrome.done(name(outcome.category))
          : outcome.status === 'unchanged'
            ? chrome.unchanged(name(outcome.category))
            : chrome.superseded(name(outcome.category));
    if (outcome.status === 'invalid') status = 400;
    content = `<h1>${escapeHtml(chrome.pageTitle)}</h1><p role="status">${escapeHtml(message)}</p>`;
  }
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(chrome.pageTitle)} · ${escapeHtml(chrome.product)}</title>`,
    '<style>body{margin:0;padding:24px;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f4f5;color:#18181b}',
    'main{max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:24px}',
    'h1{font-size:20px;margin:0 0 12px}p{line-height:1.6}',
    'button{font:inherit;background:#b91c1c;color:#fff;border:0;border-radius:6px;padding:10px 18px;cursor:pointer}</style>',
    `</head><body><main><p>${escapeHtml(chrome.product)}</p>${content}</main></body></html>`,
  ].join('');
  return { status, html };
}

/**
 * What the service worker shows for a push message. Pure, so it is unit-tested and shared by
 * the worker (src/sw.ts) without worker types. The payload's shape is the domain's
 * `ZPushPayload`; zod is not brought into the worker for four fields.
 */
export interface PushNotice {
  title: string;
  body: string;
  /** Where a tap leads: always a URL on the app's own origin. */
  url: string;
  tag?: string;
}

/** Shown when a message cannot be read: a push must always show something (userVisibleOnly). */
export const FALLBACK_TITLE = 'Unionhall';
export const FALLBACK_BODY = '您有一条新通知 · You have a new notification';

function stringField(value: unknown, name: string): string | undefined {
  const field: unknown =
    typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
  return typeof field === 'string' && field.trim() !== '' ? field : undefined;
}

/**
 * The page a notification opens: its link when it stays on the app's origin, otherwise the
 * start page, so a message can never send a member to another site.
 */
export function noticeUrl(link: string | undefined, origin: string): string {
  if (!link) return `${origin}/`;
  try {
    const url = new URL(link, origin);
    return url.origin === origin ? url.href : `${origin}/`;
  } catch {
    return `${origin}/`;
  }
}

export function parsePushPayload(text: string | null | undefined, origin: string): PushNotice {
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  const tag = stringField(parsed, 'tag');
  return {
    title: stringField(parsed, 'title') ?? FALLBACK_TITLE,
    body: stringField(parsed, 'body') ?? (stringField(parsed, 'title') ? '' : FALLBACK_BODY),
    url: noticeUrl(stringField(parsed, 'link'), origin),
    ...(tag ? { tag } : {}),
  };
}

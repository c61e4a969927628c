/**
 * Zod-free on purpose, like the other modules the PWA's first route uses (org-tree.ts,
 * phone-number.ts): a module that builds a schema at its top level pulls all of zod into the
 * first download. The schema is in locale-schema.ts.
 */

/** The languages Unionhall speaks. The first is the fallback when nothing matches. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = 'zh-CN';

/**
 * Picks the best supported locale from an Accept-Language header (or a list of browser
 * languages). Any Chinese variant maps to zh-CN, any English variant to en.
 */
export function pickLocale(preferences: string | readonly string[] | null | undefined): TLocale {
  const list =
    typeof preferences === 'string'
      ? preferences
          .split(',')
          .map((part) => {
            const [tag = '', ...params] = part.trim().split(';');
            const q = params.find((p) => p.trim().startsWith('q='));
            return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
          })
          .filter((entry) => entry.tag && !Number.isNaN(entry.q))
          .sort((a, b) => b.q - a.q)
          .map((entry) => entry.tag)
      : (preferences ?? []).map((tag) => tag.toLowerCase());
  for (const tag of list) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}

/**
 * How many tRPC calls one HTTP request may batch: the server's default cap (TRPC_MAX_BATCH),
 * and what our own clients split their batches at, so a busy screen is never refused.
 */
export const TRPC_BATCH_MAX = 20;

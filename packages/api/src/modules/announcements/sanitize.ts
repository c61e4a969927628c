import { ANNOUNCEMENT_EXCERPT_LENGTH, ANNOUNCEMENT_FILES_PATH } from '@unionhall/domain';
import sanitizeHtml from 'sanitize-html';

/**
 * The only HTML an announcement body may hold: what the console's editor produces (paragraphs,
 * headings, emphasis, lists, quotes, code, rules, links and images), without any attribute
 * that could carry script or styling. The client's HTML is never trusted: whatever it sends
 * goes through here on the server before it is stored, so a hand-crafted request gets the
 * same result as the editor.
 */
const ALLOWED_TAGS = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'strong',
  'em',
  'u',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'hr',
  'a',
  'img',
];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const IMAGE_SRC = new RegExp(`^${ANNOUNCEMENT_FILES_PATH}(${UUID})$`);

/** The attachment an image's src names, when it is one of ours. */
export function imageAttachmentId(src: string | undefined): string | null {
  return IMAGE_SRC.exec(src ?? '')?.[1] ?? null;
}

/**
 * Sanitises a body. Images survive only when their src is the served URL of one of
 * `imageIds` (the announcement's own uploaded images): no outside images (tracking pixels,
 * mixed content), no data: URLs, no other announcement's files. Links keep http(s), mailto and
 * tel targets and open in a new tab without handing the page to the target.
 */
export function sanitizeAnnouncementHtml(html: string, imageIds: ReadonlySet<string>): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    // rel and target are always the transform's fixed values below, never the client's.
    allowedAttributes: { a: ['href', 'rel', 'target'], img: ['src', 'alt'], ol: ['start'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Headings start at h2: the page's own title is the h1.
    transformTags: {
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      b: 'strong',
      i: 'em',
      strike: 's',
      del: 's',
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }),
    },
    exclusiveFilter: (frame) => {
      if (frame.tag !== 'img') return false;
      const id = imageAttachmentId(frame.attribs.src);
      return id === null || !imageIds.has(id);
    },
  });
}

/** The attachment ids of the images a (sanitised) body shows. */
export function imagesIn(html: string): Set<string> {
  const ids = new Set<string>();
  sanitizeHtml(html, {
    allowedTags: ['img'],
    allowedAttributes: { img: ['src'] },
    allowedSchemesByTag: { img: [] },
    exclusiveFilter: (frame) => {
      const id = imageAttachmentId(frame.attribs.src);
      if (id) ids.add(id);
      return false;
    },
  });
  return ids;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The start of the body's text, for lists and notifications: one line, at most 140 characters. */
export function excerptOf(html: string): string {
  // Block ends become spaces, so "<p>a</p><p>b</p>" reads "a b", not "ab".
  const spaced = html.replace(/<\/(p|h[1-6]|li|blockquote|pre)>|<br\s*\/?>/gi, '$& ');
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const characters = [...text];
  if (characters.length <= ANNOUNCEMENT_EXCERPT_LENGTH) return text;
  return `${characters.slice(0, ANNOUNCEMENT_EXCERPT_LENGTH - 1).join('')}…`;
}

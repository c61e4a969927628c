import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

const THRESHOLD_BYTES = 1024;

/** The encoding to use, by the q-values of Accept-Encoding; gzip before deflate at equal q. */
function selectEncoding(header: string | undefined): 'gzip' | 'deflate' | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    const weight = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = weight === undefined ? 1 : Number(weight.slice(2));
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const wildcard = q.get('*') ?? 0;
  let best: { encoding: 'gzip' | 'deflate'; q: number } | undefined;
  for (const encoding of ['gzip', 'deflate'] as const) {
    const weight = q.get(encoding) ?? wildcard;
    if (weight > 0 && (!best || weight > best.q)) best = { encoding, q: weight };
  }
  return best?.encoding;
}

/**
 * Hono's compress(), with the answer's headers changed in place. Hono's version adds
 * `Vary: Accept-Encoding` with c.header() after the handler, also when it does not compress;
 * on a finished response that copies it into a new Response, and under @hono/node-server a
 * buffered answer becomes a stream written chunk by chunk.
 */
export function compressResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const headers = res.headers;
    const length = headers.get('content-length');
    const type = headers.get('content-type');
    if (
      res.status === 206 ||
      headers.has('content-encoding') ||
      headers.has('transfer-encoding') ||
      c.req.method === 'HEAD' ||
      (length !== null && Number(length) < THRESHOLD_BYTES) ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      /(?:^|,)\s*?no-transform\s*?(?:,|$)/i.test(headers.get('cache-control') ?? '')
    ) {
      return;
    }
    const vary = headers.get('vary');
    if (vary !== '*' && !(vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) {
      headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    const encoding = selectEncoding(c.req.header('accept-encoding'));
    if (!encoding || !res.body) return;
    c.res = new Response(res.body.pipeThrough(new CompressionStream(encoding)), res);
    c.res.headers.delete('content-length');
    c.res.headers.set('content-encoding', encoding);
    const etag = c.res.headers.get('etag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('etag', `W/${etag}`);
  };
}

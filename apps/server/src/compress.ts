import { deflateSync, gzipSync, type ZlibOptions } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

const THRESHOLD_BYTES = 1024;

/** Bodies up to this size, when their length is known, are compressed in one piece. */
const IN_ONE_PIECE_BYTES = 1024 * 1024;

/**
 * zlib's defaults (memLevel 8) allocate over 256 KB per stream, and that allocation, not the
 * compression, made most of the cost of a 10 KB answer (about 300 us; 85 us at memLevel 7, for
 * the same output). The window stays at 32 KB.
 */
const ZLIB_OPTIONS: ZlibOptions = { memLevel: 7 };

/**
 * The bodies of answers built in memory (answerFromMemory), by response: the middleware reads
 * them here instead of out of the Response. Under @hono/node-server, reading a response's body
 * turns its lightweight Response into a whole fetch Response with web streams; for a page of
 * search results that was most of what compressing it cost (bench P4).
 */
const bodiesInMemory = new WeakMap<Response, string>();

/**
 * A response for a body already in memory as text (tRPC's JSON answers), which the compression
 * middleware can size and compress without reading the Response. Headers as c.newResponse.
 */
export function answerFromMemory(
  c: Context,
  body: string,
  status: ContentfulStatusCode,
  headers: Record<string, string>,
): Response {
  const response = c.newResponse(body, status, headers);
  bodiesInMemory.set(response, body);
  return response;
}

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
 * Hono's compress(), made cheaper for API answers. Hono's version adds `Vary: Accept-Encoding`
 * with c.header() after the handler, also when it does not compress; on a finished response
 * that copies it into a new Response, and under @hono/node-server a buffered answer becomes a
 * stream written chunk by chunk. It compresses through CompressionStream (web streams over
 * zlib with default memory), about 0.6 ms of CPU for a 10 KB answer on Node 20.
 *
 * Here the headers are changed in place; JSON answers (built in memory: tRPC's, and our errors)
 * and bodies of a known length up to IN_ONE_PIECE_BYTES are compressed in one zlib call; any
 * other body (a file of unknown size) still streams through CompressionStream.
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
    if (!encoding) return;
    const inOnePiece =
      /^application\/json\b/i.test(type) ||
      (length !== null && Number(length) <= IN_ONE_PIECE_BYTES);
    if (inOnePiece) {
      const inMemory = bodiesInMemory.get(res);
      if (inMemory !== undefined && Buffer.byteLength(inMemory) < THRESHOLD_BYTES) return;
      const input =
        inMemory === undefined ? new Uint8Array(await res.arrayBuffer()) : Buffer.from(inMemory);
      if (input.byteLength < THRESHOLD_BYTES) {
        c.res = undefined;
        c.res = new Response(input, { status: res.status, headers });
        return;
      }
      const output =
        encoding === 'gzip' ? gzipSync(input, ZLIB_OPTIONS) : deflateSync(input, ZLIB_OPTIONS);
      const compressed = new Headers(headers);
      compressed.set('content-encoding', encoding);
      compressed.set('content-length', String(output.byteLength));
      const etag = compressed.get('etag');
      if (etag && !etag.startsWith('W/')) compressed.set('etag', `W/${etag}`);
      // Unset first: assigning over a response makes Hono copy it into yet another Response
      // (and node-server stream it); the headers were copied above.
      c.res = undefined;
      c.res = new Response(output, { status: res.status, headers: compressed });
      return;
    }
    if (!res.body) return;
    c.res = new Response(res.body.pipeThrough(new CompressionStream(encoding)), res);
    c.res.headers.delete('content-length');
    c.res.headers.set('content-encoding', encoding);
    const etag = c.res.headers.get('etag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('etag', `W/${etag}`);
  };
}

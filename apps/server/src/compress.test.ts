import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerFromMemory, compressResponses } from './compress';

const JSON_TYPE = { 'content-type': 'application/json' };
const big = JSON.stringify({
  rows: Array.from({ length: 80 }, (_, i) => ({ i, name: `会员 ${i}` })),
});
const small = JSON.stringify({ ok: true });

function app() {
  const hono = new Hono();
  hono.use(compressResponses());
  hono.get('/memory/big', (c) => answerFromMemory(c, big, 200, JSON_TYPE));
  hono.get('/memory/small', (c) => answerFromMemory(c, small, 200, JSON_TYPE));
  hono.get('/json/big', (c) => c.body(big, 200, JSON_TYPE));
  return hono;
}

const gzip = { headers: { 'accept-encoding': 'gzip' } };

describe('compressResponses', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('compresses an answer built in memory from its text, without reading the Response', async () => {
    const read = vi.spyOn(Response.prototype, 'arrayBuffer');
    const response = await app().request('/memory/big', gzip);
    expect(read).not.toHaveBeenCalled();
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(bytes.byteLength);
    expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(big));
    expect(gunzipSync(bytes).toString('utf8')).toBe(big);
  });

  it('leaves a small answer built in memory as it is, unread', async () => {
    const read = vi.spyOn(Response.prototype, 'arrayBuffer');
    const response = await app().request('/memory/small', gzip);
    expect(read).not.toHaveBeenCalled();
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await response.text()).toBe(small);
  });

  it('still compresses other JSON answers, read out of the Response', async () => {
    const response = await app().request('/json/big', gzip);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8')).toBe(big);
  });

  it('sends the text as it is to a client that accepts no encoding', async () => {
    const response = await app().request('/memory/big');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe(big);
  });
});

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookSmsSender, SmsProviderError } from './sms-sender';

/** A local HTTP server stands in for the SMS provider's (or relay's) endpoint. */
describe('the SMS webhook adapter', () => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(request.url === '/refuse' ? 422 : 202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('not listening');
    origin = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('posts the number and the text as JSON with the bearer token', async () => {
    const sender = createWebhookSmsSender({
      url: `${origin}/send`,
      token: 'relay-token-0123456789',
    });
    await sender.send({ to: '+8613800138000', text: '【Unionhall】您的验证码是 123456' });
    expect(received.at(-1)?.headers.authorization).toBe('Bearer relay-token-0123456789');
    expect(received.at(-1)?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received.at(-1)?.body ?? '')).toEqual({
      to: '+8613800138000',
      text: '【Unionhall】您的验证码是 123456',
    });
  });

  it('rejects when the provider refuses, so the job retries', async () => {
    const sender = createWebhookSmsSender({
      url: `${origin}/refuse`,
      token: 'relay-token-0123456789',
    });
    await expect(sender.send({ to: '+8613800138000', text: 'x' })).rejects.toEqual(
      new SmsProviderError(422),
    );
  });
});

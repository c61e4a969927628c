import { describe, expect, expectTypeOf, it } from 'vitest';
import { createUnionhallClient } from './index';

describe('createUnionhallClient', () => {
  it('carries the server’s types end to end (renaming a domain field breaks this file)', () => {
    const client = createUnionhallClient({ url: 'http://localhost:1' });
    type Unit = Awaited<ReturnType<typeof client.public.org.tree.query>>[number];
    expectTypeOf<Unit['code']>().toEqualTypeOf<string>();
    expectTypeOf<Unit['createdAt']>().toEqualTypeOf<Date>();
    expectTypeOf<Unit['kind']>().toEqualTypeOf<'FEDERATION' | 'UNION' | 'BRANCH' | 'GRASSROOTS'>();
    expectTypeOf(client.officer.org.rename.mutate)
      .parameter(0)
      .toEqualTypeOf<{ id: string; name: string; expectedVersion: number }>();
  });

  it('sends queries as POST with the token and language, never the input in the URL', async () => {
    const requests: { url: string; method: string; headers: Headers; body: string }[] = [];
    const client = createUnionhallClient({
      url: 'https://union.example.org/',
      token: 'uh_test_token',
      locale: 'en',
      fetch: async (input, init) => {
        requests.push({
          url: String(input),
          method: init?.method ?? 'GET',
          headers: new Headers(init?.headers),
          body: String(init?.body ?? ''),
        });
        const body = [{ result: { data: { json: [], meta: { values: {} } } } }];
        return new Response(JSON.stringify(body), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });

    await expect(client.public.org.tree.query()).resolves.toEqual([]);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://union.example.org/trpc/public.org.tree?batch=1');
    expect(request?.headers.get('authorization')).toBe('Bearer uh_test_token');
    expect(request?.headers.get('x-unionhall-locale')).toBe('en');
  });
});

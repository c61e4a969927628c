import { initTRPC, TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * patches/@trpc__server@11.22.1.patch writes each middleware's options out field by field
 * instead of spreading them. These are the options tRPC documents for a middleware, and what
 * next() may change; with a field left out of the patch, a case here fails.
 */
describe('tRPC middleware options (patched callRecursive)', () => {
  type Meta = { label: string };
  const t = initTRPC.meta<Meta>().context<{ user: string; extra?: string }>().create();

  function recordingProcedure() {
    const seen: Record<string, unknown>[] = [];
    const procedure = t.procedure
      .meta({ label: 'recorded' })
      .use(async (opts) => {
        const { next, ...rest } = opts;
        seen.push({ ...rest, raw: await opts.getRawInput() });
        return next({ ctx: { extra: 'added' } });
      })
      .input(z.object({ n: z.number() }))
      .use(async (opts) => {
        const { next, ...rest } = opts;
        seen.push({ ...rest, raw: await opts.getRawInput() });
        return next({ input: { n: opts.input.n + 1 } });
      })
      .use(async (opts) => {
        const { next, ...rest } = opts;
        seen.push({ ...rest, raw: await opts.getRawInput() });
        return next({ getRawInput: () => Promise.resolve('replaced') });
      })
      .use(async (opts) => {
        const { next, ...rest } = opts;
        seen.push({ ...rest, raw: await opts.getRawInput() });
        return next();
      })
      .query(({ ctx, input }) => ({ ctx, input }));
    return { seen, procedure };
  }

  it('gives every middleware the call, its meta and its input, and next() changes them', async () => {
    const { seen, procedure } = recordingProcedure();
    const controller = new AbortController();
    const data = await procedure({
      path: 'a.b',
      type: 'query',
      ctx: { user: 'u1' },
      getRawInput: async () => ({ n: 1 }),
      signal: controller.signal,
      batchIndex: 3,
    });
    expect(data).toEqual({ ctx: { user: 'u1', extra: 'added' }, input: { n: 2 } });
    const common = {
      path: 'a.b',
      type: 'query',
      meta: { label: 'recorded' },
      signal: controller.signal,
      batchIndex: 3,
    };
    expect(seen).toEqual([
      {
        ...common,
        ctx: { user: 'u1' },
        input: undefined,
        raw: { n: 1 },
        getRawInput: expect.any(Function),
      },
      {
        ...common,
        ctx: { user: 'u1', extra: 'added' },
        input: { n: 1 },
        raw: { n: 1 },
        getRawInput: expect.any(Function),
      },
      {
        ...common,
        ctx: { user: 'u1', extra: 'added' },
        input: { n: 2 },
        raw: { n: 1 },
        getRawInput: expect.any(Function),
      },
      {
        ...common,
        ctx: { user: 'u1', extra: 'added' },
        input: { n: 2 },
        raw: 'replaced',
        getRawInput: expect.any(Function),
      },
    ]);
    // Exactly those fields: nothing tRPC gives a middleware is missing or added.
    for (const options of seen) {
      expect(Object.keys(options).sort()).toEqual([
        'batchIndex',
        'ctx',
        'getRawInput',
        'input',
        'meta',
        'path',
        'raw',
        'signal',
        'type',
      ]);
    }
  });

  it('works through a server-side caller, and a middleware that throws fails the call', async () => {
    const { seen, procedure } = recordingProcedure();
    const failing = t.procedure
      .use(() => {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'no' });
      })
      .query(() => 'never');
    const caller = t.createCallerFactory(t.router({ procedure, failing }))({ user: 'u2' });
    await expect(caller.procedure({ n: 5 })).resolves.toEqual({
      ctx: { user: 'u2', extra: 'added' },
      input: { n: 6 },
    });
    expect(seen.map((options) => options.path)).toEqual([
      'procedure',
      'procedure',
      'procedure',
      'procedure',
    ]);
    await expect(caller.failing()).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'no' });
  });
});

import { describe, expect, it } from 'vitest';
import { ANONYMOUS, createContext, type ApiDeps, type Actor } from './context';
import { keepsOneShape } from './testing/hidden-class';

const deps = {
  db: {},
  logger: { info() {}, warn() {}, error() {} },
  auth: {},
  cipher: {},
  cardSigner: {},
  jobs: {},
  vapidPublicKey: 'key',
  storage: {},
} as unknown as ApiDeps;

describe('createContext', () => {
  it('carries the dependencies and the request, anonymous unless told', () => {
    const officer: Actor = { type: 'OFFICER', id: 'u1', grants: [] };
    const ctx = createContext(deps, {
      requestId: 'r1',
      locale: 'en',
      actor: officer,
      clientIp: '192.0.2.1',
    });
    expect(ctx).toStrictEqual({
      ...deps,
      requestId: 'r1',
      locale: 'en',
      actor: officer,
      clientIp: '192.0.2.1',
    });
    expect(createContext(deps, { requestId: 'r2', locale: 'zh-CN' }).actor).toBe(ANONYMOUS);
  });

  it('gives every context the same hidden class, so reading ctx.db stays a cached load', () => {
    expect(
      keepsOneShape((i) =>
        createContext(deps, {
          requestId: `r${i}`,
          locale: i % 2 ? 'en' : 'zh-CN',
          // With an address and without (in-process callers): one shape all the same.
          ...(i % 3 ? { clientIp: `192.0.2.${i % 250}` } : {}),
        }),
      ),
    ).toBe(true);
  });
});

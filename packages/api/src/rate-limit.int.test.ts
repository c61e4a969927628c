import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADDRESS_RATE_LIMITS, checkAddressLimit, hashKey } from './rate-limit';
import { callerFor, silentLogger } from './testing/harness';
import { ANONYMOUS } from './context';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

const SMALL = { apply: { max: 2, window: 60 }, lookup: { max: 3, window: 60 } };

describe.each(testDatabaseTargets())('limits per client address on %s', (target) => {
  let db: TestDb;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
  });
  afterAll(async () => {
    await db.dispose();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const from = (clientIp: string | undefined, requestId = 'req') => ({
    db,
    clientIp,
    actor: ANONYMOUS,
    requestId,
    logger: silentLogger,
  });
  const refusals = (path: string) =>
    db.prisma.auditEvent.count({ where: { action: `refused:${path}`, outcome: 'DENIED' } });

  it('refuses an address over its limit, not another address, and audits the first refusal only', async () => {
    const path = 'test.apply';
    const attempt = (ip: string) => checkAddressLimit(from(ip), path, 'apply', SMALL);
    await attempt('203.0.113.7');
    await attempt('203.0.113.7');
    await expect(attempt('203.0.113.7')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(attempt('203.0.113.7')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // Another address has its own count.
    await expect(attempt('198.51.100.2')).resolves.toBeUndefined();
    expect(await refusals(path)).toBe(1);
    // The counter does not show the address.
    const keys = await db.prisma.authRateLimit.findMany({ select: { key: true } });
    expect(keys.some((row) => row.key.includes('203.0.113.7'))).toBe(false);
    expect(keys.some((row) => row.key === `address:apply:${hashKey('203.0.113.7')}`)).toBe(true);
  });

  it('counts each limit apart, and starts again when the window has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T08:00:00Z'));
    const ip = '192.0.2.44';
    for (let i = 0; i < 3; i += 1)
      await checkAddressLimit(from(ip), 'test.lookup', 'lookup', SMALL);
    await expect(checkAddressLimit(from(ip), 'test.lookup', 'lookup', SMALL)).rejects.toMatchObject(
      { code: 'RATE_LIMITED' },
    );
    // Applying counts apart from looking up.
    await expect(
      checkAddressLimit(from(ip), 'test.apply', 'apply', SMALL),
    ).resolves.toBeUndefined();
    vi.setSystemTime(new Date('2026-11-24T08:01:01Z'));
    await expect(
      checkAddressLimit(from(ip), 'test.lookup', 'lookup', SMALL),
    ).resolves.toBeUndefined();
  });

  it('does not count in-process callers, which have no address', async () => {
    for (let i = 0; i < 5; i += 1) {
      await expect(
        checkAddressLimit(from(undefined), 'test.none', 'apply', SMALL),
      ).resolves.toBeUndefined();
    }
  });

  it('refuses a limited address through the API with TOO_MANY_REQUESTS', async () => {
    const ip = '198.51.100.77';
    // The address has used up its lookups in this window (as if it had called 300 times).
    await db.prisma.authRateLimit.create({
      data: {
        key: `address:lookup:${hashKey(ip)}`,
        count: ADDRESS_RATE_LIMITS.lookup.max,
        lastRequest: BigInt(Date.now()),
      },
    });
    const zh = callerFor(db, { clientIp: ip, locale: 'zh-CN' });
    await expect(zh.public.membership.employerChoices({ query: '机械' })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    const en = callerFor(db, { clientIp: ip, locale: 'en' });
    await expect(en.public.membership.verifyCard({ token: 'x.y.z' })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    // Another address still looks up employers.
    const other = callerFor(db, { clientIp: '198.51.100.78' });
    await expect(
      other.public.membership.employerChoices({ query: '机械' }),
    ).resolves.toBeInstanceOf(Array);
    expect(await refusals('public.membership.employerChoices')).toBe(1);
  });
});

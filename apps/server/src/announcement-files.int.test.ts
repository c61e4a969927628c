import { createMemoryStorage } from '@unionhall/api';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { ANNOUNCEMENT_FILES_PATH } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { createApp } from './app';
import type { testAuth } from './test-support';
import { signedInOfficer, testApp, TEST_ORIGIN } from './test-support';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const ZResult = z.object({
  result: z.object({ data: z.object({ json: z.object({ id: z.uuid() }) }) }),
});

/**
 * Announcement files over HTTP: uploads get a larger body limit than other calls (that
 * procedure alone), and GET /api/files/announcements/:id serves a file only to those who may
 * read its announcement, answering everyone else like an id that does not exist.
 */
describe.each(testDatabaseTargets())('announcement files over HTTP on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: ReturnType<typeof createApp>;
  let auth: ReturnType<typeof testAuth>;
  const storage = createMemoryStorage();

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    ({ app, auth } = testApp(db, { storage }));
  });
  afterAll(async () => {
    await db.dispose();
  });

  const post = (path: string, input: unknown, cookie: string) =>
    app.request(`${TEST_ORIGIN}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, cookie },
      body: JSON.stringify({ json: input }),
    });
  const get = (id: string, cookie?: string) =>
    app.request(`${TEST_ORIGIN}${ANNOUNCEMENT_FILES_PATH}${id}`, {
      headers: cookie ? { cookie } : {},
    });

  it('uploads a 2 MB image past the ordinary body limit and serves it to readers only', async () => {
    const edu = await signedInOfficer(app, auth, db, {
      email: 'files.edu@example.org',
      role: 'UNION_ADMIN',
      unitCode: 'BJ-EDU',
    });
    const mech = await signedInOfficer(app, auth, db, {
      email: 'files.mech@example.org',
      role: 'UNION_ADMIN',
      unitCode: 'BJ-MECH',
    });
    const unit = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-EDU' } });
    const created = await post(
      'officer.announcements.create',
      { title: '文件测试', orgUnitId: unit.id },
      edu.jar.header(),
    );
    expect(created.status).toBe(200);
    const announcement = ZResult.parse(await created.json()).result.data.json;

    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]).toString('base64');
    const input = { announcementId: announcement.id, fileName: 'big.png', file: big };
    // The same body to any other procedure is refused before it is read.
    expect((await post('officer.announcements.update', input, edu.jar.header())).status).toBe(413);
    const uploaded = await post('officer.announcements.uploadAttachment', input, edu.jar.header());
    expect(uploaded.status).toBe(200);
    const image = ZResult.parse(await uploaded.json()).result.data.json;

    const served = await get(image.id, edu.jar.header());
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toBe('private, max-age=86400');
    expect(served.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''big.png");
    expect(Buffer.from(await served.arrayBuffer()).subarray(0, 8)).toEqual(PNG.subarray(0, 8));

    // Signed out, another union's officer, a made-up id: the same 404.
    for (const response of [
      await get(image.id),
      await get(image.id, mech.jar.header()),
      await get('00000000-0000-4000-8000-000000000000', edu.jar.header()),
      await get('not-an-id', edu.jar.header()),
    ]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });
});

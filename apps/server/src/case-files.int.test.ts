import { createMemoryStorage } from '@unionhall/api';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { CASE_FILES_PATH } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from './app';
import type { testAuth } from './test-support';
import { signedInOfficer, testApp, TEST_ORIGIN } from './test-support';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Case files over HTTP: GET /api/files/cases/:id downloads a file for those who may read the
 * case and answers everyone else like an id that does not exist.
 */
describe.each(testDatabaseTargets())('case files over HTTP on %s', (target) => {
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

  const get = (id: string, cookie?: string) =>
    app.request(`${TEST_ORIGIN}${CASE_FILES_PATH}${id}`, { headers: cookie ? { cookie } : {} });

  it('downloads a file for the union handling the case, and 404s for anyone else', async () => {
    const edu = await signedInOfficer(app, auth, db, {
      email: 'cases.edu@example.org',
      role: 'CASEWORKER',
      unitCode: 'BJ-EDU',
    });
    const mech = await signedInOfficer(app, auth, db, {
      email: 'cases.mech@example.org',
      role: 'CASEWORKER',
      unitCode: 'BJ-MECH',
    });
    const school = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-NO1-HS' } });
    const member = await db.prisma.member.create({
      data: {
        id: crypto.randomUUID(),
        orgUnitId: school.id,
        orgUnitPath: school.path,
        name: '附件会员',
        searchName: '附件会员',
        searchGrams: [],
        status: 'ACTIVE',
      },
    });
    const type = await db.prisma.caseType.create({
      data: {
        orgUnitId: school.id,
        code: 'FILES',
        name: '测试',
        nameEn: 'Test',
        kinds: ['SUGGESTION'],
        stages: [{ key: 'intake', name: '受理', nameEn: 'Intake', limit: null, terminal: true }],
      },
    });
    const caseId = crypto.randomUUID();
    await db.prisma.memberCase.create({
      data: {
        id: caseId,
        number: '2026-990001',
        memberId: member.id,
        orgUnitId: school.id,
        orgUnitPath: school.path,
        caseTypeId: type.id,
        kind: 'SUGGESTION',
        channel: 'OFFICER',
        title: '附件测试',
        narrative: '附件',
        stage: 'intake',
        stageEnteredAt: new Date(),
      },
    });
    const fileId = crypto.randomUUID();
    await storage.put(`cases/${caseId}/${fileId}`, PNG, 'image/png');
    await db.prisma.caseAttachment.create({
      data: {
        id: fileId,
        caseId,
        fileName: '证据 1.png',
        contentType: 'image/png',
        size: PNG.byteLength,
        storageKey: `cases/${caseId}/${fileId}`,
        sha256: 'x',
        fromMember: true,
      },
    });

    const served = await get(fileId, edu.jar.header());
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('证据 1.png')}`,
    );
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

    for (const refused of [
      await get(fileId, mech.jar.header()),
      await get(fileId),
      await get(crypto.randomUUID(), edu.jar.header()),
      await get('not-an-id', edu.jar.header()),
    ]) {
      expect(refused.status).toBe(404);
    }
  });
});

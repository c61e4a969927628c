import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { MEMBER_IMPORT_UPLOAD_PATH, residentIdCheckCharacter } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from './app';
import { signedInOfficer, testApp, type CookieJar } from './test-support';

const ORIGIN = 'http://localhost';

function residentId(birth: string, sequence: string): string {
  const first17 = `110105${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

const csv = [
  '姓名,身份证号,手机,单位代码',
  `上传甲,${residentId('19880101', '101')},13700000101,BJ-NO1-HS`,
  `上传乙,${residentId('19880202', '102')},13700000102,BJ-NO1-HS`,
  `上传丙,${residentId('19880303', '103')},12345,BJ-NO1-HS`,
].join('\n');

type ErrorAnswer = { error: { message: string; data: { appCode: string; httpStatus: number } } };

describe.each(testDatabaseTargets())('member import upload route on %s', (target) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: ReturnType<typeof createApp>;
  let chair: CookieJar;
  let caseworker: CookieJar;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    const { app: built, auth } = testApp(db);
    app = built;
    chair = (
      await signedInOfficer(app, auth, db, {
        email: 'chair@example.org',
        role: 'UNIT_CHAIR',
        unitCode: 'BJ-NO1-HS',
      })
    ).jar;
    caseworker = (
      await signedInOfficer(app, auth, db, {
        email: 'caseworker@example.org',
        role: 'CASEWORKER',
        unitCode: 'BJ-NO1-HS',
      })
    ).jar;
  });
  afterAll(async () => {
    await db.dispose();
  });

  const upload = (
    step: string,
    options: {
      jar?: CookieJar;
      query?: Record<string, string>;
      headers?: Record<string, string>;
      body?: string;
    } = {},
  ) =>
    app.request(
      `${ORIGIN}${MEMBER_IMPORT_UPLOAD_PATH}/${step}?${new URLSearchParams(options.query ?? { fileName: 'joiners.csv' })}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'x-unionhall-locale': 'en',
          ...(options.jar ? { cookie: options.jar.header() } : {}),
          ...options.headers,
        },
        body: options.body ?? csv,
      },
    );

  it('previews and commits a file sent as the body, as the procedures do', async () => {
    const preview = await upload('preview', { jar: chair });
    expect(preview.status).toBe(200);
    const previewed = (await preview.json()) as {
      mapping: Record<string, number>;
      counts: Record<string, number>;
    };
    expect(previewed.counts).toEqual({ total: 3, valid: 2, invalid: 1, duplicate: 0 });
    expect(await db.prisma.member.count({ where: { name: { startsWith: '上传' } } })).toBe(0);

    const query = { fileName: 'joiners.csv', mapping: JSON.stringify(previewed.mapping) };
    const commit = await upload('commit', { jar: chair, query });
    expect(commit.status).toBe(200);
    const result = (await commit.json()) as { imported: number; errorFileName: string | null };
    expect(result).toMatchObject({ imported: 2, errorFileName: 'joiners-rejected.csv' });
    expect(await db.prisma.member.count({ where: { name: { startsWith: '上传' } } })).toBe(2);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'member.import' },
      orderBy: { seq: 'desc' },
    });
    expect(audit.changes).toMatchObject({ imported: { before: null, after: 2 } });

    // The same file again imports nobody twice.
    const again = (await (await upload('commit', { jar: chair, query })).json()) as {
      imported: number;
      counts: { duplicate: number };
    };
    expect(again).toMatchObject({ imported: 0, counts: { duplicate: 2 } });
  });

  it('refuses callers like the procedures: 401 anonymous, 403 without member.manage, audited', async () => {
    const anonymous = await upload('preview');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ErrorAnswer).error.data.appCode).toBe('UNAUTHENTICATED');

    const refused = await upload('commit', {
      jar: caseworker,
      query: { fileName: 'joiners.csv', mapping: '{"name":0,"idNumber":1,"phone":2,"unitCode":3}' },
    });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as ErrorAnswer;
    expect(body.error).toMatchObject({
      message: expect.any(String) as unknown,
      data: { appCode: 'FORBIDDEN', httpStatus: 403 },
    });
    const denied = await db.prisma.auditEvent.findMany({
      where: { outcome: 'DENIED', action: { startsWith: 'refused:officer.memberImport.' } },
    });
    expect(denied.map((row) => row.action).sort()).toEqual([
      'refused:officer.memberImport.commit',
      'refused:officer.memberImport.preview',
    ]);
  });

  it('refuses what a cross-site form could send, and bad requests', async () => {
    const plainText = await upload('preview', {
      jar: chair,
      headers: { 'content-type': 'text/plain' },
    });
    expect(plainText.status).toBe(403);
    const crossSite = await upload('preview', {
      jar: chair,
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);

    const tooLarge = await upload('preview', {
      jar: chair,
      headers: { 'content-length': String(200 * 1024 * 1024) },
    });
    expect(tooLarge.status).toBe(413);

    const noMapping = await upload('commit', { jar: chair });
    expect(noMapping.status).toBe(400);
    expect(((await noMapping.json()) as ErrorAnswer).error.data.appCode).toBe('VALIDATION_FAILED');
    const wrongType = await upload('preview', { jar: chair, query: { fileName: 'joiners.pdf' } });
    expect(wrongType.status).toBe(400);
    const unreadable = await upload('preview', {
      jar: chair,
      query: { fileName: 'joiners.xlsx' },
      body: 'not a zip',
    });
    expect(unreadable.status).toBe(422);
    expect(((await unreadable.json()) as ErrorAnswer).error.data.appCode).toBe('IMPORT_UNREADABLE');
  });
});

import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { CURRENT_CONSENT_VERSION, residentIdCheckCharacter } from '@unionhall/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unionToday } from '@unionhall/domain';
import { callerFor, personas } from '../../testing/harness';
import { ImportUpload } from './import-file';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

function residentId(birth: string, sequence: string): string {
  const first17 = `110105${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const fromBase64 = (value: string | null) => Buffer.from(value ?? '', 'base64').toString('utf8');

describe.each(testDatabaseTargets())('member import and export on %s', (target) => {
  let db: TestDb;
  let people: Awaited<ReturnType<typeof personas>>;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    people = await personas(db);
  });
  afterAll(async () => {
    await db.dispose();
  });

  const chair = () => callerFor(db, { actor: people.unitChair, locale: 'zh-CN' });
  const auditRows = (action: string) =>
    db.prisma.auditEvent.findMany({ where: { action }, orderBy: { seq: 'asc' } });

  /** An existing member, applied through the public API. */
  async function existingApplicant(idNumber: string) {
    await callerFor(db).public.membership.applyToJoin({
      id: randomUUID(),
      name: '老会员',
      idDocument: { type: 'RESIDENT_ID', number: idNumber },
      phone: '13900001111',
      email: `old-${randomUUID()}@example.org`,
      orgUnitId: (await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-NO1-HS' } })).id,
      consentVersion: CURRENT_CONSENT_VERSION,
    });
  }

  const good1 = residentId('19900101', '011');
  const good2 = residentId('19910202', '022');
  const rightCheck = residentId('19920303', '033');
  const badCheck = rightCheck.slice(0, 17) + (rightCheck.endsWith('0') ? '1' : '0');
  const existing = residentId('19800404', '044');
  const mixedCsv = [
    '姓名,身份证号,手机,邮箱,单位代码,用人单位,岗位,入会日期',
    `王芳,${good1},138 0013 0001,wang@example.org,BJ-NO1-HS,第一中学,教师,2024-09-01`,
    `李强,${good2},13800130002,,bj-no1-hs,,,`,
    `赵敏,${badCheck},13800130003,,BJ-NO1-HS,,,`,
    `孙伟,${residentId('19930505', '055')},13800130004,,NO-SUCH-UNIT,,,`,
    `周杰,${residentId('19940606', '066')},13800130005,,BJ-MECH,,,`,
    `王芳二,${good1},13800130006,,BJ-NO1-HS,,,`,
    `老会员,${existing},13800130007,,BJ-NO1-HS,,,`,
    `吴磊,${residentId('19950707', '077')},12345,,BJ-NO1-HS,,,`,
  ].join('\n');

  it('previews a mixed file: mapping from the headers, reasons per row, nothing written', async () => {
    await existingApplicant(existing);
    const membersBefore = await db.prisma.member.count();
    const preview = await chair().officer.memberImport.preview({
      file: base64(`\uFEFF${mixedCsv}`),
      fileName: 'joiners.csv',
    });
    expect(preview.mapping).toEqual({
      name: 0,
      idNumber: 1,
      phone: 2,
      email: 3,
      unitCode: 4,
      employer: 5,
      jobTitle: 6,
      joinedAt: 7,
    });
    expect(preview.missingFields).toEqual([]);
    expect(preview.counts).toEqual({ total: 8, valid: 2, invalid: 4, duplicate: 2 });
    const byLine = new Map(preview.rows.map((row) => [row.line, row]));
    const codes = (line: number) => byLine.get(line)?.problems.map((p) => p.code);
    expect(byLine.get(2)?.status).toBe('VALID');
    expect(byLine.get(3)?.status).toBe('VALID');
    expect(codes(4)).toEqual(['RESIDENT_ID_CHECK_DIGIT']);
    // Unknown and outside the caller's scope read the same.
    expect(codes(5)).toEqual(['UNKNOWN_UNIT']);
    expect(codes(6)).toEqual(['UNKNOWN_UNIT']);
    expect(codes(7)).toEqual(['DUPLICATE_IN_FILE']);
    expect(byLine.get(7)?.status).toBe('DUPLICATE');
    expect(codes(8)).toEqual(['ALREADY_MEMBER']);
    expect(codes(9)).toEqual(['PHONE']);
    // In the caller's language; ID numbers masked.
    expect(byLine.get(4)?.problems[0]?.message).toBe('身份证号码校验位不正确');
    expect(JSON.stringify(preview)).not.toContain(good1);
    expect(byLine.get(2)?.values.idNumber).toBe(`**************${good1.slice(-4)}`);
    expect(await db.prisma.member.count()).toBe(membersBefore);

    const english = await callerFor(db, { actor: people.unitChair }).officer.memberImport.preview({
      file: base64(mixedCsv),
      fileName: 'joiners.csv',
    });
    expect(english.rows.find((row) => row.line === 5)?.problems[0]?.message).toBe(
      'No unit with this code among the units you manage',
    );
  });

  it('imports only the valid rows, returns the rejected ones, and a second run changes nothing', async () => {
    const input = {
      file: base64(mixedCsv),
      fileName: 'joiners.csv',
      mapping: {
        name: 0,
        idNumber: 1,
        phone: 2,
        email: 3,
        unitCode: 4,
        employer: 5,
        jobTitle: 6,
        joinedAt: 7,
      },
    };
    const first = await chair().officer.memberImport.commit(input);
    expect(first.imported).toBe(2);
    expect(first.counts).toEqual({ total: 8, valid: 2, invalid: 4, duplicate: 2 });
    expect(first.errorFileName).toBe('joiners-rejected.csv');

    const errors = fromBase64(first.errorFile);
    expect(errors.startsWith('\uFEFF')).toBe(true);
    const lines = errors.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('行号,原因,姓名,身份证号,手机,邮箱,单位代码,用人单位,岗位,入会日期');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^4,身份证号: 身份证号码校验位不正确,赵敏,/);
    expect(lines.some((line) => line.startsWith('8,身份证号: 该身份证号已有会员记录,老会员'))).toBe(
      true,
    );

    const wang = await db.prisma.member.findFirstOrThrow({
      where: { name: '王芳' },
      include: { statusChanges: true, employer: true, orgUnit: true },
    });
    expect(wang).toMatchObject({
      status: 'ACTIVE',
      phone: '+8613800130001',
      email: 'wang@example.org',
      sex: 'MALE',
      jobTitle: '教师',
      idLast4: good1.slice(-4),
      userId: null,
    });
    expect(wang.memberNumber).toMatch(/^\d{10}$/);
    expect(wang.joinedAt?.toISOString().slice(0, 10)).toBe('2024-09-01');
    expect(wang.employer?.name).toBe('第一中学');
    expect(wang.orgUnit.code).toBe('BJ-NO1-HS');
    expect(wang.idCipher).not.toContain(good1);
    expect(wang.searchGrams).toContain('王芳');
    expect(wang.statusChanges).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'ACTIVE', action: 'IMPORT' }),
    ]);
    const li = await db.prisma.member.findFirstOrThrow({ where: { name: '李强' } });
    expect(li.memberNumber).not.toBe(wang.memberNumber);

    // The officer can see the imported members in the list and reveal the ID number.
    const found = await chair().officer.membership.list({ query: '王芳' });
    expect(found.items.map((item) => item.id)).toContain(wang.id);
    expect((await chair().officer.membership.revealIdNumber({ id: wang.id })).idNumber).toBe(good1);

    const count = await db.prisma.member.count();
    const second = await chair().officer.memberImport.commit(input);
    expect(second.imported).toBe(0);
    expect(second.counts).toEqual({ total: 8, valid: 0, invalid: 4, duplicate: 4 });
    expect(await db.prisma.member.count()).toBe(count);

    const audits = await auditRows('member.import');
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({
      actorId: 'officer-edu-chair',
      targetType: 'MemberImport',
      targetId: first.fileSha256,
      changes: expect.objectContaining({
        imported: { before: null, after: 2 },
        rows: { before: null, after: 8 },
      }) as unknown,
    });
    expect(audits[1]?.changes).toMatchObject({ imported: { before: null, after: 0 } });
    expect(JSON.stringify(audits.map((row) => row.changes))).not.toContain(good1);
  });

  it('refuses a joined date later than today, in the caller’s language', async () => {
    const preview = await chair().officer.memberImport.preview({
      file: base64(
        [
          '姓名,身份证号,手机,单位代码,入会日期',
          `钱未来,${residentId('19960808', '088')},13800130008,BJ-NO1-HS,2999-01-01`,
          `钱今天,${residentId('19960809', '089')},13800130009,BJ-NO1-HS,${unionToday()}`,
        ].join('\n'),
      ),
      fileName: 'future.csv',
    });
    expect(preview.rows.map((row) => row.problems.map((problem) => problem.code))).toEqual([
      ['DATE_IN_FUTURE'],
      [],
    ]);
    expect(preview.rows[0]?.problems[0]?.message).toBe('日期不能晚于今天');
  });

  it('refuses a commit whose mapping lacks a required field, and an unreadable file', async () => {
    await expect(
      chair().officer.memberImport.commit({
        file: base64(mixedCsv),
        fileName: 'joiners.csv',
        mapping: { name: 0, idNumber: 1, phone: 2 },
      }),
    ).rejects.toMatchObject({ appCode: 'IMPORT_MAPPING_INCOMPLETE' });
    await expect(
      chair().officer.memberImport.preview({ file: base64('not a zip'), fileName: 'x.xlsx' }),
    ).rejects.toMatchObject({ appCode: 'IMPORT_UNREADABLE' });
  });

  it('reads an XLSX file and a GBK CSV the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('会员');
    sheet.addRow(['Name', 'ID number', 'Mobile', 'Unit code', 'Joined']);
    const idNumber = residentId('19960808', '088');
    sheet.addRow(['郑爽', idNumber, 13800130088, 'BJ-NO1-HS', new Date('2023-03-15T00:00:00Z')]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const preview = await chair().officer.memberImport.preview({ file, fileName: 'hr.xlsx' });
    expect(preview.headers).toEqual(['Name', 'ID number', 'Mobile', 'Unit code', 'Joined']);
    expect(preview.counts).toEqual({ total: 1, valid: 1, invalid: 0, duplicate: 0 });
    const result = await chair().officer.memberImport.commit({
      file,
      fileName: 'hr.xlsx',
      mapping: preview.mapping,
    });
    expect(result).toMatchObject({ imported: 1, errorFile: null });
    const row = await db.prisma.member.findFirstOrThrow({ where: { name: '郑爽' } });
    expect(row.joinedAt?.toISOString().slice(0, 10)).toBe('2023-03-15');

    // The export's XLSX-free round trip: what was imported comes back out.
    const exported = await chair().officer.memberExport.csv({ query: '郑爽' });
    expect(fromBase64(exported.file)).toContain(`郑爽,ACTIVE,滨江市第一中学工会,BJ-NO1-HS`);

    const gbk = Buffer.from(
      new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]),
    ).toString('base64');
    const gbkPreview = await chair().officer.memberImport.preview({ file: gbk, fileName: 'a.csv' });
    expect(gbkPreview.headers).toEqual(['姓名']);
    expect(gbkPreview.rows[0]?.values.name).toBe('张三');
  });

  it('exports the filtered list within scope only, without ID numbers, audited', async () => {
    const mechId = residentId('19970909', '099');
    await callerFor(db, { actor: people.federationAdmin }).officer.memberImport.commit({
      file: base64(`name,id number,phone,unit code\n机械会员,${mechId},13800130099,BJ-MECH`),
      fileName: 'mech.csv',
      mapping: { name: 0, idNumber: 1, phone: 2, unitCode: 3 },
    });
    const exported = await chair().officer.memberExport.csv({});
    const text = fromBase64(exported.file);
    expect(text.startsWith('\uFEFF会员编号,姓名,状态')).toBe(true);
    expect(text).toContain('王芳');
    expect(text).not.toContain('机械会员');
    expect(text).not.toContain(good1);
    expect(text).toContain(`,${good1.slice(-4)},`);
    expect(text).toContain(',13800130001,');
    expect(exported.count).toBe(text.trim().split('\r\n').length - 1);

    const federation = await callerFor(db, {
      actor: people.federationAdmin,
    }).officer.memberExport.csv({ status: ['ACTIVE'] });
    expect(fromBase64(federation.file)).toContain('机械会员');
    expect(fromBase64(federation.file)).not.toContain('老会员');

    const audits = await auditRows('member.export');
    expect(audits.at(-2)).toMatchObject({
      actorId: 'officer-edu-chair',
      changes: expect.objectContaining({
        count: { before: null, after: exported.count },
      }) as unknown,
    });
    expect(audits.at(-1)?.changes).toMatchObject({
      filter: { before: null, after: JSON.stringify({ status: ['ACTIVE'] }) },
    });
  });

  it('lets an integrator token with member.manage post joiners for its unit only', async () => {
    const unitPath = (await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-EDU' } }))
      .path;
    const hr = callerFor(db, {
      actor: {
        type: 'INTEGRATOR',
        id: 'token-hr',
        grants: [{ permissions: ['member.manage'], orgUnitPath: unitPath }],
      },
    });
    const idNumber = residentId('19880808', '101');
    const result = await hr.officer.memberImport.commit({
      file: base64(
        `name,id number,phone,unit code\n人事新人,${idNumber},13800130101,BJ-NO1-HS\n外单位,${residentId('19880808', '102')},13800130102,BJ-MECH`,
      ),
      fileName: 'hr.csv',
      mapping: { name: 0, idNumber: 1, phone: 2, unitCode: 3 },
    });
    expect(result.imported).toBe(1);
    expect(result.counts.invalid).toBe(1);
    const change = await db.prisma.memberStatusChange.findFirstOrThrow({
      where: { member: { name: '人事新人' } },
    });
    expect(change).toMatchObject({
      actorType: 'INTEGRATOR',
      actorId: 'token-hr',
      action: 'IMPORT',
    });
  });

  it('streams an upload in batches: repeats across batches, records of the same file not "existing"', async () => {
    // 2,500 rows read in batches of 1,000. Line numbers count the header as line 1.
    const rows: string[] = [];
    for (let index = 0; index < 2500; index += 1) {
      const day = String(1 + (index % 28)).padStart(2, '0');
      const month = String(1 + (Math.floor(index / 28) % 12)).padStart(2, '0');
      const sequence = String(Math.floor(index / 336)).padStart(3, '0');
      rows.push(
        `批量${index},${residentId(`1975${month}${day}`, sequence)},1370${String(index).padStart(7, '0')},BJ-NO1-HS`,
      );
    }
    // Line 1502 repeats line 7's ID number; line 1602 repeats line 12's phone number (third
    // batch: line 2102 the same); line 2052 has line 22's name and birth date, which only an
    // earlier record (not an earlier row) would make a duplicate.
    const cells = (line: number) => (rows[line - 2] ?? '').split(',');
    const at = (line: number, values: string[]) => (rows[line - 2] = values.join(','));
    at(1502, [cells(1502)[0] ?? '', cells(7)[1] ?? '', '13799990001', 'BJ-NO1-HS']);
    at(1602, [cells(1602)[0] ?? '', cells(1602)[1] ?? '', cells(12)[2] ?? '', 'BJ-NO1-HS']);
    at(2102, [cells(2102)[0] ?? '', cells(2102)[1] ?? '', cells(12)[2] ?? '', 'BJ-NO1-HS']);
    at(2052, [cells(22)[0] ?? '', residentId('19750123', '900'), '13799990002', 'BJ-NO1-HS']);
    at(22, [cells(22)[0] ?? '', residentId('19750123', '901'), cells(22)[2] ?? '', 'BJ-NO1-HS']);
    const text = `name,id number,phone,unit code\n${rows.join('\n')}\n`;
    const stream = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          // Split mid-character, as a network would.
          const bytes = Buffer.from(text, 'utf8');
          for (let at = 0; at < bytes.length; at += 4097)
            controller.enqueue(bytes.subarray(at, at + 4097));
          controller.close();
        },
      });
    const mapping = { name: 0, idNumber: 1, phone: 2, unitCode: 3 };

    const preview = await chair().officer.memberImport.preview({
      upload: new ImportUpload(stream(), 1024 * 1024),
      fileName: 'batch.csv',
    });
    expect(preview.counts).toEqual({ total: 2500, valid: 2497, invalid: 0, duplicate: 3 });
    expect(preview.rows.filter((row) => row.status === 'DUPLICATE').map((row) => row.line)).toEqual(
      [1502, 1602, 2102],
    );

    const result = await chair().officer.memberImport.commit({
      upload: new ImportUpload(stream(), 1024 * 1024),
      fileName: 'batch.csv',
      mapping,
    });
    expect(result).toMatchObject({
      imported: 2497,
      counts: { total: 2500, valid: 2497, invalid: 0, duplicate: 3 },
    });
    const errors = fromBase64(result.errorFile).trim().split('\r\n');
    expect(errors.slice(1).map((line) => line.split(',')[0])).toEqual(['1502', '1602', '2102']);
    expect(await db.prisma.member.count({ where: { name: { startsWith: '批量' } } })).toBe(2497);
    // Both people with the same name and birth date are in: neither existed before the file.
    expect(await db.prisma.member.count({ where: { name: cells(22)[0] ?? '' } })).toBe(2);

    const again = await chair().officer.memberImport.commit({
      upload: new ImportUpload(stream(), 1024 * 1024),
      fileName: 'batch.csv',
      mapping,
    });
    expect(again).toMatchObject({ imported: 0, counts: { valid: 0, duplicate: 2500 } });

    await expect(
      chair().officer.memberImport.preview({
        upload: new ImportUpload(stream(), 1000),
        fileName: 'batch.csv',
      }),
    ).rejects.toMatchObject({ appCode: 'PAYLOAD_TOO_LARGE' });
  });
});

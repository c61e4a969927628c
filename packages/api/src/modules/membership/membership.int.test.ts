import { randomUUID } from 'node:crypto';
import { seedDemoData, verifyAuditChain } from '@unionhall/db';
import { createTestDatabase, testDatabaseTargets } from '@unionhall/db/testing';
import { CURRENT_CONSENT_VERSION, residentIdCheckCharacter } from '@unionhall/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../context';
import { TRPCError } from '@trpc/server';
import { isLivingIdViolation, toAppError } from '../../errors';
import { callerFor, personas } from '../../testing/harness';
import { fillMissingSortNames, memberSortName } from './sort-name';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/** A valid resident ID for a birth date and sequence. */
function residentId(birth: string, sequence: string): string {
  const first17 = `110105${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

describe.each(testDatabaseTargets())('membership on %s', (target) => {
  let db: TestDb;
  let people: Awaited<ReturnType<typeof personas>>;
  const unitId = async (code: string) =>
    (await db.prisma.orgUnit.findUniqueOrThrow({ where: { code } })).id;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    await seedDemoData(db);
    people = await personas(db);
  });
  afterAll(async () => {
    await db.dispose();
  });

  const application = async (overrides: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    name: '张伟',
    idDocument: { type: 'RESIDENT_ID' as const, number: residentId('19900101', '001') },
    phone: '138 0013 8000',
    email: 'zhang.wei@example.org',
    orgUnitId: await unitId('BJ-NO1-HS'),
    jobTitle: '教师',
    consentVersion: CURRENT_CONSENT_VERSION,
    ...overrides,
  });

  const publicCaller = () => callerFor(db);

  it('takes an application, keeps the ID encrypted, and answers a retry with the same result', async () => {
    const input = await application();
    const first = await publicCaller().public.membership.applyToJoin(input);
    expect(first).toEqual({ id: input.id, status: 'APPLICANT' });
    const again = await publicCaller().public.membership.applyToJoin(input);
    expect(again).toEqual(first);
    expect(await db.prisma.member.count({ where: { email: 'zhang.wei@example.org' } })).toBe(1);

    const row = await db.prisma.member.findUniqueOrThrow({ where: { id: input.id } });
    expect(row.idCipher).not.toContain(input.idDocument.number);
    expect(row.idLast4).toBe(input.idDocument.number.slice(-4));
    expect(row.birthDate?.toISOString().slice(0, 10)).toBe('1990-01-01');
    expect(row.sex).toBe('MALE');
    expect(row.phone).toBe('+8613800138000');
    const dump = JSON.stringify(await db.prisma.auditEvent.findMany(), (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
    expect(dump).not.toContain(input.idDocument.number);
    const account = await db.prisma.authUser.findUniqueOrThrow({ where: { email: input.email } });
    expect(account.kind).toBe('MEMBER');
    expect(row.userId).toBe(account.id);
  });

  it('refuses a birth date in the future', async () => {
    await expect(
      publicCaller().public.membership.applyToJoin(
        await application({
          email: 'future@example.org',
          idDocument: { type: 'PASSPORT', number: 'E7654321' },
          birthDate: '2999-01-01',
        }),
      ),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.prisma.member.count({ where: { email: 'future@example.org' } })).toBe(0);
  });

  it('keeps one living record per document in the database itself, answering MEMBER_ID_IN_USE', async () => {
    const number = residentId('19760606', '003');
    const input = await application({
      email: 'living@example.org',
      idDocument: { type: 'RESIDENT_ID', number },
    });
    await publicCaller().public.membership.applyToJoin(input);
    const first = await db.prisma.member.findUniqueOrThrow({ where: { id: input.id } });
    const home = await db.prisma.orgUnit.findUniqueOrThrow({ where: { id: first.orgUnitId } });
    const second = (status: 'ACTIVE' | 'RESIGNED') =>
      db.prisma.member.create({
        data: {
          id: randomUUID(),
          orgUnitId: home.id,
          orgUnitPath: home.path,
          name: '张伟',
          searchName: '张伟',
          searchGrams: ['张', '伟', '张伟'],
          status,
          idHash: first.idHash,
        },
      });
    // Past records (resigned, rejected, merged) keep their number for the history.
    const resigned = await second('RESIGNED');
    // A second living one is refused by the partial unique index, whichever path writes it,
    // and the API answers with its own code instead of a 500.
    const refused = await second('ACTIVE').catch((error: unknown) => error);
    expect(isLivingIdViolation(refused)).toBe(true);
    const mapped = toAppError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: refused }));
    expect(mapped).toMatchObject({ code: 'CONFLICT', appCode: 'MEMBER_ID_IN_USE' });
    await expect(
      db.prisma.member.update({ where: { id: resigned.id }, data: { status: 'LAPSED' } }),
    ).rejects.toSatisfy(isLivingIdViolation);
    // Once the living record is gone (rejected), the document may apply again.
    await callerFor(db, { actor: people.unitChair }).officer.membership.changeStatus({
      id: input.id,
      action: 'REJECT',
      reason: '重复申请',
      expectedVersion: 1,
    });
    const again = await application({
      email: 'living2@example.org',
      idDocument: { type: 'RESIDENT_ID', number },
    });
    await expect(publicCaller().public.membership.applyToJoin(again)).resolves.toMatchObject({
      status: 'APPLICANT',
    });
  });

  it('refuses a second living record for the same document, a taken email, and old consent', async () => {
    const first = await application({
      email: 'first@example.org',
      idDocument: { type: 'RESIDENT_ID', number: residentId('19850505', '002') },
    });
    await publicCaller().public.membership.applyToJoin(first);
    await expect(
      publicCaller().public.membership.applyToJoin({
        ...(await application()),
        email: 'other@example.org',
        idDocument: first.idDocument,
      }),
    ).rejects.toMatchObject({ appCode: 'MEMBER_ALREADY_APPLIED' });
    await expect(
      publicCaller().public.membership.applyToJoin(
        await application({
          email: 'first@example.org',
          idDocument: { type: 'PASSPORT', number: 'E1234567' },
        }),
      ),
    ).rejects.toMatchObject({ appCode: 'MEMBER_EMAIL_TAKEN' });
    await expect(
      publicCaller().public.membership.applyToJoin(
        await application({ email: 'x@example.org', consentVersion: '2020-01' }),
      ),
    ).rejects.toMatchObject({ appCode: 'MEMBER_CONSENT_OUTDATED' });
  });

  it('refuses a wrong check digit with its own message key and stores nothing', async () => {
    const bad = residentId('19900101', '003').slice(0, 17) + '0';
    const input = await application({
      email: 'typo@example.org',
      idDocument: { type: 'RESIDENT_ID', number: bad },
    });
    const fixed = residentId('19900101', '003');
    // Make sure the typo really is a typo.
    expect(bad).not.toBe(fixed);
    const error = await callerFor(db, { locale: 'zh-CN' })
      .public.membership.applyToJoin(input)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      cause: {
        issues: [{ path: ['idDocument', 'number'], message: 'validation.residentIdCheckDigit' }],
      },
    });
    expect(await db.prisma.member.count({ where: { email: 'typo@example.org' } })).toBe(0);
  });

  it('lists, searches Chinese names by one or two characters, phones by digits, page by page', async () => {
    const unit = await unitId('BJ-UNIV');
    const names = ['李娜', '李小龙', '王伟', '王小明', '赵伟明'];
    for (const [index, name] of names.entries()) {
      await publicCaller().public.membership.applyToJoin(
        await application({
          name,
          email: `p${index}@example.org`,
          phone: `1390000000${index}`,
          orgUnitId: unit,
          idDocument: { type: 'RESIDENT_ID', number: residentId('19920202', `1${index}1`) },
        }),
      );
    }
    const chair = callerFor(db, { actor: people.unitChair });
    const byOne = await chair.officer.membership.list({ query: '伟', orgUnitId: unit });
    expect(byOne.items.map((member) => member.name)).toEqual(['王伟', '赵伟明']);
    const byTwo = await chair.officer.membership.list({ query: '小明' });
    expect(byTwo.items.map((member) => member.name)).toEqual(['王小明']);
    const byPhone = await chair.officer.membership.list({ query: '00003' });
    expect(byPhone.items.map((member) => member.name)).toEqual(['王小明']);
    // A whole mainland number is longer than any member number: it looks at phones only.
    const byWholePhone = await chair.officer.membership.list({ query: '139 0000 0003' });
    expect(byWholePhone.items.map((member) => member.name)).toEqual(['王小明']);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await chair.officer.membership.list({
        orgUnitId: unit,
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((member) => member.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(names.length);
    expect([...seen].sort()).toEqual([...names].sort());
    expect(new Set(seen).size).toBe(names.length);

    // Another union's officer sees none of them.
    const mech: Actor = {
      type: 'OFFICER',
      id: 'officer-mech',
      grants: [
        {
          permissions: ['member.read'],
          orgUnitPath: (await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-MECH' } }))
            .path,
        },
      ],
    };
    expect(
      (await callerFor(db, { actor: mech }).officer.membership.list({ query: '伟' })).items,
    ).toEqual([]);
  });

  it('pages through namesakes in (sort key, id) order, searched or not, without gaps or repeats', async () => {
    const unit = await unitId('WJ-MART');
    const names = ['孙同名', '孙同名', '孙同名', '孙同名', '孙同', '孙同名甲', '钱同名'];
    for (const [index, name] of names.entries()) {
      await publicCaller().public.membership.applyToJoin(
        await application({
          name,
          email: `namesake${index}@example.org`,
          phone: `1370000000${index}`,
          orgUnitId: unit,
          idDocument: { type: 'RESIDENT_ID', number: residentId('19930303', `2${index}1`) },
        }),
      );
    }
    const expected = await db.prisma.member.findMany({
      where: { orgUnitId: unit },
      orderBy: [{ sortName: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true },
    });
    const admin = callerFor(db, { actor: people.federationAdmin });
    // Pages of two cut through the four namesakes, so the cursor's id decides between them.
    const walk = async (query?: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await admin.officer.membership.list({
          orgUnitId: unit,
          limit: 2,
          ...(query ? { query } : {}),
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((member) => member.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    expect(await walk()).toEqual(expected.map((member) => member.id));
    expect(await walk('同名')).toEqual(
      expected.filter((member) => member.name.includes('同名')).map((member) => member.id),
    );
  });

  it('approves with a member number, refuses illegal and stale changes, keeps the history', async () => {
    const input = await application({
      name: '陈静',
      email: 'chen@example.org',
      idDocument: { type: 'RESIDENT_ID', number: residentId('19880808', '022') },
    });
    await publicCaller().public.membership.applyToJoin(input);
    const chair = callerFor(db, { actor: people.unitChair });
    const approved = await chair.officer.membership.changeStatus({
      id: input.id,
      action: 'APPROVE',
      expectedVersion: 1,
    });
    expect(approved.status).toBe('ACTIVE');
    expect(approved.memberNumber).toMatch(/^\d{10}$/);
    // Found by the whole number, leading zeros and all, and by its last digits.
    const number = approved.memberNumber ?? '';
    for (const query of [number, number.slice(-4)]) {
      const found = await chair.officer.membership.list({ query });
      expect(found.items.map((member) => member.id)).toContain(input.id);
    }
    await expect(
      chair.officer.membership.changeStatus({
        id: input.id,
        action: 'REINSTATE',
        reason: '误操作',
        expectedVersion: 2,
      }),
    ).rejects.toMatchObject({ appCode: 'MEMBER_STATUS_TRANSITION' });
    await expect(
      chair.officer.membership.changeStatus({
        id: input.id,
        action: 'SUSPEND',
        reason: '违纪',
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ appCode: 'VERSION_CONFLICT' });
    const suspended = await chair.officer.membership.changeStatus({
      id: input.id,
      action: 'SUSPEND',
      reason: '违纪',
      expectedVersion: 2,
    });
    expect(suspended.status).toBe('SUSPENDED');
    const detail = await chair.officer.membership.get({ id: input.id });
    expect(
      detail.statusHistory.map((entry) => [entry.action, entry.toStatus, entry.reason]),
    ).toEqual([
      ['APPLY', 'APPLICANT', null],
      ['APPROVE', 'ACTIVE', null],
      ['SUSPEND', 'SUSPENDED', '违纪'],
    ]);
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });

  it('refuses MERGE_AWAY outside a merge, from officers and integrator tokens alike', async () => {
    const input = await application({
      name: '孙丽',
      email: 'sun.li@example.org',
      idDocument: { type: 'RESIDENT_ID', number: residentId('19870505', '031') },
    });
    await publicCaller().public.membership.applyToJoin(input);
    const chair = callerFor(db, { actor: people.unitChair });
    await chair.officer.membership.changeStatus({
      id: input.id,
      action: 'APPROVE',
      expectedVersion: 1,
    });
    const edu = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-EDU' } });
    const token: Actor = {
      type: 'INTEGRATOR',
      id: 'token-member-manage',
      grants: [{ permissions: ['member.read', 'member.manage'], orgUnitPath: edu.path }],
    };
    for (const actor of [people.unitChair, people.federationAdmin, token]) {
      await expect(
        callerFor(db, { actor }).officer.membership.changeStatus({
          id: input.id,
          action: 'MERGE_AWAY',
          reason: '重复记录',
          expectedVersion: 2,
        }),
      ).rejects.toMatchObject({ appCode: 'MEMBER_MERGE_ONLY_BY_MERGE' });
    }
    const row = await db.prisma.member.findUniqueOrThrow({ where: { id: input.id } });
    expect(row).toMatchObject({ status: 'ACTIVE', mergedIntoId: null, version: 2 });
    expect(
      await db.prisma.memberStatusChange.count({
        where: { memberId: input.id, action: 'MERGE_AWAY' },
      }),
    ).toBe(0);
    expect(
      await db.prisma.auditEvent.count({
        where: { targetId: input.id, action: 'member.status.merge_away' },
      }),
    ).toBe(0);
  });

  it('lapses, reinstates and records a death, each with its reason in the history', async () => {
    const input = await application({
      name: '郑强',
      email: 'zheng.qiang@example.org',
      idDocument: { type: 'RESIDENT_ID', number: residentId('19600606', '053') },
    });
    await publicCaller().public.membership.applyToJoin(input);
    const chair = callerFor(db, { actor: people.unitChair });
    await chair.officer.membership.changeStatus({
      id: input.id,
      action: 'APPROVE',
      expectedVersion: 1,
    });
    const lapsed = await chair.officer.membership.changeStatus({
      id: input.id,
      action: 'LAPSE',
      reason: '连续六个月未缴会费',
      expectedVersion: 2,
    });
    expect(lapsed).toMatchObject({ status: 'LAPSED', version: 3 });
    const reinstated = await chair.officer.membership.changeStatus({
      id: input.id,
      action: 'REINSTATE',
      reason: '已补缴会费',
      expectedVersion: 3,
    });
    expect(reinstated).toMatchObject({ status: 'ACTIVE', version: 4 });
    const deceased = await chair.officer.membership.changeStatus({
      id: input.id,
      action: 'RECORD_DEATH',
      reason: '家属告知于2026年11月10日病故',
      expectedVersion: 4,
    });
    expect(deceased).toMatchObject({ status: 'DECEASED', version: 5 });
    // A death is final: no way back by reinstating.
    await expect(
      chair.officer.membership.changeStatus({
        id: input.id,
        action: 'REINSTATE',
        reason: '误操作',
        expectedVersion: 5,
      }),
    ).rejects.toMatchObject({ appCode: 'MEMBER_STATUS_TRANSITION' });

    const detail = await chair.officer.membership.get({ id: input.id });
    expect(
      detail.statusHistory.map((entry) => [
        entry.action,
        entry.fromStatus,
        entry.toStatus,
        entry.reason,
        entry.actorType,
      ]),
    ).toEqual([
      ['APPLY', null, 'APPLICANT', null, 'MEMBER'],
      ['APPROVE', 'APPLICANT', 'ACTIVE', null, 'OFFICER'],
      ['LAPSE', 'ACTIVE', 'LAPSED', '连续六个月未缴会费', 'OFFICER'],
      ['REINSTATE', 'LAPSED', 'ACTIVE', '已补缴会费', 'OFFICER'],
      ['RECORD_DEATH', 'ACTIVE', 'DECEASED', '家属告知于2026年11月10日病故', 'OFFICER'],
    ]);
    const audits = await db.prisma.auditEvent.findMany({
      where: { targetId: input.id, action: { startsWith: 'member.status.' } },
      orderBy: { seq: 'asc' },
      select: { action: true, actorId: true },
    });
    expect(audits.map((row) => row.action)).toEqual([
      'member.status.approve',
      'member.status.lapse',
      'member.status.reinstate',
      'member.status.record_death',
    ]);
    expect(audits.every((row) => row.actorId === 'officer-edu-chair')).toBe(true);
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });

  it('reveals an ID number only with member.sensitive, recording each view', async () => {
    const input = await application({
      name: '刘洋',
      email: 'liu@example.org',
      idDocument: { type: 'RESIDENT_ID', number: residentId('19950315', '045') },
    });
    await publicCaller().public.membership.applyToJoin(input);
    const before = await db.prisma.auditEvent.count({
      where: { action: 'member.id-document.read' },
    });
    const revealed = await callerFor(db, {
      actor: people.unitChair,
      requestId: 'req-reveal',
    }).officer.membership.revealIdNumber({ id: input.id });
    expect(revealed).toEqual({ idType: 'RESIDENT_ID', idNumber: input.idDocument.number });
    const rows = await db.prisma.auditEvent.findMany({
      where: { action: 'member.id-document.read' },
      orderBy: { seq: 'asc' },
    });
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actorId: 'officer-edu-chair',
      requestId: 'req-reveal',
      targetId: input.id,
    });
    await expect(
      callerFor(db, { actor: people.caseworker }).officer.membership.revealIdNumber({
        id: input.id,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets a member see their own application, and nobody else’s', async () => {
    const input = await application({
      name: '周敏',
      email: 'zhou@example.org',
      idDocument: { type: 'RESIDENT_ID', number: residentId('19930707', '068') },
    });
    await publicCaller().public.membership.applyToJoin(input);
    const account = await db.prisma.authUser.findUniqueOrThrow({
      where: { email: 'zhou@example.org' },
    });
    const me = await callerFor(db, {
      actor: { type: 'MEMBER', id: account.id, grants: [] },
    }).member.membership.me();
    expect(me).toMatchObject({ id: input.id, status: 'APPLICANT', name: '周敏' });
    expect(me?.statusHistory.map((entry) => entry.action)).toEqual(['APPLY']);
    const stranger = await callerFor(db, {
      actor: { type: 'MEMBER', id: randomUUID(), grants: [] },
    }).member.membership.me();
    expect(stranger).toBeNull();
  });

  it('lists the application queue oldest first, page by page (order: applied)', async () => {
    const ids: string[] = [];
    for (const [index, day] of ['2026-11-20', '2026-11-02', '2026-11-11'].entries()) {
      const input = await application({
        name: `排队${'甲乙丙'.charAt(index)}`,
        email: `queue-${index}@example.org`,
        idDocument: { type: 'RESIDENT_ID', number: residentId('19820202', String(700 + index)) },
      });
      await publicCaller().public.membership.applyToJoin(input);
      await db.prisma.member.update({
        where: { id: input.id },
        data: { appliedAt: new Date(`${day}T09:00:00Z`) },
      });
      ids.push(input.id);
    }
    const chair = callerFor(db, { actor: people.unitChair });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await chair.officer.membership.list({
        query: '排队',
        status: ['APPLICANT'],
        order: 'applied',
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([ids[1], ids[2], ids[0]]);
    // A cursor of the name order does not page the queue.
    const byName = await chair.officer.membership.list({ query: '排队', limit: 1 });
    await expect(
      chair.officer.membership.list({
        query: '排队',
        order: 'applied',
        cursor: byName.nextCursor ?? '',
      }),
    ).rejects.toMatchObject({ appCode: 'VALIDATION_FAILED' });
  });

  it('lists members by name in Chinese (pinyin) order, page by page', async () => {
    const suffix = randomUUID().slice(0, 6);
    const tag = `排序${suffix}`;
    const made = new Map<string, string>();
    for (const [index, name] of ['张三', '李四', '王五', '李思'].entries()) {
      const input = await application({
        name,
        email: `sort-${suffix}-${index}@example.org`,
        idDocument: { type: 'RESIDENT_ID', number: residentId('19830303', String(800 + index)) },
      });
      await publicCaller().public.membership.applyToJoin(input);
      await db.prisma.member.update({ where: { id: input.id }, data: { tags: [tag] } });
      made.set(input.id, name);
    }
    const chair = callerFor(db, { actor: people.unitChair });
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await chair.officer.membership.list({
        tag,
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      names.push(...page.items.map((item) => item.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // li3 si1 (李思) before li3 si4 (李四), then wang2, then zhang1.
    expect(names).toEqual(['李思', '李四', '王五', '张三']);
  });

  it('fills the sort keys of rows written without one, and only those', async () => {
    const home = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'BJ-NO1-HS' } });
    const id = randomUUID();
    await db.prisma.member.create({
      data: {
        id,
        orgUnitId: home.id,
        orgUnitPath: home.path,
        name: '王小明',
        searchName: '王小明',
        searchGrams: ['王', '小', '明'],
      },
    });
    expect((await db.prisma.member.findUniqueOrThrow({ where: { id } })).sortName).toBe('');
    expect(await fillMissingSortNames(db.prisma)).toBeGreaterThanOrEqual(1);
    expect((await db.prisma.member.findUniqueOrThrow({ where: { id } })).sortName).toBe(
      memberSortName('王小明'),
    );
    expect(await fillMissingSortNames(db.prisma)).toBe(0);
  });
});

import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { randomGivenName, randomMobile, randomResidentId } from './support/members';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The `json` of a tRPC answer, as superjson wraps it. */
async function data<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function unitId(request: APIRequestContext, code: string): Promise<string> {
  const units = await data<{ id: string; code: string }[]>(
    await request.get('/trpc/officer.org.list'),
  );
  const unit = units.find((candidate) => candidate.code === code);
  expect(unit).toBeDefined();
  return unit?.id ?? '';
}

test.use({ locale: 'en' });

test('an HR system posts leavers through @unionhall/client; the member page shows the history', async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  // An employer organized by the first high school, and two of its workers imported as members.
  const employer = await data<{ id: string; name: string }>(
    await request.post('/trpc/officer.employers.create', {
      data: {
        json: {
          name: `滨江电子厂${Date.now() % 100000}`,
          orgUnitId: await unitId(request, 'BJ-NO1-HS'),
        },
      },
    }),
  );
  const surname = `司马${randomGivenName().charAt(0)}`;
  const names = [`${surname}${randomGivenName()}`, `${surname}${randomGivenName()}`];
  const csv = [
    'name,id number,phone,unit code,employer,job',
    ...names.map(
      (name) => `${name},${randomResidentId()},${randomMobile()},BJ-NO1-HS,${employer.name},装配工`,
    ),
  ].join('\n');
  const imported = await data<{ imported: number }>(
    await request.post('/trpc/officer.memberImport.commit', {
      data: {
        json: {
          file: Buffer.from(csv, 'utf8').toString('base64'),
          fileName: 'workers.csv',
          mapping: { name: 0, idNumber: 1, phone: 2, unitCode: 3, employer: 4, jobTitle: 5 },
        },
      },
    }),
  );
  expect(imported.imported).toBe(2);
  const list = await data<{ items: { id: string; name: string; memberNumber: string | null }[] }>(
    await request.get(
      `/trpc/officer.membership.list?input=${encodeURIComponent(
        JSON.stringify({ json: { query: surname, employerId: employer.id } }),
      )}`,
    ),
  );
  expect(list.items).toHaveLength(2);
  const numbers = list.items.map((member) => member.memberNumber ?? '');

  // The HR system's token: member.manage on the education union.
  const key = (
    await data<{ key: string }>(
      await request.post('/trpc/officer.tokens.create', {
        data: {
          json: {
            name: `HR leavers ${Date.now() % 100000}`,
            orgUnitId: await unitId(request, 'BJ-EDU'),
            scopes: ['member.read', 'member.manage'],
            expiresInDays: 1,
          },
        },
      }),
    )
  ).key;
  const run = async (memberNumbers: string[]) => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        join(root, 'packages/client/examples/post-leavers.mjs'),
        String(baseURL),
        employer.id,
        ...memberNumbers,
      ],
      { cwd: root, env: { ...process.env, UNIONHALL_TOKEN: key } },
    );
    return JSON.parse(stdout) as { counts: Record<string, number> };
  };
  expect((await run([...numbers, 'NO-SUCH-1'])).counts).toEqual({
    closed: 2,
    alreadyClosed: 0,
    notFound: 1,
  });
  // Posting the same leavers again changes nothing.
  expect((await run(numbers)).counts).toEqual({ closed: 0, alreadyClosed: 2, notFound: 0 });

  // The member page: the closed spell with its reason, the status unchanged, the tag set.
  const member = list.items[0];
  await page.goto(`/admin/members/${member?.id ?? ''}`);
  const section = page.getByRole('region', { name: 'Employment history' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('listitem')).toHaveCount(1);
  await expect(section).toContainText(employer.name);
  await expect(section).toContainText('Job: 装配工');
  await expect(section).toContainText('Reason for leaving: 合同到期');
  await expect(section).toContainText('Source: Import');
  // The union decides what follows: the member stays active, flagged for follow-up.
  await expect(section).toContainText('The employer reported that this member left.');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(member?.name ?? '');
  await expect(page.getByText('Active', { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('employment-en.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('employment-phone.png') });

  // The same in Chinese.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => localStorage.setItem('unionhall.lang', 'zh-CN'));
  await page.reload();
  const zh = page.getByRole('region', { name: '工作经历' });
  await expect(zh).toContainText('离职原因：合同到期');
  await expect(zh).toContainText('待跟进');
  await expectNoAxeViolations(page);
  await zh.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('employment-zh.png') });
  await page.evaluate(() => localStorage.removeItem('unionhall.lang'));
});

test('an officer corrects a spell and ends it; the timeline shows it start and end', async ({
  page,
  request,
}, testInfo) => {
  const employer = await data<{ id: string; name: string }>(
    await request.post('/trpc/officer.employers.create', {
      data: {
        json: {
          name: `滨江印刷厂${Date.now() % 100000}`,
          orgUnitId: await unitId(request, 'BJ-NO1-HS'),
        },
      },
    }),
  );
  const name = `欧阳${randomGivenName()}`;
  const csv = [
    'name,id number,phone,unit code,employer,job',
    `${name},${randomResidentId()},${randomMobile()},BJ-NO1-HS,${employer.name},排版工`,
  ].join('\n');
  await data(
    await request.post('/trpc/officer.memberImport.commit', {
      data: {
        json: {
          file: Buffer.from(csv, 'utf8').toString('base64'),
          fileName: 'printer.csv',
          mapping: { name: 0, idNumber: 1, phone: 2, unitCode: 3, employer: 4, jobTitle: 5 },
        },
      },
    }),
  );
  const list = await data<{ items: { id: string }[] }>(
    await request.get(
      `/trpc/officer.membership.list?input=${encodeURIComponent(
        JSON.stringify({ json: { query: name, employerId: employer.id } }),
      )}`,
    ),
  );
  await page.goto(`/admin/members/${list.items[0]?.id ?? ''}`);
  const section = page.getByRole('region', { name: 'Employment history' });
  await expect(section).toContainText('Job: 排版工');

  await section.getByRole('button', { name: `Correct the spell at ${employer.name}` }).click();
  const edit = page.getByRole('dialog', { name: 'Correct employment' });
  await edit.getByLabel('Job title').fill('质检员');
  // No dates in the future: the server's rule, in the officer's language, at the field.
  await edit.getByLabel('Start date').fill('2999-03-01');
  await edit.getByRole('button', { name: 'Save correction' }).click();
  await expect(edit).toContainText('The date cannot be later than today');
  await page.screenshot({ path: testInfo.outputPath('employment-correct-en.png') });
  await edit.getByLabel('Start date').fill('2020-03-01');
  await edit.getByRole('button', { name: 'Save correction' }).click();
  await expect(edit).toBeHidden();
  await expect(section).toContainText(`Corrected the spell at ${employer.name}.`);
  await expect(section).toContainText('Job: 质检员');

  await section.getByRole('button', { name: `End the spell at ${employer.name}` }).click();
  const end = page.getByRole('dialog', { name: 'End employment' });
  await end.getByLabel('Reason for leaving (optional)').fill('调岗');
  await expectNoAxeViolations(page);
  await end.getByRole('button', { name: 'End employment' }).click();
  await expect(end).toBeHidden();
  await expect(section).toContainText('Reason for leaving: 调岗');
  await expect(section.getByRole('button', { name: /^End the spell/ })).toHaveCount(0);

  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText(`Left ${employer.name}`);
  await expect(timeline).toContainText(`Started at ${employer.name} as 质检员`);
  await expect(timeline).toContainText('Employment record corrected');
  await page.screenshot({ path: testInfo.outputPath('employment-ended-en.png'), fullPage: true });

  await page.evaluate(() => localStorage.setItem('unionhall.lang', 'zh-CN'));
  await page.reload();
  const zhTimeline = page.getByRole('region', { name: '动态' });
  await expect(zhTimeline).toContainText(`从${employer.name}离职`);
  await expect(zhTimeline).toContainText(`入职${employer.name}，岗位：质检员`);
  await page.evaluate(() => localStorage.removeItem('unionhall.lang'));
});

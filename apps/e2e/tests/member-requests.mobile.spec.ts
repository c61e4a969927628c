import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { baseURL, OFFICER_STATE } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { randomGivenName, randomMobile, randomResidentId } from './support/members';

/** The consent version the server expects (see support/members.ts). */
const CONSENT_VERSION = '2026-11';

/** Calls a tRPC procedure over HTTP the way the apps do (superjson envelope). */
async function call(request: APIRequestContext, path: string, input?: unknown): Promise<unknown> {
  const response =
    input === undefined
      ? await request.get(`/trpc/${path}`)
      : await request.post(`/trpc/${path}`, { data: { json: input } });
  const body = (await response.json()) as { result?: { data?: { json?: unknown } } };
  expect(response.ok(), `${path}: ${JSON.stringify(body)}`).toBe(true);
  return body.result?.data?.json;
}

/**
 * The development outbox stands in for the member's mailbox (newest message first). The code
 * arrives once the send request has been answered, so it is waited for, not read at once (it
 * flaked once in CI: read before it was there).
 */
async function latestCode(request: APIRequestContext, to: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get('/api/dev/outbox');
        const { messages } = (await response.json()) as {
          messages: { to: string; code: string }[];
        };
        code = messages.find((candidate) => candidate.to === to && Boolean(candidate.code))?.code;
        return code;
      },
      { message: `a code sent to ${to}` },
    )
    .toBeTruthy();
  return code as string;
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Nothing may be wider than the phone's screen. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * A member of the first middle school's union with an account (applies, is approved by the
 * officer), signed in on the phone by email code.
 */
async function signInNewMember(
  page: Page,
  officerApi: APIRequestContext,
  emailPrefix: string,
  surname: string,
) {
  const tree = (await call(officerApi, 'public.org.tree')) as { id: string; code: string }[];
  const school = tree.find((unit) => unit.code === 'BJ-NO1-HS');
  if (!school) throw new Error('demo unit BJ-NO1-HS missing');
  const memberId = randomUUID();
  const email = `${emailPrefix}.${memberId.slice(0, 8)}@example.org`;
  await call(officerApi, 'public.membership.applyToJoin', {
    id: memberId,
    name: `${surname}${randomGivenName()}`,
    idDocument: { type: 'RESIDENT_ID', number: randomResidentId() },
    phone: randomMobile(),
    email,
    orgUnitId: school.id,
    consentVersion: CONSENT_VERSION,
  });
  await call(officerApi, 'officer.membership.changeStatus', {
    id: memberId,
    action: 'APPROVE',
    expectedVersion: 1,
  });
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(email);
  await page.getByRole('button', { name: '发送验证码' }).click();
  await page.getByLabel('验证码').fill(await latestCode(page.request, email));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的账户' })).toBeVisible();
}

interface CaseRow {
  id: string;
  number: string;
}

test.use({ locale: 'zh-CN' });

test('a member raises requests on the phone, offline too, follows one and rates its outcome', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(150_000);
  const officer = await browser.newContext({ storageState: OFFICER_STATE, baseURL });
  const officerApi = officer.request;

  await signInNewMember(page, officerApi, 'cases', '申');

  // From the home screen to "My requests", then a new request about unpaid wages, with a photo.
  await page.goto('/');
  await page.getByRole('link', { name: '查看我的诉求' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '我的诉求' })).toBeVisible();
  await expect(page.getByText('您还没有提出过诉求。')).toBeVisible();
  await page.getByRole('link', { name: '提出诉求' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '提出诉求' })).toBeVisible();

  // What is missing is said on the spot.
  await page.getByRole('button', { name: '提交诉求' }).click();
  await expect(page.getByText('请选择诉求类型。')).toBeVisible();
  await page.getByRole('radio', { name: /劳动权益问题/ }).check();
  await page.getByRole('button', { name: '提交诉求' }).click();
  await expect(page.getByText('请选择问题类别。')).toBeVisible();
  await expect(page.getByText('请说明情况。')).toBeVisible();

  await page.getByRole('radio', { name: '拖欠工资' }).check();
  await page.getByLabel('情况说明').fill('学校食堂外包公司已经三个月没有发工资，涉及 12 名职工。');
  await expect(page.getByText('请说明情况。')).toHaveCount(0);
  const png = await readFile(join(process.cwd(), '../member/public/icons/icon-192.png'));
  const files = page.getByTestId('case-files');
  // A file of a type the union does not take is refused before anything is sent.
  await files.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('x'),
  });
  await expect(page.getByText('notes.txt 不是支持的文件类型。')).toBeVisible();
  await files.setInputFiles({ name: 'payslip.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('button', { name: '移除 payslip.png' })).toBeVisible();
  await page.getByLabel('可以向单位出示我的姓名').check();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await shoot(page, 'requests-new-phone-zh');

  await page.getByRole('button', { name: '提交诉求' }).click();
  await expect(page.getByText(/诉求已提交，编号 \S+。/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '拖欠工资' })).toBeVisible();
  await expect(page.getByTestId('case-stage')).toHaveText('受理');
  const photo = page.getByTestId('case-attachments').getByRole('link', { name: 'payslip.png' });
  await expect(photo).toBeVisible();
  // The member may open their own file; it is the photo they sent.
  const served = await page.request.get((await photo.getAttribute('href')) ?? '');
  expect(served.headers()['content-type']).toBe('image/png');
  expect(Buffer.from(await served.body()).equals(png)).toBe(true);
  await expect(page.getByText('可以向单位出示您的姓名')).toBeVisible();
  await expect(page.getByTestId('case-history')).toContainText('添加了文件 payslip.png');
  const wagesId = new URL(page.url()).pathname.split('/').pop() ?? '';

  // A file whose content is not what its name says is refused by the server, which says why.
  await page
    .getByLabel('添加照片或文件')
    .setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not a png') });
  await expect(page.getByText(/文件内容与扩展名不符/)).toBeVisible();

  // The member writes to the caseworker.
  await page.getByLabel('留言', { exact: true }).fill('工资条照片已上传，请尽快处理。');
  await page.getByRole('button', { name: '发送留言' }).click();
  await expect(page.getByText('留言已发送。')).toBeVisible();
  await expect(page.getByTestId('case-messages')).toContainText('工资条照片已上传，请尽快处理。');

  await page.getByRole('link', { name: '返回我的诉求' }).click();
  const entries = page.getByTestId('case-entry');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('拖欠工资');
  await expect(entries.first()).toContainText('办理阶段：受理');
  await expect(entries.first()).toContainText('承办人：等待分配承办人');
  await expect(entries.first()).toContainText('本阶段办理期限');

  // Offline: a second request waits on the phone and is sent, once, when the network returns.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.getByRole('link', { name: '提出诉求' }).click();
  await expect(page.getByText(/照片和文件需要联网上传/)).toBeVisible();
  await expect(page.getByTestId('case-files')).toBeDisabled();
  await page.getByRole('radio', { name: /法律咨询/ }).check();
  await page.getByLabel('情况说明').fill('加班费应当按照什么标准计算？');
  await page.getByRole('button', { name: '提交诉求' }).click();
  await expect(page.getByText('您当前离线，诉求已保存在本设备，联网后会自动发送。')).toBeVisible();
  const queued = page.getByTestId('queued-entry');
  await expect(queued).toHaveCount(1);
  await expect(queued).toContainText('等待发送');
  await expect(queued).toContainText('法律咨询');
  const queuedId = (await queued.getAttribute('data-case-id')) ?? '';
  expect(queuedId).toMatch(/^[0-9a-f-]{36}$/);
  // Signing out would delete it: the account page says so.
  await page.getByRole('link', { name: '我的', exact: true }).click();
  await expect(page.getByText('本设备上还有 1 条诉求尚未发送。')).toBeVisible();
  await page.goBack();
  // The request survives the app being closed and opened again without a network.
  await page.reload();
  await expect(page.getByTestId('queued-entry')).toContainText('等待发送');
  await expect(page.getByTestId('case-entry')).toHaveCount(1);
  await expectNoSidewaysScroll(page);
  await shoot(page, 'requests-queued-phone-zh-offline');

  await context.setOffline(false);
  await expect(page.getByTestId('queued-entry')).toHaveCount(0);
  await expect(page.getByTestId('case-entry')).toHaveCount(2);
  await expect(page.getByTestId('case-entry').first()).toContainText('法律咨询');
  // Exactly once: the server has one case with that id, and sending it again changes nothing.
  const mine = (await call(page.request, 'member.cases.list', {})) as CaseRow[];
  expect(mine.filter((row) => row.id === queuedId)).toHaveLength(1);
  expect(mine).toHaveLength(2);
  const sentCase = mine.find((row) => row.id === queuedId);
  const again = (await call(page.request, 'member.cases.submit', {
    id: queuedId,
    kind: 'LEGAL_CONSULTATION',
    title: '法律咨询',
    narrative: '加班费应当按照什么标准计算？',
  })) as CaseRow;
  expect(again).toMatchObject({ id: queuedId, number: sentCase?.number });
  await page.reload();
  await expect(page.getByTestId('case-entry')).toHaveCount(2);
  expect((await call(page.request, 'member.cases.list', {})) as CaseRow[]).toHaveLength(2);
  await expectNoAxeViolations(page);
  await shoot(page, 'requests-list-phone-zh');

  // The union replies, calls the member back and closes the wage case.
  const replied = (await call(officerApi, 'officer.cases.sendMessage', {
    caseId: wagesId,
    body: '已与外包公司沟通，工资将于本周五前补发。',
  })) as { version: number };
  expect(replied.version).toBeGreaterThan(0);
  await call(officerApi, 'officer.cases.recordCallback', {
    caseId: wagesId,
    reached: true,
    note: '会员确认已收到补发工资。',
  });
  const current = (await call(officerApi, 'officer.cases.get', { id: wagesId })) as {
    version: number;
  };
  await call(officerApi, 'officer.cases.close', {
    id: wagesId,
    expectedVersion: current.version,
    outcome: 'WON',
    closingNote: '三个月工资已全部补发。',
  });
  await officer.close();

  // The member reads the reply and the outcome, and rates it.
  // The union's reply and the closing reach the member's notification centre, which links to
  // the request.
  await page.goto('/notifications');
  await page.getByTestId('notification-list').getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/cases/${wagesId}$`));
  await expect(page.getByTestId('case-messages')).toContainText(
    '已与外包公司沟通，工资将于本周五前补发。',
  );
  await expect(page.getByTestId('case-status')).toHaveText('已办结');
  await expect(page.getByTestId('case-outcome')).toHaveText('维权成功');
  await expect(page.getByText('三个月工资已全部补发。')).toBeVisible();
  await expect(page.getByTestId('case-history')).toContainText('办结：维权成功');
  await expect(page.getByLabel('添加照片或文件')).toHaveCount(0);
  await page.getByRole('radio', { name: '5 星' }).check();
  await page.getByLabel('评价意见（选填）').fill('处理及时，谢谢工会。');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByText('感谢您的评价。')).toBeVisible();
  await expect(page.getByTestId('case-rating')).toContainText('您的评价：5 星');
  await expect(page.getByTestId('case-history')).toContainText('您评价了 5 星');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await shoot(page, 'requests-case-phone-zh');

  // Loaded once, the request reads offline too.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('case-outcome')).toHaveText('维权成功');
  await expect(page.getByText('您当前离线，显示的是上次加载的内容。')).toBeVisible();
  await context.setOffline(false);

  // In English.
  await page.reload();
  await page.getByLabel('语言', { exact: true }).selectOption('en');
  await expect(page.getByTestId('case-outcome')).toHaveText('Won');
  await expect(page.getByTestId('case-rating')).toContainText('Your rating: 5 of 5');
  await expect(page.getByRole('heading', { name: 'Messages with your caseworker' })).toBeVisible();
  await shoot(page, 'requests-case-phone-en');
  await page.getByRole('link', { name: 'Back to my requests' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My requests' })).toBeVisible();
  await expect(page.getByTestId('case-entry').first()).toContainText('Legal consultation');
  await expect(page.getByTestId('case-entry').nth(1)).toContainText('Closed');
  await shoot(page, 'requests-list-phone-en');
  await page.getByRole('link', { name: 'New request' }).click();
  await page.getByRole('radio', { name: /Problem at work/ }).check();
  await expect(page.getByRole('radio', { name: 'Wages unpaid' })).toBeVisible();
  await shoot(page, 'requests-new-phone-en');
});

test('on the phone, a member gets the union’s file with its message and follows the mediation', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const officer = await browser.newContext({ storageState: OFFICER_STATE, baseURL });
  const officerApi = officer.request;
  await signInNewMember(page, officerApi, 'mediation', '调');

  const caseId = randomUUID();
  await call(page.request, 'member.cases.submit', {
    id: caseId,
    kind: 'MEDIATION',
    title: '请求调解拖欠加班费',
    narrative: '学校拖欠暑期补课的加班费，希望工会出面调解。',
  });

  // The union sends a document with a message, keeps another file internal, and mediates.
  const png = await readFile(join(process.cwd(), '../member/public/icons/icon-192.png'));
  const assigned = (await call(officerApi, 'officer.cases.assign', {
    id: caseId,
    expectedVersion: 1,
    assigneeId: ((await call(officerApi, 'public.session.me')) as { id: string }).id,
  })) as { version: number };
  expect(assigned.version).toBe(2);
  const upload = {
    id: randomUUID(),
    caseId,
    fileName: '调解申请书.png',
    file: png.toString('base64'),
    message: '请查看调解申请书，会谈时带上原件。',
  };
  await call(officerApi, 'officer.cases.addAttachment', upload);
  // A retried upload is the same file, not a second one.
  await call(officerApi, 'officer.cases.addAttachment', upload);
  await call(officerApi, 'officer.cases.addAttachment', {
    id: randomUUID(),
    caseId,
    fileName: '校方内部说明.png',
    file: png.toString('base64'),
    message: null,
  });
  const day = (offset: number) =>
    new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  await call(officerApi, 'officer.cases.mediation.addSession', {
    caseId,
    heldOn: day(5),
    place: '区总工会三楼调解室',
    attendees: ['会员', '学校人事处'],
    notes: '第一次会谈，内部记录：校方态度强硬。',
  });
  await call(officerApi, 'officer.cases.mediation.recordAgreement', {
    caseId,
    // The session started the record (version 1).
    expectedVersion: 1,
    terms: '学校于月底前补发暑期补课加班费，并书面说明计算方法。',
    backWages: '2400',
    payBy: day(20),
  });
  await officer.close();

  // The member hears of it in the notification centre and opens the request from there.
  await page.goto('/notifications');
  const list = page.getByTestId('notification-list');
  await expect(list).toContainText('已达成调解协议');
  await expect(list).toContainText('调解会谈安排');
  await list.getByRole('link').filter({ hasText: '已达成调解协议' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));

  const mediation = page.getByTestId('case-mediation');
  await expect(mediation.getByRole('heading', { name: '调解进展' })).toBeVisible();
  await expect(page.getByTestId('case-mediation-next')).toContainText('区总工会三楼调解室');
  await expect(mediation).toContainText('学校于月底前补发暑期补课加班费');
  await expect(mediation).toContainText('等待用人单位履行');
  await expect(mediation).toContainText('补发金额：2400.00 元');
  await expect(mediation).not.toContainText('校方态度强硬');

  // The message carries its file, which the member can open; the internal file is nowhere.
  const messages = page.getByTestId('case-messages');
  await expect(messages).toContainText('请查看调解申请书，会谈时带上原件。');
  const shared = messages.getByRole('link', { name: '调解申请书.png' });
  await expect(shared).toBeVisible();
  const served = await page.request.get((await shared.getAttribute('href')) ?? '');
  expect(served.headers()['content-type']).toBe('image/png');
  expect(Buffer.from(await served.body()).equals(png)).toBe(true);
  await expect(page.getByTestId('case-attachments')).toContainText('工会发送');
  await expect(page.getByText('校方内部说明.png')).toHaveCount(0);
  await expect(page.getByTestId('case-history')).toContainText('调解会谈：');
  await expect(page.getByTestId('case-history')).toContainText('达成调解协议');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await shoot(page, 'requests-mediation-phone-zh');
});

import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { baseURL, OFFICER_STATE } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { applyToJoin, latestCode, randomGivenName, randomMobile } from './support/members';

test.use({ locale: 'zh-CN' });

const MEMBER = 'member@binjiang.demo';

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(email);
  await page.getByRole('button', { name: '发送验证码' }).click();
  await expect(page.getByText('6 位验证码已发出')).toBeVisible();
  await page.getByLabel('验证码').fill(await latestCode(page.request, email));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的账户' })).toBeVisible();
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

test('the demo member updates contact details, requests and withdraws a change, asks for a transfer and downloads their data', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, MEMBER);

  // Contact details change at once.
  await page.getByRole('link', { name: '我的资料' }).click();
  await expect(page.getByRole('heading', { name: '我的资料', level: 1 })).toBeVisible();
  const contact = page.getByTestId('contact-details');
  await expect(contact).toContainText('+86 138 0013 8000');
  await page.getByRole('button', { name: '修改联系方式' }).click();
  await page.getByLabel('手机号码').fill('12345');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('请输入中国大陆手机号码')).toBeVisible();
  await page.getByLabel('手机号码').fill('139 0000 1234');
  await page.getByLabel('通讯地址').fill('滨江市江南大道 100 号 3 单元');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('联系方式已保存。')).toBeVisible();
  await expect(contact).toContainText('+86 139 0000 1234');
  await expect(contact).toContainText('滨江市江南大道 100 号 3 单元');
  await page.reload();
  await expect(contact).toContainText('+86 139 0000 1234');

  // The identity shows the document type and last four characters only.
  await expect(page.getByText(/居民身份证（尾号 \w{4}）/)).toBeVisible();

  // A job-title change goes to an officer; the ID number is checked as it is typed.
  await page.getByRole('button', { name: '申请变更' }).click();
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByRole('alert')).toContainText('请至少修改一项内容');
  await page.getByLabel('新证件号码').fill('110105199001011230');
  await expect(page.getByText('身份证号码校验位不正确')).toBeVisible();
  await page.getByLabel('新证件号码').fill('');
  await page.getByLabel('新职务/岗位').fill('教研组长');
  await page.getByLabel('说明（选填）').fill('学校任命');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText('变更申请已提交，请等待工会审核。')).toBeVisible();
  const request = page.getByTestId('change-request').first();
  await expect(request.getByTestId('request-state')).toHaveText('待审核');
  await expect(request).toContainText('职务/岗位：教研组长');
  await expect(page.getByText('您有一项变更申请正在审核中')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await shoot(page, 'self-details-phone-zh');

  await request.getByRole('button', { name: '撤回申请' }).click();
  await expect(page.getByText('申请已撤回。')).toBeVisible();
  await expect(request.getByTestId('request-state')).toHaveText('已撤回');
  await expect(page.getByRole('button', { name: '申请变更' })).toBeVisible();

  // Moved to the school's other campus: a workplace of the current employer, reviewed too.
  await expect(page.locator('dl').filter({ hasText: '工作地点' })).toContainText('本部校区');
  await page.getByRole('button', { name: '申请变更' }).click();
  await page.getByRole('combobox', { name: '工作地点' }).selectOption({ label: '滨湖校区' });
  await expectNoAxeViolations(page);
  await shoot(page, 'self-workplace-form-phone-zh');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText('变更申请已提交，请等待工会审核。')).toBeVisible();
  const move = page.getByTestId('change-request').first();
  await expect(move.getByTestId('request-state')).toHaveText('待审核');
  await expect(move).toContainText('工作地点：滨湖校区');
  await move.getByRole('button', { name: '撤回申请' }).click();
  await expect(move.getByTestId('request-state')).toHaveText('已撤回');

  // A transfer to the steelworks' union, after changing jobs.
  await page.getByRole('link', { name: '返回我的账户' }).click();
  await page.getByRole('link', { name: '转会' }).click();
  await expect(page.getByRole('heading', { name: '转会', level: 1 })).toBeVisible();
  await expect(page.getByText('当前所在工会：滨江市第一中学工会')).toBeVisible();
  await page.getByRole('button', { name: '提交转会申请' }).click();
  await expect(page.getByText('请选择接收工会。')).toBeVisible();
  await page.getByLabel('搜索接收工会').fill('华兴');
  await page.getByRole('radio', { name: /华兴钢铁有限公司工会/ }).check();
  await expect(page.getByText('已选择：华兴钢铁有限公司工会')).toBeVisible();
  await page.getByLabel('转会原因').fill('已调入华兴钢铁工作');
  await page.getByRole('button', { name: '提交转会申请' }).click();
  await expect(page.getByText('转会申请已提交')).toBeVisible();
  const transfer = page.getByTestId('transfer').first();
  await expect(transfer.getByTestId('request-state')).toHaveText('待审核');
  await expect(transfer).toContainText('滨江市第一中学工会 → 华兴钢铁有限公司工会');
  await expect(transfer).toContainText('原因：已调入华兴钢铁工作');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await shoot(page, 'self-transfer-phone-zh');

  // The member's own data, as a JSON file.
  await page.getByRole('link', { name: '返回我的账户' }).click();
  await expect(page.getByText('每次下载都会记录在工会的审计日志中。')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载我的数据' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^unionhall-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  const data = JSON.parse(await readFile(path, 'utf8')) as {
    member: {
      name: string;
      phone: string;
      address: string;
      idDocument: { type: string; number: string };
    };
    changeRequests: { state: string }[];
    transfers: { state: string }[];
  };
  expect(data.member.name).toBe('张伟');
  expect(data.member.idDocument.type).toBe('RESIDENT_ID');
  expect(data.member.idDocument.number).toMatch(/^\d{17}[\dX]$/);
  expect(data.member.phone).toBe('+8613900001234');
  expect(data.member.address).toBe('滨江市江南大道 100 号 3 单元');
  expect(data.changeRequests.map((change) => change.state)).toContain('CANCELLED');
  expect(data.transfers.map((moved) => moved.state)).toContain('PENDING');
  await expect(page.getByText(/已下载 unionhall-my-data-/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, 'self-account-phone-zh');

  // The same screens in English.
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('link', { name: 'My details' })).toBeVisible();
  await shoot(page, 'self-account-phone-en');
  await page.getByRole('link', { name: 'My details' }).click();
  await expect(page.getByRole('heading', { name: 'My change requests' })).toBeVisible();
  await expect(page.getByTestId('change-request').first()).toContainText('Withdrawn');
  await shoot(page, 'self-details-phone-en');
  await page.getByRole('link', { name: 'Back to my account' }).click();
  await page.getByRole('link', { name: 'Transfer to another unit' }).click();
  await expect(page.getByTestId('transfer').first()).toContainText('Pending');
  await expect(page.getByText('A transfer request of yours is already waiting')).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, 'self-transfer-phone-en');

  // Offline, the requests can still be read, and sending says it needs the network.
  await page.getByRole('link', { name: 'Back to my account' }).click();
  await page.getByRole('link', { name: 'My details' }).click();
  await expect(page.getByTestId('contact-details')).toBeVisible();
  await page.context().setOffline(true);
  await expect(
    page.getByText('You are offline. Sending this needs the network').first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Edit contact details' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'connect and try again' })).toHaveCount(2);
  await page.context().setOffline(false);
});

test('a member leaves the union after a confirmation; the membership shows it with the reason', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // A fresh member (not the demo one, whom other specs use), approved by the federation admin.
  const applicant = await applyToJoin(baseURL, {
    name: `吴${randomGivenName()}`,
    phone: randomMobile(),
  });
  const officer = await browser.newContext({ storageState: OFFICER_STATE, baseURL });
  const approved = await officer.request.post('/trpc/officer.membership.changeStatus', {
    data: { json: { id: applicant.id, action: 'APPROVE', expectedVersion: 1 } },
  });
  expect(approved.ok()).toBe(true);
  await officer.close();

  await signIn(page, `e2e-${applicant.id}@example.org`);
  await expect(page.getByTestId('membership-status')).toHaveText('正式会员');
  // A change request still waiting when they leave: the system closes it.
  await page.getByRole('link', { name: '我的资料' }).click();
  await page.getByRole('button', { name: '申请变更' }).click();
  await page.getByLabel('新职务/岗位').fill('班主任');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText('变更申请已提交，请等待工会审核。')).toBeVisible();
  await page.getByRole('link', { name: '返回我的账户' }).click();
  await page.getByRole('link', { name: '退会' }).click();
  await expect(page.getByRole('heading', { name: '退会', level: 1 })).toBeVisible();
  await expect(page.getByText('您的电子会员证将立即失效。')).toBeVisible();
  await expect(page.getByText('之后如需重新入会，可随时再次申请。')).toBeVisible();

  // A reason is required, and the decision takes a second, separate step.
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('此项为必填项')).toBeVisible();
  await page.getByLabel('退会原因').fill('退休');
  await expectNoAxeViolations(page);
  await shoot(page, 'self-leave-phone-zh');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { name: '确认退会' })).toBeFocused();
  await expect(page.getByText('退会原因：退休')).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, 'self-leave-confirm-phone-zh');

  // Going back keeps the reason; confirming resigns.
  await page.getByRole('button', { name: '返回修改' }).click();
  await expect(page.getByLabel('退会原因')).toHaveValue('退休');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '确认退会' }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText('退会已办理，您的电子会员证已停用。')).toBeVisible();
  await expect(page.getByTestId('membership-status')).toHaveText('已退会');
  const history = page.locator('.membership__history li').first();
  await expect(history).toContainText('退会');
  await expect(history).toContainText('原因：退休');
  // A resigned member can no longer transfer or leave, but still reads and downloads.
  await expect(page.getByRole('link', { name: '转会' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '退会' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '下载我的数据' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, 'self-resigned-phone-zh');

  // The waiting request reads as cancelled by the system, with why, not as withdrawn.
  await page.getByRole('link', { name: '我的资料' }).click();
  const closed = page.getByTestId('change-request').first();
  await expect(closed.getByTestId('request-state')).toHaveText('已由系统取消');
  await expect(closed).toContainText('因您已退会，系统取消了该申请。');
  // Nor can they ask to change their identity or work details: the page says why.
  await expect(page.getByRole('button', { name: '申请变更' })).toHaveCount(0);
  await expect(
    page.getByText('您的会籍已经结束，身份和工作信息不能再在这里申请变更。'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, 'self-request-cancelled-phone-zh');
  await page.getByRole('link', { name: '返回我的账户' }).click();

  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByTestId('membership-status')).toHaveText('Resigned');
  await shoot(page, 'self-resigned-phone-en');
});

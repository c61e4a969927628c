import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { baseURL, OFFICER_STATE } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { call, latestCode, randomGivenName, randomMobile, residentId } from './support/members';

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

test.use({ locale: 'zh-CN' });

test('a member reads notifications offline and sets channels, language and quiet hours', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(90_000);
  // An application rejected with a reason: the applicant is told, and reads the reason.
  const officer = await browser.newContext({ storageState: OFFICER_STATE, baseURL });
  const tree = (await call(officer.request, 'public.org.tree')) as { id: string; code: string }[];
  const unit = tree.find((candidate) => candidate.code === 'BJ-NO1-HS');
  if (!unit) throw new Error('demo unit BJ-NO1-HS missing');
  const id = randomUUID();
  const email = `notes.${id.slice(0, 8)}@example.org`;
  await call(officer.request, 'public.membership.applyToJoin', {
    id,
    name: `东方${randomGivenName()}`,
    idDocument: { type: 'RESIDENT_ID', number: residentId('19881108') },
    phone: randomMobile(),
    email,
    orgUnitId: unit.id,
    consentVersion: '2026-11',
  });
  await call(officer.request, 'officer.membership.changeStatus', {
    id,
    action: 'REJECT',
    reason: '请先在单位工会登记',
    expectedVersion: 1,
  });
  await officer.close();

  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(email);
  await page.getByRole('button', { name: '发送验证码' }).click();
  await page.getByLabel('验证码').fill(await latestCode(page.request, email));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的账户' })).toBeVisible();

  await page.getByRole('link', { name: '通知，1 条未读' }).click();
  const item = page.getByTestId('notification-list').getByRole('listitem').first();
  await expect(item).toContainText('入会申请未通过');
  await expect(item).toContainText('原因：请先在单位工会登记');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await shoot(page, 'notifications-phone-zh');

  // Loaded once, the list reads offline too.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(item).toContainText('入会申请未通过');
  await context.setOffline(true);
  await page.reload();
  await expect(item).toContainText('原因：请先在单位工会登记');
  await expect(page.getByText('离线：显示的是上次加载的通知。')).toBeVisible();
  await expect(page.getByRole('link', { name: '通知，1 条未读' })).toBeVisible();
  await shoot(page, 'notifications-phone-zh-offline');
  await context.setOffline(false);

  // Settings: channels per category, language and quiet hours.
  await page.reload();
  await page.getByRole('link', { name: '通知设置' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '通知设置' })).toBeVisible();
  const accountEmail = page.getByRole('checkbox', { name: '账户与会籍：邮件' });
  await expect(accountEmail).toBeChecked();
  await expect(accountEmail).toBeDisabled();
  const newsEmail = page.getByRole('checkbox', { name: '工会通知：邮件' });
  await expect(newsEmail).not.toBeChecked();
  await newsEmail.check();
  await expect(newsEmail).toBeChecked();
  await expect(newsEmail).toBeEnabled();
  const newsSms = page.getByRole('checkbox', { name: '我的诉求：短信' });
  await expect(newsSms).toBeChecked();
  await newsSms.uncheck();
  await expect(newsSms).not.toBeChecked();
  await expect(newsSms).toBeEnabled();

  await page.getByLabel('邮件、短信和推送使用的语言').selectOption('en');
  await expect(page.getByLabel('开始时间')).toHaveValue('22:00');
  await page.getByLabel('开始时间').fill('23:00');
  await page.getByLabel('结束时间').fill('07:00');
  await expect(page.getByLabel('未读通知邮件摘要')).toHaveValue('OFF');
  await page.getByLabel('未读通知邮件摘要').selectOption({ label: '每周一' });
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await shoot(page, 'notification-settings-phone-zh');

  await page.reload();
  await expect(page.getByRole('checkbox', { name: '工会通知：邮件' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '我的诉求：短信' })).not.toBeChecked();
  await expect(page.getByLabel('邮件、短信和推送使用的语言')).toHaveValue('en');
  await expect(page.getByLabel('开始时间')).toHaveValue('23:00');
  await expect(page.getByLabel('结束时间')).toHaveValue('07:00');
  await expect(page.getByLabel('未读通知邮件摘要')).toHaveValue('WEEKLY');

  // Start and end may not be the same: the server says so on the field.
  await page.getByLabel('结束时间').fill('23:00');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('免打扰的开始和结束时间不能相同')).toBeVisible();

  // In English.
  await page.getByLabel('语言', { exact: true }).selectOption('en');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Notification settings' }),
  ).toBeVisible();
  await shoot(page, 'notification-settings-phone-en');
});

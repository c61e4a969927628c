import { expect, test, type APIRequestContext } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { randomUUID } from 'node:crypto';
import { latestCode, randomGivenName, randomMobile, residentId } from './support/members';

/** Applies to join through the public API, as the join form does. */
async function apply(request: APIRequestContext, name: string, email: string): Promise<string> {
  const tree = await request.get('/trpc/public.org.tree');
  const units = (
    (await tree.json()) as { result: { data: { json: { id: string; code: string }[] } } }
  ).result.data.json;
  const unit = units.find((candidate) => candidate.code === 'BJ-NO1-HS');
  if (!unit) throw new Error('demo unit BJ-NO1-HS missing');
  const id = randomUUID();
  const response = await request.post('/trpc/public.membership.applyToJoin', {
    data: {
      json: {
        id,
        name,
        idDocument: { type: 'RESIDENT_ID', number: residentId('19881109') },
        phone: randomMobile(),
        email,
        orgUnitId: unit.id,
        consentVersion: '2026-11',
      },
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return id;
}

test.use({ locale: 'en' });

test('an officer approves an application and the applicant finds the notification in the app', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const name = `公孙${randomGivenName()}`;
  const email = `notice.${randomUUID().slice(0, 8)}@example.org`;
  const applicant = { id: await apply(page.request, name, email), name };

  // The officer approves it in the console.
  await page.goto(`/admin/members/${applicant.id}`);
  await expect(page.getByRole('heading', { level: 1, name: applicant.name })).toBeVisible();
  await page.getByRole('button', { name: 'Approve' }).click();
  const approve = page.getByRole('dialog', { name: 'Approve' });
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(approve).toBeHidden();
  const approved = page.getByText(/^Approved\. Member number (\d{10})\.$/);
  await expect(approved).toBeVisible();
  const memberNumber = /(\d{10})/.exec((await approved.textContent()) ?? '')?.[1] ?? '';

  // Officers have a bell and a notifications page of their own.
  await page.getByTestId('notification-bell').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  // Earlier specs may have told this officer things (cases assigned, deadlines): a list or the
  // empty state, whichever it is, once loaded.
  await expect(
    page.getByTestId('notification-list').or(page.getByText('No notifications yet.')),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('console-notifications-en.png') });

  // The applicant signs in to the member app: the bell counts one unread notification.
  const phone = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const app = await phone.newPage();
  await app.goto('/sign-in');
  await app.getByLabel('邮箱').fill(email);
  await app.getByRole('button', { name: '发送验证码' }).click();
  await app.getByLabel('验证码').fill(await latestCode(app.request, email));
  await app.getByRole('button', { name: '登录', exact: true }).click();
  await expect(app.getByRole('heading', { name: '我的账户' })).toBeVisible();
  const bell = app.getByRole('link', { name: '通知，1 条未读' });
  await expect(bell).toBeVisible();
  await bell.click();

  const list = app.getByTestId('notification-list');
  const item = list.getByRole('listitem').first();
  await expect(item).toContainText('入会申请已通过');
  await expect(item).toContainText(memberNumber);
  await expect(item).toContainText('未读');
  await expectNoAxeViolations(app);
  await app.screenshot({
    path: testInfo.outputPath('member-notifications-zh.png'),
    fullPage: true,
  });

  // Opening it follows its link to the card and marks it read.
  await item.getByRole('link').click();
  await expect(app).toHaveURL(/\/card$/);
  await expect(app.getByTestId('member-card')).toContainText(memberNumber);
  await expect(app.getByRole('link', { name: '通知', exact: true })).toBeVisible();
  await app.getByRole('link', { name: '通知', exact: true }).click();
  await expect(list.getByRole('listitem').first()).not.toContainText('未读');
  await phone.close();
});

test('an officer chooses how notifications reach them, in English and Chinese', async ({
  page,
}, testInfo) => {
  await page.goto('/admin/notifications');
  await page.getByRole('link', { name: 'Notification settings' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Notification settings' }),
  ).toBeVisible();
  const accountEmail = page.getByRole('checkbox', { name: 'Account and membership: Email' });
  await expect(accountEmail).toBeChecked();
  await expect(accountEmail).toBeDisabled();
  const requestsSms = page.getByRole('checkbox', { name: 'My requests: SMS' });
  const wasOn = await requestsSms.isChecked();
  await requestsSms.setChecked(!wasOn);
  await expect(requestsSms).toBeChecked({ checked: !wasOn });
  await expect(requestsSms).toBeEnabled();

  await page.getByLabel('Email summary of unread notifications').selectOption('DAILY');
  await page.getByLabel('From').fill('21:30');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('console-notification-settings-en.png') });

  // Kept on the server: a reload shows what was saved.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'My requests: SMS' })).toBeChecked({
    checked: !wasOn,
  });
  await expect(page.getByLabel('Email summary of unread notifications')).toHaveValue('DAILY');
  await expect(page.getByLabel('From')).toHaveValue('21:30');

  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '通知设置' })).toBeVisible();
  await expect(page.getByLabel('未读通知邮件摘要')).toHaveValue('DAILY');
  await page.screenshot({ path: testInfo.outputPath('console-notification-settings-zh.png') });
  // Put the officer's choices back for the specs that follow.
  await page.getByLabel('未读通知邮件摘要').selectOption('OFF');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
});

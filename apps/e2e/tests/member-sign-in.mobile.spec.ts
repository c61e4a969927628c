import { expect, test } from '@playwright/test';
import { latestCode } from './support/members';

test.use({ locale: 'zh-CN' });

const MEMBER = 'member@binjiang.demo';

test('a member signs in with a code sent by email, sees the account, and signs out', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: '我的' }).click();
  await expect(page.getByText('您尚未登录')).toBeVisible();
  await page.getByRole('link', { name: '登录' }).click();

  await page.getByLabel('邮箱').fill(MEMBER);
  await page.getByRole('button', { name: '发送验证码' }).click();
  await expect(page.getByText('6 位验证码已发出')).toBeVisible();

  // A wrong code is refused with a clear message.
  const code = await latestCode(page.request, MEMBER);
  await page.getByLabel('验证码').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('验证码不正确');

  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的账户' })).toBeVisible();
  await expect(page.getByText('张伟')).toBeVisible();

  // The session survives a reload: it is a cookie, not page state.
  await page.reload();
  await expect(page.getByText('张伟')).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/$/);
  // Signed out for real: the cookie no longer opens a session, and nothing was kept on the phone.
  await page.goto('/account');
  await expect(page.getByText('您尚未登录')).toBeVisible();
});

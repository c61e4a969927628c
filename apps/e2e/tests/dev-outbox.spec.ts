import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

const MEMBER = 'member@binjiang.demo';

test.describe('the dev outbox, signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] }, locale: 'zh-CN' });

  test('shows the code a member was just sent, reachable from the sign-in page', async ({
    page,
  }) => {
    // The member asks for a sign-in code in the app.
    await page.goto('/sign-in');
    await page.getByLabel('邮箱').fill(MEMBER);
    await page.getByRole('button', { name: '发送验证码' }).click();
    await expect(page.getByText('6 位验证码已发出')).toBeVisible();

    // Somebody running a demo finds it from the console's sign-in page, without signing in.
    await page.goto('/admin/');
    await page.getByRole('link', { name: '开发环境：查看发出的验证码和链接' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '开发发件箱' })).toBeVisible();
    const newest = page
      .getByRole('list', { name: '已发出的消息，最新的在前' })
      .getByRole('listitem')
      .first();
    await expect(newest).toContainText(MEMBER);
    await expect(newest).toContainText('邮件');

    const response = await page.request.get('/api/dev/outbox');
    const { messages } = (await response.json()) as { messages: { to: string; code?: string }[] };
    const code = messages.find((message) => message.to === MEMBER && message.code)?.code;
    expect(code).toMatch(/^\d{6}$/);
    await expect(newest.locator('code')).toHaveText(code ?? 'missing');
    await expectNoAxeViolations(page);
  });
});

test.describe('signed in', () => {
  test.use({ locale: 'zh-CN' });

  test('a signed-in officer has the dev outbox in the navigation', async ({ page }) => {
    await page.goto('/admin/');
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '开发发件箱' })
      .click();
    await expect(page).toHaveURL(/\/admin\/dev\/outbox$/);
    await expect(page.getByRole('heading', { level: 1, name: '开发发件箱' })).toBeVisible();
  });
});

import { expect, test } from '@playwright/test';

test.use({ locale: 'zh-CN' });

test('the federation admin sees how background work runs and that nothing has failed', async ({
  page,
}, testInfo) => {
  await page.goto('/admin/');
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '后台任务' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '后台任务' })).toBeVisible();
  // The e2e server runs on embedded PGlite: jobs run inside the server process.
  await expect(page.getByText('运行方式：内嵌数据库，在本服务进程中运行')).toBeVisible();
  const counts = page.getByRole('definition');
  await expect(counts).toHaveCount(3);
  await expect(page.getByText('没有失败的任务。')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('jobs-zh.png'), fullPage: true });

  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Background work' })).toBeVisible();
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';

test.use({ locale: 'zh-CN' });

test('a member sees the union and its units on a phone, and can search them', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '滨江市总工会' })).toBeVisible();
  await expect(page.getByText('华兴钢铁有限公司工会')).toBeVisible();

  await page.getByLabel('搜索组织').fill('物流');
  await expect(page.getByRole('status').filter({ hasText: '找到' })).toBeVisible();
  await expect(page.getByText('星河物流仓储中心工会')).toBeVisible();
  await expect(page.getByText('华兴钢铁有限公司工会')).toHaveCount(0);

  // Nothing overflows the phone's width.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a member switches the app to English', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 2, name: 'Organization' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('Chromium reports the member app installable', async ({ baseURL, launchOptions }) => {
  // Chromium never offers installation in an incognito profile, which is what a default
  // Playwright context is; a real profile is what a member has.
  const profile = await mkdtemp(join(tmpdir(), 'uh-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const manifest = await page.request.get('/manifest.webmanifest');
    expect(manifest.ok()).toBe(true);
    expect(await manifest.json()).toMatchObject({ display: 'standalone', start_url: '/' });

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('the union tree stays readable offline once loaded', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByText('华兴钢铁有限公司工会')).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Make sure the service worker controls the page before going offline.
  await page.reload();
  await expect(page.getByText('华兴钢铁有限公司工会')).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '滨江市总工会' })).toBeVisible();
  await expect(page.getByText('华兴钢铁有限公司工会')).toBeVisible();
  await expect(page.getByTestId('offline-indicator')).toContainText('离线');

  // The badge reads on one line and clears the brand and the header's controls, on this phone
  // and on a narrow one (360 px), where it hangs under the header instead.
  for (const width of [page.viewportSize()?.width ?? 412, 360]) {
    await page.setViewportSize({ width, height: 740 });
    const badge = await page.getByText('离线', { exact: true }).boundingBox();
    const brand = await page.getByRole('link', { name: /Unionhall/ }).boundingBox();
    const controls = await page
      .locator('.app__header a, .app__header button, .app__header select')
      .evaluateAll((elements) =>
        elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect),
      );
    expect(badge && brand).toBeTruthy();
    if (!badge || !brand) continue;
    expect(badge.height).toBeLessThan(30);
    const overlaps = (a: { x: number; y: number; width: number; height: number }) =>
      a.x < badge.x + badge.width &&
      badge.x < a.x + a.width &&
      a.y < badge.y + badge.height &&
      badge.y < a.y + a.height;
    expect(overlaps(brand)).toBe(false);
    expect(controls.filter(overlaps)).toEqual([]);
  }
  await context.setOffline(false);
});

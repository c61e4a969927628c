import { randomInt } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

interface Words {
  tag: string;
  search: string;
  clear: string;
  table: string;
  save: string;
  saveTitle: string;
  name: string;
  saveSubmit: string;
  saved: string;
  picker: string;
  show: string;
  delete: string;
  deleted: string;
  rename: string;
  renameSubmit: string;
  renamed: string;
  nameTaken: string;
}

const WORDS: Record<'en' | 'zh-CN', Words> = {
  en: {
    tag: 'Tag',
    search: 'Search',
    clear: 'Clear filters',
    table: 'Members, by name',
    save: 'Save this search as a segment',
    saveTitle: 'Save as a segment',
    name: 'Segment name',
    saveSubmit: 'Save segment',
    saved: 'Saved the segment',
    picker: 'Saved segments',
    show: 'Show segment',
    delete: 'Delete segment',
    deleted: 'Deleted the segment',
    rename: 'Rename segment',
    renameSubmit: 'Save name',
    renamed: 'Renamed the segment to',
    nameTaken: 'This unit already has a segment with this name.',
  },
  'zh-CN': {
    tag: '标签',
    search: '搜索',
    clear: '清除筛选',
    table: '会员列表，按姓名排序',
    save: '将此搜索保存为分组',
    saveTitle: '保存为分组',
    name: '分组名称',
    saveSubmit: '保存分组',
    saved: '已保存分组',
    picker: '已保存的分组',
    show: '显示该分组',
    delete: '删除分组',
    deleted: '已删除分组',
    rename: '重命名分组',
    renameSubmit: '保存名称',
    renamed: '已将分组重命名为',
    nameTaken: '该组织已有同名的会员分组',
  },
};

/** The `json` of a tRPC answer, as superjson wraps it. */
async function data<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The names in the table, in order: what "the same results" compares. */
async function shownNames(page: Page, words: Words): Promise<string[]> {
  const table = page.getByRole('table', { name: words.table });
  await expect(table).toBeVisible();
  return table.getByRole('rowheader').allTextContents();
}

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test('filter by a tag, save it as a segment, apply it again, rename it, delete it', async ({
      page,
      request,
    }, testInfo) => {
      const words = WORDS[locale];
      const segmentName = `劳模 ${locale} ${String(randomInt(100_000, 1_000_000))}`;

      await page.goto('/admin/members');
      const tag = page.getByRole('combobox', { name: words.tag, exact: true });
      // The demo union's model workers: a tag from the demo data, with its count in the option.
      await expect(tag.locator('option[value="劳模"]')).toHaveCount(1);
      await tag.selectOption('劳模');
      await page.getByRole('button', { name: words.search, exact: true }).click();
      await expect(page).toHaveURL(/tag=%E5%8A%B3%E6%A8%A1/);
      const filtered = await shownNames(page, words);
      expect(filtered.length).toBeGreaterThan(0);

      await page.getByRole('button', { name: words.save }).click();
      const dialog = page.getByRole('dialog', { name: words.saveTitle });
      await dialog.getByLabel(words.name).fill(segmentName);
      await dialog.getByRole('button', { name: words.saveSubmit }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: words.saved })).toContainText(
        segmentName,
      );

      // Clear the filters: more people show, and the tag is gone from the URL.
      await page.getByRole('button', { name: words.clear }).click();
      await expect(page).not.toHaveURL(/tag=/);
      await expect(tag).toHaveValue('');

      // Pick the segment again from the list: the same filters, the same people.
      const picker = page.getByRole('combobox', { name: words.picker });
      await picker.selectOption('');
      const option = picker.locator('option', { hasText: segmentName });
      const segmentId = await option.getAttribute('value');
      expect(segmentId).toBeTruthy();
      await picker.selectOption(segmentId ?? '');
      await page.getByRole('button', { name: words.show }).click();
      await expect(page).toHaveURL(/tag=%E5%8A%B3%E6%A8%A1/);
      await expect(tag).toHaveValue('劳模');
      await expect.poll(() => shownNames(page, words)).toEqual(filtered);
      await page.screenshot({
        path: testInfo.outputPath(`member-segments-${locale}.png`),
        fullPage: true,
      });
      await expectNoAxeViolations(page);

      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({
        // The top of the page: the filters and the segment picker, as a phone shows them.
        path: testInfo.outputPath(`member-segments-${locale}-phone.png`),
      });
      await expectNoAxeViolations(page);
      await page.setViewportSize({ width: 1280, height: 800 });

      // Rename: a name another segment of the unit has is refused at the name field.
      const saved = await data<{ id: string; name: string; orgUnitId: string }[]>(
        await request.get('/trpc/officer.segments.list'),
      );
      const mine = saved.find((segment) => segment.name === segmentName);
      const taken = `${segmentName} 已有`;
      const other = await data<{ id: string; version: number }>(
        await request.post('/trpc/officer.segments.create', {
          data: { json: { name: taken, orgUnitId: mine?.orgUnitId ?? '', filters: {} } },
        }),
      );
      const renamedName = `${segmentName} 新`;
      await page.getByRole('button', { name: words.rename }).click();
      const rename = page.getByRole('dialog', { name: words.rename });
      await rename.getByLabel(words.name).fill(taken);
      await rename.getByRole('button', { name: words.renameSubmit }).click();
      await expect(rename).toContainText(words.nameTaken);
      await expectNoAxeViolations(page);
      await rename.getByLabel(words.name).fill(renamedName);
      await rename.getByRole('button', { name: words.renameSubmit }).click();
      await expect(rename).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: words.renamed })).toContainText(
        renamedName,
      );
      await expect(picker.locator('option', { hasText: renamedName })).toHaveCount(1);
      await data(
        await request.post('/trpc/officer.segments.delete', {
          data: { json: { id: other.id, expectedVersion: other.version } },
        }),
      );

      await page.getByRole('button', { name: words.delete }).click();
      const confirm = page.getByRole('dialog', { name: words.delete });
      await expect(confirm).toContainText(renamedName);
      await expectNoAxeViolations(page);
      await confirm.getByRole('button', { name: words.delete }).click();
      await expect(confirm).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: words.deleted })).toContainText(
        renamedName,
      );
      await expect(picker.locator('option', { hasText: segmentName })).toHaveCount(0);
    });
  });
}

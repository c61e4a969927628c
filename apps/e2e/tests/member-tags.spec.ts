import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

const WORDS = {
  en: {
    table: 'Members, by name',
    heading: 'Tags',
    newTag: 'New tag',
    add: 'Add tag',
    added: 'Added the tag',
    tags: 'Member tags',
    remove: 'Remove tag',
    removed: 'Removed the tag',
    tag: 'Tag',
    search: 'Search',
  },
  'zh-CN': {
    table: '会员列表，按姓名排序',
    heading: '标签',
    newTag: '新标签',
    add: '添加标签',
    added: '已添加标签',
    tags: '会员标签',
    remove: '移除标签',
    removed: '已移除标签',
    tag: '标签',
    search: '搜索',
  },
} as const;

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test('an officer tags a member on their page and finds them by filtering on the tag', async ({
      page,
    }, testInfo) => {
      const words = WORDS[locale];
      const newTag = `夜班${String(randomInt(100_000, 1_000_000))}`;

      await page.goto('/admin/members?status=ACTIVE');
      const table = page.getByRole('table', { name: words.table });
      const link = table
        .getByRole('rowheader')
        .nth(locale === 'en' ? 0 : 1)
        .getByRole('link');
      const name = (await link.textContent())?.trim() ?? '';
      expect(name).not.toBe('');
      await link.click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

      await page.getByLabel(words.newTag, { exact: true }).fill(newTag);
      await page.getByRole('button', { name: words.add, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: words.added })).toContainText(newTag);
      const tags = page.getByRole('list', { name: words.tags });
      await expect(tags).toContainText(newTag);
      // A tag already there (spaces aside) is refused at the field, before anything is sent.
      await page.getByLabel(words.newTag, { exact: true }).fill(` ${newTag} `);
      await page.getByRole('button', { name: words.add, exact: true }).click();
      await expect(page.getByLabel(words.newTag, { exact: true })).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      await page.getByRole('heading', { name: words.heading }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath(`member-tags-${locale}.png`) });
      await expectNoAxeViolations(page);

      // The member list's tag filter now offers the tag, and finds exactly this member.
      await page.goto('/admin/members');
      const filter = page.getByRole('combobox', { name: words.tag, exact: true });
      await expect(filter.locator(`option[value="${newTag}"]`)).toHaveCount(1);
      await filter.selectOption(newTag);
      await page.getByRole('button', { name: words.search, exact: true }).click();
      await expect(table.getByRole('rowheader')).toHaveText([name]);

      // Removing it takes the member out of the filtered list again.
      await table.getByRole('link', { name, exact: true }).click();
      await page.getByRole('button', { name: `${words.remove} ${newTag}` }).click();
      await expect(page.getByRole('status').filter({ hasText: words.removed })).toContainText(
        newTag,
      );
      await expect(page.getByRole('listitem').filter({ hasText: newTag })).toHaveCount(0);
    });
  });
}

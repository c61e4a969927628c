import { expect, type Page } from '@playwright/test';

/** A unit's row on the Organization page: a group named by the unit's name. */
export const unitRow = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

const RENAME_TEXTS = {
  'zh-CN': { rename: '重命名', dialog: '重命名组织', field: '新名称', submit: '保存名称' },
  en: { rename: 'Rename', dialog: 'Rename unit', field: 'New name', submit: 'Save name' },
} as const;

/**
 * Renames a unit through the Organization page (already open, in `lang`), which writes one
 * audit row, and waits until the tree shows the new name.
 */
export async function renameUnit(
  page: Page,
  from: string,
  to: string,
  lang: keyof typeof RENAME_TEXTS = 'zh-CN',
): Promise<void> {
  const text = RENAME_TEXTS[lang];
  await unitRow(page, from).getByRole('button', { name: text.rename }).click();
  const dialog = page.getByRole('dialog', { name: text.dialog });
  await dialog.getByLabel(text.field).fill(to);
  await dialog.getByRole('button', { name: text.submit }).click();
  await expect(dialog).toBeHidden();
  await expect(unitRow(page, to)).toBeVisible();
}

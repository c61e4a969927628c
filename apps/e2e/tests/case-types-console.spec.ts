import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

/** Calls a tRPC procedure over HTTP the way the apps do (superjson envelope). */
async function call(request: APIRequestContext, path: string, input?: unknown): Promise<unknown> {
  const response =
    input === undefined
      ? await request.get(`/trpc/${path}`)
      : await request.post(`/trpc/${path}`, { data: { json: input } });
  const body = (await response.json()) as { result?: { data?: { json?: unknown } } };
  expect(response.ok(), `${path}: ${JSON.stringify(body)}`).toBe(true);
  return body.result?.data?.json;
}

/** A new school union under the education union, so every run starts with no types of its own. */
/** Reads a tRPC query with input over HTTP. */
async function query(request: APIRequestContext, path: string, input: unknown): Promise<unknown> {
  const encoded = encodeURIComponent(JSON.stringify({ json: input }));
  const response = await request.get(`/trpc/${path}?input=${encoded}`);
  const body = (await response.json()) as { result?: { data?: { json?: unknown } } };
  expect(response.ok(), `${path}: ${JSON.stringify(body)}`).toBe(true);
  return body.result?.data?.json;
}

async function newUnit(request: APIRequestContext) {
  const tree = (await call(request, 'public.org.tree')) as { id: string; code: string }[];
  const parent = tree.find((unit) => unit.code === 'BJ-EDU');
  if (!parent) throw new Error('demo unit BJ-EDU is missing');
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  return (await call(request, 'officer.org.create', {
    parentId: parent.id,
    kind: 'GRASSROOTS',
    name: `滨江实验小学工会${suffix}`,
    code: `BJ-EXP-${suffix}`,
  })) as { id: string; name: string };
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('an admin gives a unit’s mediation a 5-working-day review stage; bad input and a stale version are explained', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const unit = await newUnit(page.request);

    await page.goto('/admin/');
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '诉求办理', exact: true })
      .click();
    await page.getByRole('link', { name: '诉求类型设置' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '诉求类型' })).toBeVisible();
    await page.getByLabel('单位').selectOption(unit.id);
    await expect(page).toHaveURL(new RegExp(`unit=${unit.id}`));

    // Before: the unit uses the federation's mediation type.
    const inherited = page
      .getByTestId('case-type-row')
      .filter({ hasText: '劳动争议调解' })
      .filter({ hasText: '沿用自 滨江市总工会' });
    await expect(inherited).toContainText('生效中');
    await inherited.getByRole('button', { name: '为本单位定制' }).click();

    const editor = page.getByRole('region', { name: '为本单位定制 MEDIATION' });
    await expect(editor.getByLabel('类型代码')).toHaveValue('MEDIATION');
    await editor.getByRole('button', { name: '添加阶段' }).click();
    const stage = editor.getByRole('group', { name: '阶段 4', exact: true });
    await stage.getByLabel('阶段名称（中文）').fill('履行复核');
    await stage.getByLabel('阶段名称（英文）').fill('Compliance review');
    await stage.getByLabel('阶段代码').fill('Review 1');
    await expect(stage.getByLabel('时限')).toHaveValue('working_days');
    await stage.getByLabel('天数').fill('5');
    await editor.getByRole('button', { name: '保存类型' }).click();

    // A bad stage code is named at its field, in the user's language, and nothing is saved.
    const key = stage.getByLabel('阶段代码');
    await expect(key).toHaveAttribute('aria-invalid', 'true');
    await expect(key).toBeFocused();
    await expect(stage.getByText('阶段代码须以小写字母开头')).toBeVisible();
    await shoot(page, 'case-types-bad-input-desktop-zh-CN');
    await expectNoAxeViolations(page);

    await key.fill('compliance_review');
    await editor.getByRole('button', { name: '保存类型' }).click();
    await expect(page.getByText('已保存“劳动争议调解”。')).toBeVisible();

    // After: the unit's own type is the one in effect, with the new stage before closing.
    const own = page
      .getByTestId('case-type-row')
      .filter({ hasText: '劳动争议调解' })
      .filter({ hasText: '本单位的类型' });
    await expect(own).toContainText('生效中');
    await expect(own.getByRole('listitem')).toHaveText([
      '受理 3 个工作日',
      '调解 15 个自然日',
      '回访履行 30 个自然日',
      '履行复核 5 个工作日',
      '办结 办结类，不设时限',
    ]);
    await expect(inherited).toContainText('未生效');
    await expect(inherited.getByRole('button', { name: '为本单位定制' })).toHaveCount(0);
    await shoot(page, 'case-types-desktop-zh-CN');
    await expectNoAxeViolations(page);

    // Someone else saves the type while the admin edits it: the save is refused with the
    // API's message, and the admin loads their version and saves over it.
    await own.getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('region', { name: '编辑诉求类型 MEDIATION' });
    const entries = (await query(page.request, 'officer.caseTypes.list', {
      orgUnitId: unit.id,
    })) as { code: string; inherited: boolean; version: number; [field: string]: unknown }[];
    const mine = entries.find((entry) => entry.code === 'MEDIATION' && !entry.inherited);
    if (!mine) throw new Error('the unit has no mediation type of its own');
    await call(page.request, 'officer.caseTypes.save', {
      orgUnitId: unit.id,
      definition: {
        code: mine.code,
        name: '劳动争议调解（同事改过）',
        nameEn: mine.nameEn,
        kinds: mine.kinds,
        stages: mine.stages,
      },
      expectedVersion: mine.version,
    });
    await edit.getByLabel('类型名称（中文）').fill('劳动争议调解（本校）');
    await edit.getByRole('button', { name: '保存类型' }).click();
    await expect(edit.getByRole('alert')).toContainText('该记录已被他人修改，请刷新后重试。');
    await edit.getByRole('button', { name: '载入最新版本' }).click();
    await expect(edit.getByLabel('类型名称（中文）')).toHaveValue('劳动争议调解（同事改过）');
    await expect(edit.getByRole('group', { name: '阶段 4', exact: true })).toBeVisible();
    await edit.getByRole('button', { name: '保存类型' }).click();
    await expect(page.getByText('已保存“劳动争议调解（同事改过）”。')).toBeVisible();
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en' });

  test('a new type for a kind the unit already covers is refused at the kinds', async ({
    page,
  }) => {
    const unit = await newUnit(page.request);
    const entries = (await query(page.request, 'officer.caseTypes.list', {
      orgUnitId: unit.id,
    })) as { code: string; [field: string]: unknown }[];
    const mediation = entries.find((entry) => entry.code === 'MEDIATION');
    if (!mediation) throw new Error('the federation has no mediation type');
    // The unit's own mediation type, written as another admin would.
    await call(page.request, 'officer.caseTypes.save', {
      orgUnitId: unit.id,
      definition: {
        code: 'MEDIATION',
        name: mediation.name,
        nameEn: mediation.nameEn,
        kinds: mediation.kinds,
        stages: mediation.stages,
      },
    });

    await page.goto(`/admin/cases/types?unit=${unit.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Case types' })).toBeVisible();
    await page.getByRole('button', { name: 'New case type' }).click();
    const editor = page.getByRole('region', { name: 'New case type' });
    await editor.getByLabel('Type code').fill('QUICK_MEDIATION');
    await editor.getByLabel('Type name (Chinese)').fill('快速调解');
    await editor.getByLabel('Type name (English)').fill('Quick mediation');
    await editor.getByRole('button', { name: 'Save type' }).click();
    const kinds = editor.getByRole('group', { name: 'Kinds of case it is for' });
    await expect(kinds).toContainText('Choose at least one kind of case.');

    await kinds.getByLabel('Mediation').check();
    await editor.getByRole('button', { name: 'Save type' }).click();
    await expect(kinds).toContainText('Another active type of this unit is already used');
    await expectNoAxeViolations(page);

    // Saved inactive, it stands beside the unit's type without taking its place.
    await editor.getByLabel('Active (new cases use this type)').uncheck();
    await editor.getByRole('button', { name: 'Save type' }).click();
    await expect(page.getByText('Saved “Quick mediation”.')).toBeVisible();
    const quick = page.getByTestId('case-type-row').filter({ hasText: 'QUICK_MEDIATION' });
    await expect(quick).toContainText('Not in effect');
    await expect(quick).toContainText('Inactive');
  });
});

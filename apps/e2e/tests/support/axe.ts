import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The success criteria the apps promise: WCAG 2 levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa'];

/**
 * Runs axe on the page (or the part matching `include`) and fails with one line per
 * violation: its rule id, impact and the CSS selectors of the offending elements, so the
 * failure says what to fix without opening the trace.
 */
export async function expectNoAxeViolations(
  page: Page,
  { include }: { include?: string } = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const found = violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? 'unknown',
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  const report = found
    .map(({ id, impact, targets }) => `  ${id} (${impact}): ${targets.join(', ')}`)
    .join('\n');
  expect(found, `axe found ${found.length} WCAG 2 A/AA violation(s):\n${report}`).toEqual([]);
}

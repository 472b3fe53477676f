import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Opens the page and expects axe to find no WCAG 2.2 AA violation on it. */
export async function expectNoViolations(page: Page, path: string) {
	await page.goto(path);
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
	expect(
		violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) })),
		path
	).toEqual([]);
}

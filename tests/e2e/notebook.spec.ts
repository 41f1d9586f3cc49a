import { expect, test } from '@playwright/test';
import { cell, firstValue, settled, typeInto } from './helpers';

test.beforeEach(async ({ page }) => {
	page.on('pageerror', (error) => console.log('pageerror:', error.message));
});

test('the starter notebook runs on the bundled sample with no cell in error', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	const statuses = await page.locator('[data-testid="cell"]:not([data-cell-kind="markdown"])').evaluateAll((cells) =>
		cells.map((c) => `${(c as HTMLElement).dataset.cellName}:${(c as HTMLElement).dataset.status}`)
	);
	expect(statuses.length).toBeGreaterThanOrEqual(6);
	for (const s of statuses) expect(s).toMatch(/:done$/);
	await expect(cell(page, 'daily').getByTestId('result-table')).toHaveAttribute('data-rows', /^[1-9]\d*$/);
	await expect(cell(page, 'daily_revenue_chart').locator('svg').first()).toBeVisible();
	await expect(page.getByTestId('catalog-table').filter({ hasText: 'events' }).first()).toBeVisible();
});

test('editing an upstream SQL cell re-runs its dependants and their output changes', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	const summary = cell(page, 'buyer_summary');
	const before = await firstValue(summary, 0);
	const unrelated = cell(page, 'event_mix');
	const unrelatedVersion = await unrelated.getByTestId('cell-status').textContent();

	await typeInto(
		cell(page, 'buyers'),
		`SELECT user_id, count(*) AS purchases, count(DISTINCT user_session) AS orders, round(sum(price), 2) AS spend, max(event_time) AS last_purchase FROM events WHERE event_type = 'purchase' AND hash(user_id) % 2 = 0 GROUP BY user_id`
	);
	await expect(cell(page, 'buyers').getByTestId('cell-status')).toContainText('edited');
	await cell(page, 'buyers').locator('.cm-content').press('Shift+Enter');
	await settled(page);
	await expect(cell(page, 'buyers')).toHaveAttribute('data-status', 'done');
	await expect(summary).toHaveAttribute('data-status', 'done');
	const after = await firstValue(summary, 0);
	expect(Number(after.replaceAll(',', ''))).toBeLessThan(Number(before.replaceAll(',', '')));
	// A cell that does not read `buyers` was not re-run.
	await expect(unrelated.getByTestId('cell-status')).toHaveText(unrelatedVersion ?? '');
});

test('a cycle shows an error on every cell involved and the rest keeps working', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	for (const [name, reads] of [
		['loop_a', 'loop_b'],
		['loop_b', 'loop_a']
	]) {
		await page.getByTestId('add-sql').click();
		const added = page.locator('[data-testid="cell"]').last();
		await added.getByLabel('cell name').fill(name);
		await added.getByLabel('cell name').press('Enter');
		await typeInto(cell(page, name), `SELECT * FROM ${reads}`);
	}
	await cell(page, 'loop_b').locator('.cm-content').press('Shift+Enter');
	await settled(page);
	for (const name of ['loop_a', 'loop_b']) {
		await expect(cell(page, name)).toHaveAttribute('data-status', 'error');
		await expect(cell(page, name).getByTestId('cell-error')).toContainText('circular definition');
	}
	await expect(cell(page, 'daily')).toHaveAttribute('data-status', 'done');
});

test('reload restores the notebook text and shows saved tables without re-running', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	await typeInto(cell(page, 'top_brands'), `SELECT coalesce(brand, '(no brand)') AS brand, count(*) AS purchases, round(sum(price), 2) AS revenue FROM events WHERE event_type = 'purchase' GROUP BY ALL ORDER BY revenue DESC LIMIT 1`);
	await cell(page, 'top_brands').locator('.cm-content').press('Shift+Enter');
	await settled(page);
	await expect(cell(page, 'top_brands').getByTestId('result-table')).toHaveAttribute('data-rows', '1');

	await page.reload();
	await expect(cell(page, 'top_brands').locator('.cm-content')).toContainText('LIMIT 1');
	await settled(page);
	// The catalog lists the persisted tables, and results come from them, not from a re-run.
	await expect(page.getByTestId('catalog-table').filter({ hasText: 'top_brands' })).toBeVisible();
	await expect(cell(page, 'top_brands')).toContainText('from the saved result');
	await expect(cell(page, 'top_brands').getByTestId('result-table')).toHaveAttribute('data-rows', '1');
});

test('a long query can be cancelled and the notebook keeps working', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	await page.getByTestId('add-sql').click();
	const slow = page.locator('[data-testid="cell"]').last();
	await typeInto(slow, 'SELECT count(*) FROM range(100000000000) a(i) WHERE hash(i) % 7 = 3');
	await slow.locator('.cm-content').press('Shift+Enter');
	await expect(slow).toHaveAttribute('data-status', 'running');
	await page.waitForTimeout(1000);
	await slow.getByTestId('cancel-cell').click();
	await expect(slow).toHaveAttribute('data-status', 'error', { timeout: 20_000 });
	await expect(slow.getByTestId('cell-error')).toContainText('cancelled');

	await cell(page, 'event_mix').getByTestId('run-cell').click();
	await settled(page);
	await expect(cell(page, 'event_mix')).toHaveAttribute('data-status', 'done');
	await expect(cell(page, 'event_mix').getByTestId('result-table')).toHaveAttribute('data-rows', '3');
});

test('markdown from the document is rendered as text, never as HTML', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\n\n[click](javascript:alert(1)) **bold**`;
	await page.getByRole('button', { name: '+ Markdown' }).click();
	const md = page.locator('[data-testid="cell"][data-cell-kind="markdown"]').last();
	await md.getByRole('button', { name: 'Edit' }).click();
	await typeInto(md, hostile);
	await md.getByRole('button', { name: 'Done' }).click();
	await expect(md.locator('strong')).toHaveText('bold');
	await expect(md).toContainText('<img src=x');
	expect(await md.locator('img, script').count()).toBe(0);
	expect(await md.locator('a[href^="javascript"]').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

// From insight to action in the page: the summary's figures are the cells' current values,
// picking an item in the search box re-runs "also bought" and its chart, and an audience
// exports as a CSV of its user ids. Starts from the prepared profile (fixtures.ts), where the
// default notebook already ran once on the sample.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { cell, firstValue, settled } from './helpers';

test.beforeEach(async ({ page }) => {
	page.on('pageerror', (error) => console.log('pageerror:', error.message));
});

test('the summary shows linked current figures, picking a product updates also_bought and its chart, and an audience exports its user ids as CSV', async ({ page }) => {
	await page.goto('/');
	await settled(page);

	// The summary's at-risk value is rfm_at_risk's at_risk_value (its 5th column), linked to the cell.
	const atRisk = page.locator('[data-testid="md-value"][data-ref="rfm_at_risk.at_risk_value"]');
	await expect(atRisk).toHaveAttribute('data-state', 'value');
	await expect(atRisk).toHaveAttribute('href', '#cell-rfm_at_risk');
	expect(await atRisk.textContent()).toBe(await firstValue(cell(page, 'rfm_at_risk'), 4));

	// Also bought: by default the most bought product; then pick another by typing part of its id.
	const also = cell(page, 'also_bought');
	const chart = cell(page, 'also_bought_chart');
	await also.scrollIntoViewIfNeeded();
	const defaultItem = await firstValue(also, 2);
	await chart.scrollIntoViewIfNeeded();
	const chartBefore = await chart.locator('svg').first().innerHTML();
	const box = cell(page, 'also_bought_item').locator('[data-variable="also_bought_item"]');
	await box.scrollIntoViewIfNeeded();
	await box.fill('1048386');
	const choice = cell(page, 'also_bought_item').getByRole('option').first();
	await expect(choice).toContainText('product 1048386');
	await choice.click();
	await settled(page);
	await expect(cell(page, 'also_bought_item').getByTestId('search-chosen')).toContainText('product 1048386');
	await expect(also).toHaveAttribute('data-status', 'done');
	expect(defaultItem).not.toBe('1048386');
	await expect.poll(() => firstValue(also, 2)).toBe('1048386');
	expect(await firstValue(also, 0)).toBe('product');
	// Its partner bought by the most of its buyers (7 customers) is on the redrawn chart.
	await chart.scrollIntoViewIfNeeded();
	await expect(chart.locator('svg').first()).toContainText('1193199');
	expect(await chart.locator('svg').first().innerHTML()).not.toBe(chartBefore);

	// An audience's user ids, exported from its table as a CSV.
	const audience = cell(page, 'audience');
	await audience.scrollIntoViewIfNeeded();
	await audience.locator('select[data-variable="audience"]').selectOption('Champions');
	await settled(page);
	const users = cell(page, 'audience_users');
	await users.scrollIntoViewIfNeeded();
	await expect(users).toHaveAttribute('data-status', 'done');
	const rows = Number(await users.getByTestId('result-table').getAttribute('data-rows'));
	expect(rows).toBeGreaterThan(0);
	const [download] = await Promise.all([page.waitForEvent('download'), users.getByTestId('export-csv').click()]);
	expect(download.suggestedFilename()).toBe('audience_users.csv');
	const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
	expect(lines[0].split(',')[0]).toBe('user_id');
	expect(lines).toHaveLength(rows + 1);
	const ids = lines.slice(1).map((l) => l.split(',')[0]);
	expect(ids.every((id) => /^\d+$/.test(id))).toBe(true);
	expect(ids[0]).toBe(await firstValue(users, 0));
	expect(new Set(ids).size).toBe(rows);
});

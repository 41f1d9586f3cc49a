// The sections that predict and decide, in the page, in one visit: the model trains in its own
// worker, the lab follows its inputs, the recommendations summary quotes current figures,
// picking an item in the search box re-runs "also bought" and its chart, and an audience
// exports as a CSV of its user ids. (Cancelling a training is tested with the other cancels, in
// notebook.spec.ts.) It starts from the prepared profile (fixtures.ts), where the default
// notebook already ran once on the sample.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { cell, firstValue, setInput, settled } from './helpers';

test.beforeEach(async ({ page }) => {
	page.on('pageerror', (error) => console.log('pageerror:', error.message));
});

const numberIn = async (name: string, page: import('@playwright/test').Page, column: number) =>
	Number((await firstValue(cell(page, name), column)).replaceAll(',', ''));

test('the model shows its metrics and charts, the lab re-plans when α or the minimum effect changes, the summary quotes linked current figures, a picked product updates also_bought and its chart, an audience exports its user ids as CSV, and a reload trains nothing', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	const model = cell(page, 'propensity');
	await model.scrollIntoViewIfNeeded();
	await expect(model.getByTestId('result-table')).toHaveAttribute('data-rows', '3');
	for (const chart of ['propensity_roc_chart', 'propensity_gains_chart', 'propensity_importance_chart', 'propensity_explain_chart']) {
		await cell(page, chart).scrollIntoViewIfNeeded();
		await expect(cell(page, chart).locator('svg').first()).toBeVisible();
	}

	await cell(page, 'lab_sample_size').scrollIntoViewIfNeeded();
	// Columns: baseline, target, alpha, power, n_per_group, days.
	const n = await numberIn('lab_sample_size', page, 4);
	const days = await numberIn('lab_sample_size', page, 5);
	expect(n).toBeGreaterThan(0);
	await setInput(page, 'lab_alpha', '0.01');
	await settled(page);
	await expect.poll(() => numberIn('lab_sample_size', page, 2)).toBe(0.01);
	const stricter = await numberIn('lab_sample_size', page, 4);
	expect(stricter).toBeGreaterThan(n);
	expect(await numberIn('lab_sample_size', page, 5)).toBeGreaterThanOrEqual(days);
	await setInput(page, 'lab_lift', '100');
	await settled(page);
	await expect.poll(() => numberIn('lab_sample_size', page, 4)).toBeLessThan(stricter);
	await expect(cell(page, 'lab_simulation')).toHaveAttribute('data-status', 'done');
	await expect(cell(page, 'lab_scenarios')).toHaveAttribute('data-status', 'done');

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

	// No trainer worker starts on a reload: the saved tables are current.
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	await page.reload();
	await settled(page);
	await expect(cell(page, 'propensity')).toContainText('from the saved result');
	await expect(cell(page, 'lab_sample_size')).toContainText('from the saved result');
	expect(workers.filter((url) => url.includes('train.worker'))).toEqual([]);
});

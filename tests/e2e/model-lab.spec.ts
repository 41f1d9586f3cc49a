// The propensity model and the experiment lab in the page: the model trains in its own worker,
// the lab follows its inputs. (Cancelling a training is tested with the other cancels, in
// notebook.spec.ts.) It starts from the prepared profile (fixtures.ts), where the default
// notebook already ran once on the sample.
import { expect, test } from './fixtures';
import { cell, firstValue, setInput, settled } from './helpers';

test.beforeEach(async ({ page }) => {
	page.on('pageerror', (error) => console.log('pageerror:', error.message));
});

const numberIn = async (name: string, page: import('@playwright/test').Page, column: number) =>
	Number((await firstValue(cell(page, name), column)).replaceAll(',', ''));

test('the model section shows its metrics and charts, the lab re-plans at once when α or the minimum effect changes, and a reload trains nothing', async ({ page }) => {
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

	// No trainer worker starts on a reload: the saved tables are current.
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	await page.reload();
	await settled(page);
	await expect(cell(page, 'propensity')).toContainText('from the saved result');
	await expect(cell(page, 'lab_sample_size')).toContainText('from the saved result');
	expect(workers.filter((url) => url.includes('train.worker'))).toEqual([]);
});

// The propensity model and the experiment lab in the page: the model trains in its own worker,
// the lab follows its inputs. Each test starts from the prepared profile (fixtures.ts), where
// the default notebook already ran once on the sample.
import { expect, test } from './fixtures';
import { cell, firstValue, settled } from './helpers';

test.beforeEach(async ({ page }) => {
	page.on('pageerror', (error) => console.log('pageerror:', error.message));
});

const numberIn = async (name: string, page: import('@playwright/test').Page, column: number) =>
	Number((await firstValue(cell(page, name), column)).replaceAll(',', ''));

async function setInput(page: import('@playwright/test').Page, name: string, value: string) {
	const input = cell(page, name).locator(`[data-variable="${name}"]`);
	await input.fill(value);
	await input.press('Enter');
}

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

test('a cancel during training, or a trainer that crashes, leaves the notebook usable', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	// Hold the trainer's script: the training stays in progress until cancelled.
	await page.route('**/train.worker-*.js', () => {});
	await setInput(page, 'model_train_cut', '2019-10-20');
	const model = cell(page, 'propensity');
	await expect(model).toHaveAttribute('data-status', 'running');
	await expect(model.getByTestId('cell-progress')).toBeVisible();
	await model.getByTestId('cancel-cell').click();
	await expect(model).toHaveAttribute('data-status', 'error');
	await expect(model.getByTestId('cell-error')).toContainText('cancelled');

	// A worker whose script fails: the cell says the trainer stopped.
	await page.unroute('**/train.worker-*.js');
	await page.route('**/train.worker-*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("out of memory")' }));
	await model.getByTestId('run-cell').click();
	await expect(model).toHaveAttribute('data-status', 'error');
	await expect(model.getByTestId('cell-error')).toContainText('The model trainer stopped');

	// Everything else still runs, and the model trains once the worker loads.
	await page.unroute('**/train.worker-*.js');
	await cell(page, 'overview_kpis').getByTestId('run-cell').click();
	await model.getByTestId('run-cell').click();
	await settled(page);
	await expect(model).toHaveAttribute('data-status', 'done');
	await expect(cell(page, 'overview_kpis')).toHaveAttribute('data-status', 'done');
	await expect(cell(page, 'lab_sample_size')).toHaveAttribute('data-status', 'done');
});

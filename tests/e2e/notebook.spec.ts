import { readFileSync } from 'node:fs';
import { STARTER_NOTEBOOK } from '../../src/lib/app/starter-notebook';
import { readShareFragment } from '../../src/lib/notebook/share-link';
import { readNotebook } from '../../src/lib/runtime';
import { exportSql } from '../../src/lib/runtime/export-sql';
import { notebookSections } from '../../src/lib/markdown/notebook-sections';
import { expect, test } from './fixtures';
import { addSqlCell, cell, firstValue, holdEngine, setInput, settled, typeInto } from './helpers';
import { checkDarkPage, checkKeyboard, checkReportAndPrint } from './comfort-checks';

test.beforeEach(async ({ page }) => {
	page.on('pageerror', (error) => console.log('pageerror:', error.message));
});

test('changing an input re-runs exactly the cells that read it, and a section\'s run button runs that section', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	const byCategory = cell(page, 'funnel_by_category').getByTestId('result-table');
	const unrelated = cell(page, 'overview_kpis').getByTestId('cell-status');
	const unrelatedBefore = await unrelated.textContent();
	await expect(byCategory).toHaveAttribute('data-rows', '10');
	const topN = cell(page, 'funnel_top_n').locator('input[data-variable="funnel_top_n"]');
	await topN.fill('3');
	await topN.press('Enter');
	await settled(page);
	await expect(byCategory).toHaveAttribute('data-rows', '3');
	await expect(cell(page, 'funnel_category_rates')).toHaveAttribute('data-status', 'done');
	await expect(unrelated).toHaveText(unrelatedBefore ?? '');
	// The value is part of the notebook text: it survives a reload.
	await page.reload();
	await settled(page);
	await expect(byCategory).toHaveAttribute('data-rows', '3');

	// A section's ▶ in the contents runs that section's cells (and what reads them), not the others.
	const { cells: parsed } = readNotebook(await page.evaluate(() => window.cin.text()));
	const sectionCells = (id: string) =>
		notebookSections(parsed)
			.find((s) => s.id === id)!
			.cells.map((cellId) => parsed.find((c) => c.id === cellId)!)
			.filter((c) => c.kind !== 'markdown')
			.map((c) => c.name);
	const ranNow = async () => (await page.evaluate(() => window.cin.cells(0))).filter((c) => typeof c.ms === 'number').map((c) => c.name);
	expect(await ranNow()).toEqual([]);
	await page.getByRole('button', { name: 'Run section 6. RFM segmentation' }).click();
	await settled(page);
	const ran = await ranNow();
	expect(sectionCells('6-rfm-segmentation').length).toBeGreaterThan(3);
	expect(ran).toEqual(expect.arrayContaining(sectionCells('6-rfm-segmentation')));
	expect(ran.filter((name) => sectionCells('2-executive-overview').includes(name))).toEqual([]);
});

test('editing an upstream SQL cell re-runs its dependants and their output changes', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	const unrelated = cell(page, 'overview_kpis').getByTestId('cell-status');
	const unrelatedBefore = await unrelated.textContent();
	await typeInto(cell(page, 'overview_daily'), `SELECT day, revenue, revenue_dedup, users AS dau FROM daily WHERE day < DATE '2019-10-11' ORDER BY day`);
	await expect(cell(page, 'overview_daily').getByTestId('cell-status')).toContainText('edited');
	await cell(page, 'overview_daily').locator('.cm-content').press('Shift+Enter');
	await settled(page);
	await expect(cell(page, 'overview_daily').getByTestId('result-table')).toHaveAttribute('data-rows', '10');
	await expect(cell(page, 'overview_revenue_chart')).toHaveAttribute('data-status', 'done');
	await expect(cell(page, 'overview_dau_chart')).toHaveAttribute('data-status', 'done');
	// A cell that does not read overview_daily was not re-run.
	await expect(unrelated).toHaveText(unrelatedBefore ?? '');

	// Its header's Table button keeps it as a view instead: the same rows, the cell rebuilt and
	// its charts still drawn, the flag in the notebook text; and back.
	const storage = cell(page, 'overview_daily').getByTestId('toggle-view');
	const kept = async () => (await page.evaluate(() => window.cin.query(`SELECT table_type FROM information_schema.tables WHERE table_schema = 'nb' AND table_name = 'overview_daily'`))).rows;
	await expect(storage).toHaveText('Table');
	await storage.click();
	await settled(page);
	await expect(storage).toHaveAttribute('aria-pressed', 'true');
	expect(await kept()).toEqual([['VIEW']]);
	await expect(cell(page, 'overview_daily').getByTestId('result-table')).toHaveAttribute('data-rows', '10');
	await expect(cell(page, 'overview_revenue_chart')).toHaveAttribute('data-status', 'done');
	expect(await page.evaluate(() => window.cin.text())).toContain('```sql name=overview_daily view\n');
	await storage.click();
	await settled(page);
	expect(await kept()).toEqual([['BASE TABLE']]);
	await expect(unrelated).toHaveText(unrelatedBefore ?? '');

	// "Copy link" puts the edited notebook, whole, in the link's fragment.
	await page.getByTestId('copy-link').click();
	const link = new URL(await page.getByTestId('share-link').inputValue());
	expect(link.origin + link.pathname).toBe(new URL(page.url()).origin + '/');
	const shared = await readShareFragment(link.hash);
	expect(shared.ok && shared.text.includes(`users AS dau FROM daily WHERE day < DATE '2019-10-11'`)).toBe(true);
	const sqlCells = (await page.evaluate(() => window.cin.cells(0))).filter((c) => c.kind === 'sql').length;
	expect(shared.ok && shared.text.match(/^```sql\b/gm)?.length).toBe(sqlCells);
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
	await expect(cell(page, 'overview_daily')).toHaveAttribute('data-status', 'done');
});

test('reload restores the notebook text and shows saved tables without re-running; history and a second notebook survive too', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	await addSqlCell(page, 'my_top_brand', `SELECT brand, revenue FROM products WHERE brand IS NOT NULL ORDER BY revenue DESC LIMIT 1`);
	// The result first, then settled: right after the key press the page may not be busy yet,
	// and a reload before the deferred checkpoint loses the table (it is re-run, by design).
	await expect(cell(page, 'my_top_brand').getByTestId('result-table')).toHaveAttribute('data-rows', '1');
	await settled(page);

	await page.reload();
	await expect(cell(page, 'my_top_brand').locator('.cm-content')).toContainText('LIMIT 1');
	await settled(page);
	// The catalog lists the persisted tables, and results come from them, not from a re-run.
	await expect(page.getByTestId('catalog-table').filter({ hasText: 'my_top_brand' })).toBeVisible();
	await expect(cell(page, 'my_top_brand')).toContainText('from the saved result');
	await expect(cell(page, 'my_top_brand').getByTestId('result-table')).toHaveAttribute('data-rows', '1');

	// A second notebook made in the list is the one a reload opens, with its own text.
	await page.getByTestId('notebook-new').click();
	await page.getByTestId('notebook-new-blank').click();
	await expect(page.locator('[data-testid="notebook-item"][data-open="true"]')).toContainText('Untitled notebook');
	await expect(cell(page, 'my_top_brand')).toHaveCount(0);
	const seven = await addSqlCell(page, 'second_notebook', 'SELECT 7 AS seven');
	await expect(seven.getByTestId('result-table')).toHaveAttribute('data-rows', '1');
	await page.reload();
	await expect(cell(page, 'second_notebook').locator('.cm-content')).toContainText('SELECT 7');
	await expect(cell(page, 'my_top_brand')).toHaveCount(0);
	await expect(page.getByTestId('notebook-item')).toHaveCount(2);
	await settled(page);
	// Switching back shows the first notebook's own results, from its saved table.
	await page.getByTestId('notebook-item').filter({ hasText: 'Customer Intelligence' }).getByTestId('notebook-open').click();
	await expect(cell(page, 'my_top_brand').getByTestId('result-table')).toHaveAttribute('data-rows', '1');
	await expect(cell(page, 'my_top_brand')).toContainText('from the saved result');
	await expect(cell(page, 'second_notebook')).toHaveCount(0);

	// Version history: the notebook as the profile left it (before my_top_brand) comes back.
	await page.getByTestId('notebook-history').click();
	await page.locator('[data-testid="version"][data-seq="1"]').getByTestId('version-restore').click();
	await expect(page.getByTestId('notice')).toContainText('Restored the version of');
	await expect(cell(page, 'my_top_brand')).toHaveCount(0);
	await expect(cell(page, 'overview_kpis')).toBeVisible();
	await expect(page.getByTestId('version').first()).toContainText('restored the version of');
});

test('a chart far down the page is drawn when scrolled to, markdown is rendered as text, never as HTML, Export as DuckDB SQL writes the script, the keyboard shortcuts work, a dark page reads, the chart builder writes the spec, a chart exports as SVG and PNG, and the report view and print show no code', async ({ page }, testInfo) => {
	await page.goto('/');
	await settled(page);
	// The header's export is the script `npm run notebook -- export-sql` writes (its SQL runs on
	// native DuckDB in tests/unit/runtime/export-sql.test.ts).
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-sql').click()]);
	expect(download.suggestedFilename()).toBe('customer-intelligence.sql');
	expect(readFileSync((await download.path())!, 'utf8')).toBe(exportSql(readNotebook(STARTER_NOTEBOOK)).text);

	const far = cell(page, 'cohort_curve_chart');
	await expect(far).toHaveAttribute('data-status', 'done');
	expect(await far.locator('svg').count()).toBe(0);
	await far.scrollIntoViewIfNeeded();
	await expect(far.locator('svg').first()).toBeVisible();

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

	// The comforts (comfort-checks.ts), in this same visit.
	// The dark page first: its chart run then waits behind no checkpoint of the keyboard's rebuild.
	await checkDarkPage(page, testInfo);
	await checkKeyboard(page);
	await checkReportAndPrint(page);
});

// These tests stand in for the site's own files with routes (a held trainer script, held engine
// wasm). The app's service worker would answer those requests from its cache, past the routes:
// they run as a returning user whose browser has no service worker (fixtures.ts).
test.describe('with the service worker blocked', () => {
	test.use({ serviceWorkers: 'block' });

	test('a long query and a model training can be cancelled, a crashed trainer is reported, and the notebook keeps working', async ({ page }) => {
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

		await cell(page, 'overview_kpis').getByTestId('run-cell').click();
		await settled(page);
		await expect(cell(page, 'overview_kpis')).toHaveAttribute('data-status', 'done');
		await expect(cell(page, 'overview_kpis').getByTestId('result-table')).toHaveAttribute('data-rows', '1');

		// The model trains in a worker: a cancel terminates it.
		// Hold the trainer's script: the training stays in progress until cancelled.
		await page.route('**/train.worker-*.js', () => {});
		await setInput(page, 'model_train_end', '2019-11-08');
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

		// Everything else still runs, and the model trains once the worker loads (20 trees, not
		// 200: a training is what this shows, not the model).
		await page.unroute('**/train.worker-*.js');
		const spec = await page.evaluate(() => window.cin.source('propensity'));
		expect(spec).toContain('"trees": 200');
		await page.evaluate((text) => window.cin.edit('propensity', text), spec.replace('"trees": 200', '"trees": 20'));
		await cell(page, 'overview_kpis').getByTestId('run-cell').click();
		await model.getByTestId('run-cell').click();
		await settled(page);
		await expect(model).toHaveAttribute('data-status', 'done');
		await expect(cell(page, 'overview_kpis')).toHaveAttribute('data-status', 'done');
		await expect(cell(page, 'lab_sample_size')).toHaveAttribute('data-status', 'done');
	});

	test('a reload shows the saved results before the engine has started, and runs no cell again', async ({ page }) => {
		await page.goto('/');
		await settled(page);
		const kpis = await firstValue(cell(page, 'overview_kpis'));
		const statuses = () =>
			page.locator('[data-testid="cell"]:not([data-cell-kind="markdown"]) [data-testid="cell-status"]').evaluateAll((els) => els.map((e) => e.textContent?.trim()));
		const count = (await statuses()).length;

		const release = await holdEngine(page);
		await page.reload();
		await expect(page.getByTestId('engine-status')).toHaveAttribute('data-phase', 'loading');
		await expect(cell(page, 'overview_kpis')).toContainText('from the saved result');
		expect(await firstValue(cell(page, 'overview_kpis'))).toBe(kpis);
		await cell(page, 'overview_revenue_chart').scrollIntoViewIfNeeded();
		await expect(cell(page, 'overview_revenue_chart').locator('svg').first()).toBeVisible();
		expect(await statuses()).toEqual(Array(count).fill('saved'));
		await expect(page.getByTestId('engine-status')).toHaveAttribute('data-phase', 'loading');
		release();

		await settled(page);
		// The database confirmed every saved table: nothing was queued or run again.
		expect(await statuses()).toEqual(Array(count).fill('saved'));
		expect(await firstValue(cell(page, 'overview_kpis'))).toBe(kpis);
	});
});

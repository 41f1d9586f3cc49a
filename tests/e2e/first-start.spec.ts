import { expect, test } from './fixtures';
import { cell, settled } from './helpers';

// The first start, from an empty profile: the one visit that fetches the engine and the bundled
// sample over the network, ingests the sample into OPFS and runs the default notebook. Every
// other test starts from a copy of a profile where that has already happened (fixtures.ts).
// One visit checks what only a first start can show, then reloads it: a first start costs a
// whole ingest and notebook run, so it is done once.
test.use({ profile: 'empty' });

test.beforeEach(async ({ page }) => {
	page.on('pageerror', (error) => console.log('pageerror:', error.message));
});

test('a first start runs every cell on the bundled sample with no request outside the origin, and the reload starts the engine from cached code', async ({ page, context, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	const requests: string[] = [];
	context.on('request', (request) => requests.push(request.url()));
	page.on('worker', (worker) => requests.push(worker.url()));

	await page.goto('/');
	await settled(page);
	const statuses = await page.locator('[data-testid="cell"]:not([data-cell-kind="markdown"])').evaluateAll((cells) =>
		cells.map((c) => `${(c as HTMLElement).dataset.cellName}:${(c as HTMLElement).dataset.status}`)
	);
	expect(statuses.length).toBeGreaterThanOrEqual(40);
	expect(statuses.filter((s) => !s.endsWith(':done'))).toEqual([]);
	// The static shell painted before any script is gone once the app has mounted.
	await expect(page.locator('#cin-shell')).toHaveCount(0);
	await expect(cell(page, 'overview_daily').getByTestId('result-table')).toHaveAttribute('data-rows', /^[1-9]\d*$/);
	await cell(page, 'overview_revenue_chart').scrollIntoViewIfNeeded();
	await expect(cell(page, 'overview_revenue_chart').locator('svg').first()).toBeVisible();
	await expect(cell(page, 'rfm_segments').getByTestId('result-table')).toHaveAttribute('data-rows', /^[1-9]\d*$/);
	await expect(page.getByTestId('catalog-table').filter({ hasText: 'events' }).first()).toBeVisible();
	// The contents list every section.
	await expect(page.getByRole('navigation', { name: 'Contents' }).getByRole('link')).toContainText(['1. Data optimisation', '8. Market basket', '9. Propensity model', '10. Experiment lab']);

	// Everything the first start fetched (the engine, the sample, the trainer's worker) came from the app.
	expect(requests.length).toBeGreaterThan(5);
	expect(requests.some((url) => url.includes('train.worker'))).toBe(true);
	const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
	expect(foreign).toEqual([]);

	// Chrome keeps a wasm module's compiled code beside its HTTP cache entry only when the module
	// is compiled straight from the fetch Response (engine-worker.ts); then a reload deserialises
	// DuckDB's code instead of compiling 34 MB afresh. V8 hands the code to the cache a moment
	// after the hot functions were optimised.
	await page.waitForTimeout(8_000);
	const cdp = await context.newCDPSession(page);
	const names = new Set<string>();
	cdp.on('Tracing.dataCollected', (e) => e.value.forEach((event) => names.add(String(event.name))));
	const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
	await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['v8.wasm'] } });
	await page.reload();
	await settled(page);
	await cdp.send('Tracing.end');
	await complete;
	expect(names.has('wasm.Deserialize'), 'the engine was compiled from the code cache').toBe(true);
});

// Faults a long session meets: the engine's worker dying mid-query (with the network cut), the
// tab closing mid-training or mid-ingest, the site's storage quota running out during an ingest,
// and the browser evicting a dataset's files. In each, the affected cell or ingest says what happened, and every other
// cell, every edit and every other dataset survives. Two visits: the notebook's faults on the
// default notebook, the storage faults on a one-cell notebook (each ingest re-runs the notebook).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { MODEL_TABLE_SUFFIXES } from '../../src/lib/runtime/kinds/model/model-spec';
import { expect, test } from './fixtures';
import { cell, datasetStates, firstValue, opfsFiles, settled, typeInto, useSmallNotebook } from './helpers';

test.beforeEach(async ({ page }) => {
	page.on('pageerror', (error) => console.log('pageerror:', error.message));
});

/** The listed datasets as `id:state`, sorted (the list's own order follows when each was last opened). */
const states = async (page: Page) => (await datasetStates(page)).sort();
const query = (page: Page, sql: string) => page.evaluate(async (s) => (await window.cin.query(s)).rows, sql);

/**
 * Raises an uncaught error in DuckDB-WASM's own worker, the real one, while it works: what the
 * page sees when that worker dies (a failed allocation or a trap outside a request it answers).
 */
async function crashEngineWorker(page: Page): Promise<void> {
	const engine = page.workers().filter((w) => w.url().startsWith('blob:')).at(-1);
	if (!engine) throw new Error('no engine worker');
	await engine.evaluate(() => void setTimeout(() => {
		throw new Error('injected crash');
	}));
}

test.describe('with the service worker blocked', () => {
	// The training's worker script is replaced by a route; the app's service worker would answer
	// it from its cache, past the route (fixtures.ts).
	test.use({ serviceWorkers: 'block' });

	test('the engine worker dying mid-query and the tab closing mid-training lose no cell and no edit', async ({ page, context }) => {
		test.setTimeout(300_000);
		await page.goto('/');
		await settled(page);
		const kpis = await firstValue(cell(page, 'overview_kpis'));
		const events = await query(page, 'SELECT count(*)::INTEGER FROM events');
		// funnel_by_category reads the input $funnel_top_n (10), a variable of the engine's session.
		await expect(cell(page, 'funnel_by_category').getByTestId('result-table')).toHaveAttribute('data-rows', '10');
		// An edit not run yet.
		const daily = cell(page, 'overview_daily').locator('.cm-content');
		await daily.click();
		await daily.press('Control+End');
		await daily.pressSequentially(' -- kept', { delay: 0 });
		await expect(cell(page, 'overview_daily').getByTestId('cell-status')).toContainText('edited');

		// 1. With the network cut, the engine's worker dies while a cell's query runs. (The app
		// needs nothing from the network once the page is loaded: the engine restarts from the
		// browser's cache.)
		await context.setOffline(true);
		await page.getByTestId('add-sql').click();
		const slow = page.locator('[data-testid="cell"]').last();
		await typeInto(slow, 'SELECT count(*) FROM range(100000000000) a(i) WHERE hash(i) % 7 = 3');
		await slow.locator('.cm-content').press('Shift+Enter');
		await expect(slow).toHaveAttribute('data-status', 'running');
		await crashEngineWorker(page);
		await expect(slow).toHaveAttribute('data-status', 'error');
		await expect(slow.getByTestId('cell-error')).toContainText('the SQL engine crashed (Uncaught Error: injected crash); it was restarted, run the cell again');
		await settled(page);
		// The engine reopened the OPFS database (not an empty one in memory) with its event partitions.
		expect(await page.evaluate(() => window.cin.engine().persistent)).toBe(true);
		expect(await query(page, 'SELECT count(*)::INTEGER FROM events')).toEqual(events);
		// Every other output and the edit are as they were; a re-run works, and reads the input's value again.
		expect(await firstValue(cell(page, 'overview_kpis'))).toBe(kpis);
		await expect(daily).toContainText('ORDER BY day -- kept');
		await expect(cell(page, 'overview_daily').getByTestId('cell-status')).toContainText('edited');
		await cell(page, 'funnel_by_category').getByTestId('run-cell').click();
		await settled(page);
		await expect(cell(page, 'funnel_by_category')).toHaveAttribute('data-status', 'done');
		await expect(cell(page, 'funnel_by_category').getByTestId('result-table')).toHaveAttribute('data-rows', '10');

		await context.setOffline(false);
		// The user deletes the cell that never ends (kept, it would run again when the tab reopens).
		const count = await page.getByTestId('cell').count();
		await slow.getByTestId('delete-cell').click();
		await expect(page.getByTestId('cell')).toHaveCount(count - 1);

		// 2. The tab closes while the model trains (its worker's script is held: the training
		// cannot finish first). A new seed and fewer trees make a new model (quicker to train again);
		// the spec is saved with the edit, as the editor saves it.
		const [[treesBefore]] = await query(page, `SELECT max(tree)::INTEGER FROM propensity_history`);
		await page.route('**/train.worker-*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'self.onmessage = () => {};' }));
		const spec = await page.evaluate(() => window.cin.source('propensity'));
		const edited = spec.replace('"seed": 42', '"seed": 7').replace('"trees": 200', '"trees": 20');
		expect(edited).toContain('"trees": 20');
		await page.evaluate((text) => window.cin.edit('propensity', text), edited);
		await cell(page, 'propensity').getByTestId('run-cell').click();
		await expect(cell(page, 'propensity')).toHaveAttribute('data-status', 'running');
		await expect(cell(page, 'propensity').getByTestId('cell-progress')).toBeVisible();
		await page.close();

		const reopened = await context.newPage();
		await reopened.goto('/');
		// Nothing of the interrupted training is shown as a result: the model trains again.
		await expect(cell(reopened, 'propensity')).toHaveAttribute('data-status', /queued|running/);
		await settled(reopened);
		const model = cell(reopened, 'propensity');
		await expect(model).toHaveAttribute('data-status', 'done');
		await expect(model).not.toContainText('from the saved result');
		// Every table of the model comes from that one training, of the spec the notebook holds.
		const tables = ['propensity', ...MODEL_TABLE_SUFFIXES.map((s) => `propensity${s}`)];
		const fingerprints = await query(reopened, `SELECT DISTINCT fingerprint FROM nb._cells WHERE name IN (${tables.map((t) => `'${t}'`).join(', ')})`);
		expect(fingerprints).toHaveLength(1);
		expect(await reopened.evaluate(() => window.cin.source('propensity'))).toBe(edited);
		const [[trees]] = await query(reopened, `SELECT max(tree)::INTEGER FROM propensity_history`);
		expect(trees).toBeLessThanOrEqual(20);
		expect(treesBefore).toBeGreaterThan(20);
		// The edits and the other cells outlived the crash and the closed tab.
		await expect(cell(reopened, 'overview_daily').locator('.cm-content')).toContainText('ORDER BY day -- kept');
		await expect(cell(reopened, 'funnel_by_category').getByTestId('result-table')).toHaveAttribute('data-rows', '10');
		expect(await firstValue(cell(reopened, 'overview_kpis'))).toBe(kpis);
	});
});

const SAMPLE = path.resolve('sample-data', '2019-Oct.csv.gz');
/** The first 3,000 events of the sample: a dataset that ingests in seconds. */
const SMALL = Buffer.from(gunzipSync(readFileSync(SAMPLE)).toString().split('\n').slice(0, 3001).join('\n') + '\n');

test('a full storage quota during an ingest, a tab closed mid-ingest, and evicted files each leave the other datasets whole', async ({ page, context }) => {
	test.setTimeout(300_000);
	await page.goto('/');
	await settled(page);
	await useSmallNotebook(page);
	const sampleEvents = await query(page, 'SELECT count(*)::INTEGER FROM events');
	const app = page.getByTestId('app');

	// 1. The site's storage quota runs out while a month of the sample is ingested: once the
	// ingest has begun to write, Chromium's own quota for the site is lowered (through the
	// DevTools protocol) to what is stored, so the ingest's next write is refused.
	const cdp = await context.newCDPSession(page);
	const origin = new URL(page.url()).origin;
	await page.getByTestId('file-input').setInputFiles({ name: 'full-2019-Oct.csv.gz', mimeType: 'application/gzip', buffer: readFileSync(SAMPLE) });
	await expect(page.getByTestId('ingest')).toContainText(/: (stage events|new partition|session ids)/);
	const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage });
	await expect(page.getByTestId('notice')).toContainText(/Ingesting full-2019-Oct\.csv\.gz failed: .*The browser’s storage for this site is full/, { timeout: 120_000 });
	await expect(page.getByTestId('notice')).toContainText('Free space by deleting datasets you no longer need (under Datasets)');
	await expect(page.getByTestId('notice')).toContainText('Nothing of it was kept; the other datasets are untouched.');
	await settled(page);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin });
	await expect(app).toHaveAttribute('data-dataset', 'sample');
	expect(await states(page)).toEqual(['sample:ready']);
	expect((await opfsFiles(page)).filter((f) => !f.startsWith('cin-sample.'))).toEqual([]);
	expect(await query(page, 'SELECT count(*)::INTEGER FROM events')).toEqual(sampleEvents);

	// 2. The tab closes mid-ingest, once the new dataset has files in OPFS.
	await page.getByTestId('file-input').setInputFiles({ name: 'small.csv', mimeType: 'text/csv', buffer: SMALL });
	await expect(page.getByTestId('ingest')).not.toContainText('starting');
	const interrupted = (await page.getByTestId('dataset').first().getAttribute('data-dataset-id'))!;
	expect(interrupted).toMatch(/^files-/);
	await expect.poll(async () => (await opfsFiles(page)).filter((f) => f.includes(interrupted)).length).toBeGreaterThan(0);
	await page.close();

	const next = await context.newPage();
	await next.goto('/');
	await settled(next);
	await expect(next.getByTestId('notice')).toContainText('The ingest of "small.csv" was interrupted (the tab closed or reloaded), and what it had written was removed.');
	expect(await states(next)).toEqual([`${interrupted}:interrupted`, 'sample:ready'].sort());
	expect((await opfsFiles(next)).filter((f) => f.includes(interrupted))).toEqual([]);
	await expect(next.getByTestId('app')).toHaveAttribute('data-dataset', 'sample');
	await expect(cell(next, 'event_count')).toContainText('from the saved result');
	// Its files, opened again from its row, make a new dataset in its place.
	const row = (id: string) => next.locator(`[data-testid="dataset"][data-dataset-id="${id}"]`);
	await row(interrupted).getByTestId('dataset-reopen').setInputFiles({ name: 'small.csv', mimeType: 'text/csv', buffer: SMALL });
	await expect(next.getByTestId('notice')).toContainText('small.csv: 3,000 events ingested', { timeout: 120_000 });
	await settled(next);
	const rebuilt = (await next.getByTestId('app').getAttribute('data-dataset'))!;
	expect(await states(next)).toEqual([`${rebuilt}:ready`, 'sample:ready'].sort());

	// 3. The browser evicts the files of that dataset and of the sample (deleted here from a
	// page of the site that does not open them, as eviction happens while no tab holds them).
	await next.goto('/favicon.svg');
	await next.evaluate(async (ids) => {
		const root = await navigator.storage.getDirectory();
		for await (const [name] of root as unknown as AsyncIterable<[string]>) if (ids.some((id) => name.startsWith(`cin-${id}.`))) await root.removeEntry(name);
	}, [rebuilt, 'sample']);
	expect(await opfsFiles(next)).toEqual([]);
	await next.goto('/');
	await settled(next);
	// The list says the data is gone and offers its files again; the sample installed itself again.
	await expect(next.getByTestId('notice')).toContainText('The data of "small.csv" is no longer in this browser’s storage');
	expect(await states(next)).toEqual([`${rebuilt}:missing`, 'sample:ready'].sort());
	await expect(row(rebuilt).getByTestId('dataset-missing')).toContainText('data gone from this browser');
	await expect(row(rebuilt).getByTestId('dataset-reopen')).toBeAttached();
	await expect(next.getByTestId('app')).toHaveAttribute('data-dataset', 'sample');
	expect(await query(next, 'SELECT count(*)::INTEGER FROM events')).toEqual(sampleEvents);
	await expect(cell(next, 'event_count')).toHaveAttribute('data-status', 'done');
	// No empty database was made in the evicted dataset's place; its entry can go.
	expect((await opfsFiles(next)).filter((f) => f.includes(rebuilt))).toEqual([]);
	await row(rebuilt).getByTestId('dataset-delete').click();
	await row(rebuilt).getByTestId('dataset-delete').click(); // confirm
	await expect(next.getByTestId('notice')).toContainText('freed its storage');
	expect(await states(next)).toEqual(['sample:ready']);
});

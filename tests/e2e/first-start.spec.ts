import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { serveSite } from '../../scripts/notebook/serve-site';
import { shareFragment } from '../../src/lib/notebook/share-link';
import { cell, cspViolations, holdEngine, settled } from './helpers';

// The first start, from an empty profile: the visit that fetches the engine over the network and
// puts the bundled sample into OPFS. The built site ships the sample's store prebuilt (made by
// this same site, scripts/sample-store/), with the default notebook's tables and its output
// snapshot: a first visit copies it and shows the results at once. Without it (a dev server, a
// failed fetch, a damaged file) the sample's CSV is ingested and every cell run. Both paths are
// tested here; every other test starts from a copy of a profile where the first start happened.
test.use({ profile: 'empty' });

/** The prebuilt sample's database, as the site serves it (gzip). */
const PREBUILT_DATABASE = 'sample-store/cin-sample.duckdb.gz';
/** The sample's CSV months, as Vite names the assets (`2019-Oct.csv.<hash>.gz`). */
const SAMPLE_CSV = /\/2019-(Oct|Nov)\.csv[^/]*\.gz$/;

/** A link to a two-cell notebook, as "Copy link" makes it, on the site at `siteUrl`. */
async function sharedLink(siteUrl: string): Promise<string> {
	const text = '---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: Views by brand\n---\n\n# Views by brand <img src=x onerror=alert(1)>\n\n```sql name=brand_views\nSELECT brand, count(*) AS views FROM events GROUP BY 1 ORDER BY 2 DESC LIMIT 5\n```\n';
	return `${siteUrl}#${await shareFragment(text)}`;
}

/** The paths the service worker caches for a site served from `base`, from the built files:
 *  all but the prebuilt sample (copied into OPFS on a first visit), the sample's CSV, the
 *  engine build Chromium does not load (mvp), the worker itself, SvelteKit's version file and
 *  dotfiles (.nojekyll). */
function offlineFiles(base: string): string[] {
	const leftOut = /^(sample-store\/|service-worker\.js$|_app\/version\.json$|\.)|\/2019-(Oct|Nov)\.csv[^/]*\.gz$|duckdb-(browser-)?mvp/;
	return readdirSync('build', { recursive: true, encoding: 'utf8' })
		.filter((file) => statSync(path.join('build', file)).isFile())
		.map((file) => file.split(path.sep).join('/'))
		.filter((file) => !leftOut.test(file))
		.map((file) => `${base}/${file === 'index.html' ? '' : file}`)
		.sort();
}

test('a first visit, at a sub-path, copies the prebuilt sample and shows every result before the engine has started, running no cell, and says once what happens to the user\'s data; a shared link opened on it shows its notebook and runs nothing until asked; with the network cut, the site then opens, starts the engine and runs a cell from the service worker\'s cache', async ({ page, context }) => {
	// The site served from a folder, as a GitHub project page is: the same build, nothing rebuilt.
	const site = await serveSite('build', 0, '/cin');
	try {
		await firstVisitFromSubPath(page, context, site.url);
	} finally {
		await site.close();
	}
});

async function firstVisitFromSubPath(page: Page, context: BrowserContext, siteUrl: string): Promise<void> {
	const origin = new URL(siteUrl).origin;
	/** What the page and its workers asked for; the service worker's own fetches (its install) apart. */
	const requests: string[] = [];
	const workerRequests: string[] = [];
	context.on('request', (request) => (request.serviceWorker() ? workerRequests : requests).push(request.url()));
	const refused = cspViolations(page);
	const link = await sharedLink(siteUrl);
	const releaseEngine = await holdEngine(page);
	await page.goto(link);
	// The link's notebook is shown as text, asking first; the user's own outputs are restored behind it.
	const preview = page.getByTestId('shared-preview');
	await expect(preview).toContainText('A notebook from a link: nothing of it has run');
	await expect(preview.locator('figure')).toContainText('SELECT brand, count(*) AS views');
	await expect(preview.locator('h1')).toHaveText('Views by brand <img src=x onerror=alert(1)>');
	await expect(preview.locator('img')).toHaveCount(0);
	await expect.poll(() => page.evaluate(() => window.cin.shown()), { timeout: 30_000 }).toBeGreaterThanOrEqual(100);
	await expect(page.getByTestId('engine-status')).not.toHaveAttribute('data-phase', 'ready');
	await expect(page.getByTestId('welcome')).toContainText('Nothing is uploaded');
	releaseEngine();
	await settled(page);

	const cells = await page.evaluate(() => window.cin.cells(0));
	const computed = cells.filter((c) => c.kind !== 'markdown');
	expect(computed.length).toBeGreaterThanOrEqual(100);
	expect(computed.filter((c) => c.status !== 'done').map((c) => c.name)).toEqual([]);
	// Nothing ran: every output is the prebuilt store's, confirmed against its tables, and the link's cell is not in the notebook.
	expect(computed.filter((c) => typeof c.ms === 'number').map((c) => c.name)).toEqual([]);
	expect(cells.some((c) => c.name === 'brand_views')).toBe(false);
	await page.getByTestId('shared-discard').click();
	await expect(preview).toHaveCount(0);
	expect(new URL(page.url()).hash).toBe('');
	await expect(cell(page, 'overview_daily').getByTestId('result-table')).toHaveAttribute('data-rows', /^[1-9]\d*$/);
	await expect(cell(page, 'rfm_segments').getByTestId('result-table')).toHaveAttribute('data-rows', /^[1-9]\d*$/);
	await expect(page.getByTestId('app')).toHaveAttribute('data-dataset', 'sample');
	const sample = page.locator('[data-testid="dataset"][data-dataset-id="sample"]');
	await expect(sample).toHaveAttribute('data-state', 'ready');
	await expect(sample.getByTestId('dataset-rows')).toHaveText('325,431 events');
	// The store came whole from the site: no CSV fetched, no model trained, nothing foreign.
	expect(requests.some((url) => url.endsWith('/sample-store/manifest.json'))).toBe(true);
	expect([...requests, ...workerRequests].filter((url) => SAMPLE_CSV.test(url))).toEqual([]);
	expect(requests.filter((url) => url.includes('train.worker'))).toEqual([]);
	expect([...requests, ...workerRequests].filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
	// Every URL the app built at run time (engine, workers, the prebuilt sample) is in its folder.
	expect([...requests, ...workerRequests].filter((url) => url.startsWith(origin) && !url.startsWith(siteUrl))).toEqual([]);
	expect(refused, 'nothing the first visit did was refused by the content security policy').toEqual([]);

	// The copy is the user's now: it is edited and re-run like any dataset, and stays after a reload.
	expect((await page.evaluate(() => window.cin.query('SELECT count(*)::INTEGER FROM events'))).rows).toEqual([[325_431]]);
	await page.evaluate(() => window.cin.runCell('overview_kpis'));
	await settled(page);
	await page.reload();
	await settled(page);
	// Said once: a returning visit (the help panel reopens it) starts without the note.
	await expect(page.getByTestId('welcome')).toHaveCount(0);
	const again = (await page.evaluate(() => window.cin.cells(0))).filter((c) => c.kind !== 'markdown');
	expect(again.filter((c) => c.status !== 'done').map((c) => c.name)).toEqual([]);
	expect(again.filter((c) => typeof c.ms === 'number').map((c) => c.name)).toEqual([]);

	// Asked, the link's notebook opens in place of the default one and runs on this dataset.
	await page.goto(link);
	await page.getByTestId('shared-run').click();
	await expect(cell(page, 'brand_views').getByTestId('result-table')).toHaveAttribute('data-rows', '5');
	expect(new URL(page.url()).hash).toBe('');
	await settled(page);
	expect(refused).toEqual([]);

	// The service worker, scoped to the folder, cached the site during the first visit: the page,
	// scripts, styles, the engine Chromium runs, parquet-wasm, the trainer, icons and manifest.
	const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
	expect(scope).toBe(siteUrl);
	const cached = await page.evaluate(async () => {
		const names = await caches.keys();
		const paths = await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname)));
		return { names, paths: paths.flat().sort() };
	});
	expect(cached.names).toHaveLength(1);
	expect(cached.paths).toEqual(offlineFiles(new URL(siteUrl).pathname.replace(/\/$/, '')));
	const cdp = await context.newCDPSession(page);
	// The manifest, its icons and the worker make the site installable.
	expect((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);

	// No network, and nothing in the HTTP cache: what opens now comes from the worker's cache and OPFS.
	await cdp.send('Network.clearBrowserCache');
	await context.setOffline(true);
	try {
		await page.reload();
		await settled(page);
		await page.evaluate(() => window.cin.runCell('brand_views'));
		await expect(cell(page, 'brand_views')).toHaveAttribute('data-status', 'done');
		await expect(cell(page, 'brand_views').getByTestId('result-table')).toHaveAttribute('data-rows', '5');
		expect((await page.evaluate(() => window.cin.cells(0))).find((c) => c.name === 'brand_views')?.ms).toEqual(expect.any(Number));
	} finally {
		await context.setOffline(false);
	}
	expect(refused).toEqual([]);
}

test.beforeEach(async ({ page }) => {
	page.on('pageerror', (error) => console.log('pageerror:', error.message));
});

test('with the prebuilt sample damaged a first start removes what it copied, ingests the CSV and runs every cell, with no request outside the origin and nothing refused by the content security policy, and a reload starts the engine from cached code', async ({ page, context, baseURL }) => {
	// An ingest, every cell and a model training: about 2 minutes on a quiet 2-core machine.
	test.setTimeout(420_000);
	const origin = new URL(baseURL!).origin;
	const requests: string[] = [];
	context.on('request', (request) => requests.push(request.url()));
	page.on('worker', (worker) => requests.push(worker.url()));
	const refused = cspViolations(page);
	// The database arrives cut short, after the smaller files were already copied into OPFS.
	const whole = readFileSync(path.join('build', PREBUILT_DATABASE));
	await context.route(`**/${PREBUILT_DATABASE}`, (route) => route.fulfill({ status: 200, contentType: 'application/gzip', body: whole.subarray(0, whole.length >> 1) }));

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

	// Everything the first start fetched (the engine, the sample's CSV, the trainer's worker) came from the app.
	expect(requests.length).toBeGreaterThan(5);
	expect(requests.filter((url) => SAMPLE_CSV.test(url)).length).toBe(2);
	expect(requests.some((url) => url.endsWith(PREBUILT_DATABASE))).toBe(true);
	// What the failed copy wrote is gone: the sample is the ingested store, whole.
	await expect(page.locator('[data-testid="dataset"][data-dataset-id="sample"]').getByTestId('dataset-rows')).toHaveText('325,431 events');
	expect((await page.evaluate(() => window.cin.query('SELECT count(*)::INTEGER, (SELECT count(*)::INTEGER FROM ingest_files) FROM events'))).rows).toEqual([[325_431, 2]]);
	expect(requests.some((url) => url.includes('train.worker'))).toBe(true);
	const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
	expect(foreign).toEqual([]);
	// The ingest, every cell, the model's training worker: all within the content security policy.
	expect(refused).toEqual([]);

	// Chrome keeps a wasm module's compiled code beside its HTTP cache entry only when the module
	// is compiled straight from the fetch Response (engine-worker.ts); then a reload deserialises
	// DuckDB's code instead of compiling 34 MB afresh. V8 hands the code to the cache a moment
	// after the hot functions were optimised. Routing requests (the damaged file) keeps Chrome's
	// HTTP cache out of the way: without routes, one reload fills it, the next uses it. The
	// service worker serves these reloads, and passes the HTTP cache's entry through untouched.
	await context.unrouteAll({ behavior: 'wait' });
	await page.evaluate(async () => void (await navigator.serviceWorker.ready));
	await page.reload();
	await settled(page);
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the service worker serves the page').toBe(true);
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

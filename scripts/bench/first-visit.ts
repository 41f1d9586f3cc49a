// `npm run bench:first-visit [-- --runs 5] [--site build]`: what anyone opening the site for
// the first time sees, on the bundled sample. Each run is a fresh Chromium profile (nothing in
// OPFS, no HTTP or code cache) on the built site served from this process. Two paths, runs
// interleaved so both see the same machine: the site as built (the prebuilt sample store is
// copied into OPFS, its output snapshot shown at once) and the same site with the prebuilt
// store withheld (the sample's CSV is ingested and the notebook run, the path a site without
// `static/sample-store/` takes). Times are from navigation start, medians of the runs.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import type { CinWindow } from '../notebook/headless-page';
import { serveSite } from '../notebook/serve-site';
import { median } from './median';

interface Visit {
	firstPaint: number | null;
	firstResult: number | null;
	engineReady: number | null;
	allDone: number | null;
	cellsDone: number;
	cells: number;
}

const RESULT = '[data-testid="result-table"], [data-testid="chart"] svg';

// Runs in the page before any of its scripts: notes when the first result reaches the DOM.
function watchFirstResult(selector: string) {
	const w = window as unknown as { __firstResult?: number };
	const seen = () => {
		if (w.__firstResult === undefined && document.querySelector(selector)) w.__firstResult = performance.now();
		return w.__firstResult !== undefined;
	};
	new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, { childList: true, subtree: true });
}

async function visit(url: string, withPrebuilt: boolean): Promise<Visit> {
	const profile = mkdtempSync(path.join(tmpdir(), 'cin-first-visit-'));
	const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
	try {
		if (!withPrebuilt) await context.route('**/sample-store/**', (route) => route.fulfill({ status: 404, body: 'withheld' }));
		const page = context.pages()[0] ?? (await context.newPage());
		await page.addInitScript(watchFirstResult, RESULT);
		await page.goto(url);
		await page.waitForFunction(() => 'cin' in window, undefined, { timeout: 60_000 });
		const engineReady = page
			.waitForFunction(() => document.querySelector('[data-testid="engine-status"]')?.getAttribute('data-phase') === 'ready', undefined, { polling: 'raf', timeout: 300_000 })
			.then(() => page.evaluate(() => performance.now()));
		await page.evaluate(() => (window as unknown as CinWindow).cin.idle(300_000));
		const allDone = await page.evaluate(() => performance.now());
		const cells = await page.evaluate(() => (window as unknown as CinWindow).cin.cells(0));
		const computed = cells.filter((c) => c.kind !== 'markdown');
		return {
			firstPaint: await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null),
			firstResult: await page.evaluate(() => (window as unknown as { __firstResult?: number }).__firstResult ?? null),
			engineReady: await engineReady,
			allDone,
			cellsDone: computed.filter((c) => c.status === 'done').length,
			cells: computed.length
		};
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = Number(option('runs', '5'));
const site = await serveSite(option('site', 'build'));
const results: Record<'prebuilt' | 'ingest', Visit[]> = { prebuilt: [], ingest: [] };
const loads: number[] = [];
try {
	for (let r = 0; r < runs; r++) {
		for (const path of ['prebuilt', 'ingest'] as const) {
			loads.push(loadavg()[0]);
			const v = await visit(site.url, path === 'prebuilt');
			results[path].push(v);
			console.log(`run ${r + 1} ${path}: paint ${v.firstPaint?.toFixed(0)} ms, first result ${v.firstResult?.toFixed(0)} ms, engine ${v.engineReady?.toFixed(0)} ms, all done ${v.allDone?.toFixed(0)} ms (${v.cellsDone}/${v.cells} cells done)`);
		}
	}
} finally {
	await site.close();
}
const ms = (xs: (number | null)[]) => {
	const m = median(xs);
	return m === null ? '–' : `${(m / 1000).toFixed(2)} s`;
};
console.log(`\nFirst visit on the bundled sample, fresh profile, medians of ${runs} (load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on the runs' starts):\n`);
console.log('| from navigation start | prebuilt store (as built) | CSV ingest (store withheld) |');
console.log('|---|---:|---:|');
for (const [label, key] of [
	['first contentful paint', 'firstPaint'],
	['first result on screen', 'firstResult'],
	['engine ready', 'engineReady'],
	['every cell done (notebook live)', 'allDone']
] as const) {
	console.log(`| ${label} | ${ms(results.prebuilt.map((v) => v[key]))} | ${ms(results.ingest.map((v) => v[key]))} |`);
}
const done = (vs: Visit[]) => vs.every((v) => v.cellsDone === v.cells);
if (!done(results.prebuilt) || !done(results.ingest)) {
	console.error('some cells were not done at the end of a visit');
	process.exit(1);
}

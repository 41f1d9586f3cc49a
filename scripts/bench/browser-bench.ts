// The browser half: one headless Chromium page on the built site runs every step in order,
// while the Chromium processes' memory is sampled and labelled with what the page is doing.
import type { CinWindow } from '../notebook/headless-page';
import { openHeadlessPage, type HeadlessPage } from '../notebook/headless-page';
import { importNotebook } from '../notebook/import-notebook';
import { readPageState } from '../notebook/page-state';
import type { BenchNotebook } from './bench-notebook';
import type { BenchStep, BrowserRun, Measurement } from './bench-step';
import type { EngineRun } from './engine-run';
import { chromiumRss } from './process-tree';
import { RssSampler } from './rss-sampler';
import { cellLabel } from './steps/queries-step';
import { storeLabel } from './store-measurements';

export interface BenchOptions {
	files: readonly string[];
	notebook: BenchNotebook;
	repeat: number;
	steps: readonly BenchStep[];
	log: (line: string) => void;
}

export async function runBrowserBench(options: BenchOptions & { siteDir?: string; jsFlags?: string | null }): Promise<EngineRun> {
	const started = performance.now();
	let hp: HeadlessPage | null = null;
	const sampler = new RssSampler({
		read: () => chromiumRss(),
		labeler: async () => {
			if (!hp) return null;
			const s = await readPageState(hp.page);
			if (s.ingestStep) return storeLabel(null, s.ingestStep);
			return s.runningCell === undefined ? null : cellLabel(s.runningCell ?? '');
		}
	});
	sampler.start();
	const measurements: Measurement[] = [];
	let version = 'DuckDB-WASM';
	let rows: number | null = null;
	try {
		hp = await openHeadlessPage({ siteDir: options.siteDir, jsFlags: options.jsFlags ?? undefined, log: (l) => options.log(`  browser: ${l}`) });
		const page = hp.page;
		// The first visit of a fresh profile: nothing cached, the sample not yet ingested.
		const coldPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
		const [duckdb, agent] = await page.evaluate(async () => [
			String((await (window as unknown as CinWindow).cin.query('SELECT version()')).rows[0][0]),
			navigator.userAgent
		]);
		version = `DuckDB-WASM ${duckdb} in ${/(?:Headless)?Chrom(?:e|ium)\/[\d.]+/.exec(agent)?.[0] ?? agent}${options.jsFlags ? ` with --js-flags=${options.jsFlags}` : ''}`;
		// The benchmark's notebook text, so both engines run exactly the same cells.
		await importNotebook(hp, { name: 'benchmark-notebook.md', text: options.notebook.text });
		const run: BrowserRun = { ...options, hp, sampler, storeSteps: null, coldPaintMs: coldPaint === null ? null : Math.round(coldPaint) };
		for (const step of options.steps) {
			if (!step.browser) continue;
			options.log(`browser: ${step.name}…`);
			try {
				measurements.push(...(await step.browser(run)));
			} catch (error) {
				// The page's state is unknown after a failed step: later steps would measure noise.
				measurements.push({ name: step.name, group: step.name, ms: null, error: (error as Error).message });
				options.log(`browser: ${step.name} failed: ${(error as Error).message}`);
				break;
			}
		}
		rows = (await page.evaluate(() => (window as unknown as CinWindow).cin.dataset()?.rows ?? null).catch(() => null)) ?? null;
	} finally {
		sampler.stop();
		await hp?.close();
	}
	return {
		engine: 'browser',
		threads: 1,
		version,
		measurements,
		rows,
		peakRssMiB: sampler.peakMiB(),
		peakTotalRssMiB: sampler.peakMiB({}, 'total'),
		wallMs: Math.round(performance.now() - started)
	};
}

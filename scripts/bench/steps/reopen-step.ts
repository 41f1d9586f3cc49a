// Reopening the dataset: a reload, until the notebook shows its saved results (the OPFS
// database is reopened, nothing is re-ingested or recomputed). Browser only. Three moments:
// the saved results are on screen (from the output snapshot, before the engine exists), the
// engine is ready (wasm compiled, database open), and the notebook is live (every shown table
// checked against the database, inputs set, nothing left to run). Then the first forced
// run-all of the reloaded page: what a returning user's first run costs, with the engine's
// code as the browser kept it (engine-worker.ts), not as warmed by the session before. The
// page's own clock (reload-timeline.ts) adds when the first and every saved output were in the
// page and how long the engine's start took once begun.
import type { CinWindow } from '../../notebook/headless-page';
import type { BenchStep, BrowserRun, Measurement } from '../bench-step';
import { median } from '../median';
import { countDoneCells, installReloadRecorder, readReloadTimeline } from '../reload-timeline';

const REOPEN = 'reopen (reload → saved results shown)';

export async function browserReopen(run: BrowserRun): Promise<Measurement[]> {
	const { hp, sampler } = run;
	await hp.idle();
	const expected = await hp.guard(hp.page.evaluate(() => (window as unknown as CinWindow).cin.shown()));
	const shown: number[] = [];
	const paint: number[] = [];
	const ready: number[] = [];
	const live: number[] = [];
	const wasm: number[] = [];
	const open: number[] = [];
	const rerun: number[] = [];
	const firstInPage: (number | null)[] = [];
	const allInPage: (number | null)[] = [];
	const engineStart: number[] = [];
	await installReloadRecorder(hp.context, await countDoneCells(hp.page));
	const from = sampler.now();
	for (let r = 0; r < run.repeat; r++) {
		const t0 = performance.now();
		await hp.guard(hp.page.reload());
		await hp.guard(
			hp.page.waitForFunction((n) => 'cin' in window && (window as unknown as CinWindow).cin.shown() >= n, expected, { polling: 20, timeout: 0 })
		);
		shown.push(Math.round(performance.now() - t0));
		await hp.guard(
			hp.page.waitForFunction(() => document.querySelector('[data-testid="engine-status"]')?.getAttribute('data-phase') === 'ready', undefined, {
				polling: 50,
				timeout: 0
			})
		);
		ready.push(Math.round(performance.now() - t0));
		await hp.idle();
		live.push(Math.round(performance.now() - t0));
		const timeline = await hp.guard(readReloadTimeline(hp.page));
		firstInPage.push(timeline.firstShownMs);
		allInPage.push(timeline.shownMs);
		engineStart.push((timeline.marks['cin:engine-ready'] ?? NaN) - (timeline.marks['cin:engine-start'] ?? NaN));
		const timings = await hp.page.evaluate(() => (window as unknown as CinWindow).cin.engine().timings ?? null);
		if (timings) {
			wasm.push(timings.wasmMs);
			open.push(timings.openMs);
		}
		paint.push(
			await hp.page.evaluate(() => Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN))
		);
		rerun.push(await hp.guard(hp.page.evaluate(() => (window as unknown as CinWindow).cin.runAll(true))));
		await hp.idle();
	}
	const peakRssMiB = sampler.peakMiB({ from, to: sampler.now() });
	return [
		{ name: 'cold load · first contentful paint (first visit)', group: 'reopen', ms: run.coldPaintMs, peakRssMiB: null },
		{ name: REOPEN, group: 'reopen', ms: median(shown), peakRssMiB },
		{ name: 'reopen · first contentful paint', group: 'reopen', ms: median(paint), peakRssMiB: null },
		{ name: 'reopen · first saved output in the page (page clock)', group: 'reopen', ms: median(firstInPage), peakRssMiB: null },
		{ name: 'reopen · every saved output in the page (page clock)', group: 'reopen', ms: median(allInPage), peakRssMiB: null },
		{ name: 'reopen · engine ready (wasm compiled, database open)', group: 'reopen', ms: median(ready), peakRssMiB: null },
		{ name: 'reopen · · wasm fetched and compiled', group: 'reopen', ms: median(wasm), peakRssMiB: null },
		{ name: 'reopen · · database opened', group: 'reopen', ms: median(open), peakRssMiB: null },
		{ name: 'reopen · · engine start, begun to ready', group: 'reopen', ms: median(engineStart), peakRssMiB: null },
		{ name: 'reopen · notebook live (saved tables checked, nothing to run)', group: 'reopen', ms: median(live), peakRssMiB: null },
		{ name: 'reopen · then run all (every cell forced, first run after the reload)', group: 'reopen', ms: median(rerun), peakRssMiB: null }
	];
}

export const reopenStep: BenchStep = { name: 'reopen', selection: 'queries', browser: browserReopen };

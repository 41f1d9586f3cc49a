// What a reload shows when, measured inside the page from its navigation start: first
// contentful paint, the saved results on screen (the output snapshot, before the engine
// exists), the engine's start (the `cin:*` marks of start-engine.ts) and the engine ready. An
// init script polls the page every 10 ms, so the times are the page's own, not Playwright's
// round trips; a busy main thread delays the poll exactly as it delays what the user sees.
import type { BrowserContext, Page } from '@playwright/test';

export interface ReloadTimeline {
	/** First contentful paint (the static shell of app.html). */
	paintMs: number | null;
	/** The first cell shows an output in the DOM: the top of the notebook, what the window shows first. */
	firstShownMs: number | null;
	/** `expected` cells show an output in the DOM (restored from the snapshot or run). */
	shownMs: number | null;
	/** The engine status reads ready (wasm compiled, database open, set-up run). */
	readyMs: number | null;
	/** After ready, the page is no longer busy: saved tables checked, nothing left to run. */
	liveMs: number | null;
	/** The start-engine marks that were reached, by name. */
	marks: Record<string, number>;
}

interface Recorder {
	first?: number;
	shown?: number;
	ready?: number;
	live?: number;
}

/** Records every later navigation of the context's pages; `expected`: the cells showing an output before the reload. */
export async function installReloadRecorder(context: BrowserContext, expected: number): Promise<void> {
	await context.addInitScript(({ n, DONE_CELLS }: { n: number; DONE_CELLS: string }) => {
		const rec: { first?: number; shown?: number; ready?: number; live?: number } = {};
		(window as unknown as { __cinReload: typeof rec }).__cinReload = rec;
		type Cin = { engine(): { phase: string } };
		const poll = () => {
			const cin = (window as unknown as { cin?: Cin }).cin;
			const done = rec.shown === undefined ? document.querySelectorAll(DONE_CELLS).length : n;
			if (rec.first === undefined && done > 0) rec.first = performance.now();
			if (rec.shown === undefined && done >= n) rec.shown = performance.now();
			if (cin) {
				if (rec.ready === undefined && cin.engine().phase === 'ready') rec.ready = performance.now();
				const busy = document.querySelector('[data-testid="app"]')?.getAttribute('data-busy');
				if (rec.ready !== undefined && rec.live === undefined && busy === 'false') rec.live = performance.now();
			}
			if (rec.shown === undefined || rec.live === undefined) setTimeout(poll, 10);
		};
		poll();
	}, { n: expected, DONE_CELLS });
}

/** Cells of the page showing an output: what a reload must bring back. */
export const DONE_CELLS = '[data-testid="cell"][data-status="done"]:not([data-cell-kind="markdown"])';

/** How many cells show an output in the page now. */
export function countDoneCells(page: Page): Promise<number> {
	return page.evaluate((selector) => document.querySelectorAll(selector).length, DONE_CELLS);
}

/** Waits until the reloaded page has shown its results and is live, then reads the times. */
export async function readReloadTimeline(page: Page): Promise<ReloadTimeline> {
	await page.waitForFunction(
		() => {
			const rec = (window as unknown as { __cinReload?: Recorder }).__cinReload;
			return rec?.shown !== undefined && rec.live !== undefined;
		},
		undefined,
		{ polling: 50, timeout: 0 }
	);
	return page.evaluate(() => {
		const rec = (window as unknown as { __cinReload: Recorder }).__cinReload;
		const round = (x: number | undefined) => (x === undefined ? null : Math.round(x));
		const marks: Record<string, number> = {};
		for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('cin:')) marks[m.name] = Math.round(m.startTime);
		return {
			paintMs: round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime),
			firstShownMs: round(rec.first),
			shownMs: round(rec.shown),
			readyMs: round(rec.ready),
			liveMs: round(rec.live),
			marks
		};
	});
}

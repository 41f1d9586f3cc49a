// Reopening the dataset: a reload, until the notebook shows its saved results (the OPFS
// database is reopened, nothing is re-ingested or recomputed). Browser only.
import type { BenchStep, BrowserRun, Measurement } from '../bench-step';
import { median } from '../median';

const REOPEN = 'reopen (reload → saved results shown)';

export async function browserReopen(run: BrowserRun): Promise<Measurement[]> {
	const { hp, sampler } = run;
	const ready: number[] = [];
	const shown: number[] = [];
	const from = sampler.now();
	for (let r = 0; r < run.repeat; r++) {
		const t0 = performance.now();
		await hp.guard(hp.page.reload());
		// The engine is ready once the wasm is compiled and the dataset's database is open.
		await hp.guard(
			hp.page.waitForFunction(() => document.querySelector('[data-testid="engine-status"]')?.getAttribute('data-phase') === 'ready', undefined, {
				polling: 50
			})
		);
		ready.push(Math.round(performance.now() - t0));
		await hp.guard(hp.page.waitForFunction(() => 'cin' in window));
		await hp.idle();
		shown.push(Math.round(performance.now() - t0));
	}
	const peakRssMiB = sampler.peakMiB({ from, to: sampler.now() });
	return [
		{ name: REOPEN, group: 'reopen', ms: median(shown), peakRssMiB },
		{ name: 'reopen · engine ready (wasm compiled, database open)', group: 'reopen', ms: median(ready), peakRssMiB: null }
	];
}

export const reopenStep: BenchStep = { name: 'reopen', selection: 'queries', browser: browserReopen };

// The fixed cost of one query, `SELECT 1`: in the browser a message to the DuckDB worker and an
// Arrow result back; natively a call into the library. Cells issue several queries each (the
// table, its row count, its preview), so this bounds how fast a tiny cell can be.
import type { CinWindow } from '../../notebook/headless-page';
import type { BenchStep, BrowserRun, Measurement, NativeRun } from '../bench-step';
import { median } from '../median';
import { round1 } from './queries-step';

const NAME = 'round trip (SELECT 1)';
const SAMPLES = 5;

const medianMs = (times: number[]) => {
	const m = median(times);
	return m === null ? null : round1(m);
};

export async function browserRoundTrip(run: BrowserRun): Promise<Measurement[]> {
	const times = await run.hp.guard(
		run.hp.page.evaluate(async (n) => {
			const out: number[] = [];
			for (let i = 0; i < n; i++) {
				const t0 = performance.now();
				await (window as unknown as CinWindow).cin.query('SELECT 1');
				out.push(performance.now() - t0);
			}
			return out;
		}, SAMPLES * run.repeat)
	);
	return [{ name: NAME, group: 'round trip', ms: medianMs(times), peakRssMiB: null }];
}

export async function nativeRoundTrip(run: NativeRun): Promise<Measurement[]> {
	const times: number[] = [];
	for (let i = 0; i < SAMPLES * run.repeat; i++) {
		const t0 = performance.now();
		await run.client.query('SELECT 1');
		times.push(performance.now() - t0);
	}
	return [{ name: NAME, group: 'round trip', ms: medianMs(times), peakRssMiB: null }];
}

export const roundTripStep: BenchStep = { name: 'round trip', selection: 'queries', browser: browserRoundTrip, native: nativeRoundTrip };

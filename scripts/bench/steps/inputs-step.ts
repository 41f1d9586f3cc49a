// Interactive re-runs: each input switched to another value and back, `repeat` times; the time
// is what the analyst waits for (the input's dependants re-run). Browser: `cin.setInput`.
// Native: SET VARIABLE, then the dependants' statements in order.
import type { CellReport } from '../../../src/lib/app/automation';
import type { CinWindow } from '../../notebook/headless-page';
import type { BenchStep, BrowserRun, Measurement, NativeRun } from '../bench-step';
import type { BenchInput } from '../bench-notebook';
import { median } from '../median';
import { prepareNativeNotebook, round1, runNativeCells } from './queries-step';

const inputName = (input: BenchInput) => `input: ${input.name} (re-runs ${input.dependants.length} cell${input.dependants.length === 1 ? '' : 's'})`;

export async function browserInputs(run: BrowserRun): Promise<Measurement[]> {
	const { hp, sampler } = run;
	const rows: Measurement[] = [];
	for (const input of run.notebook.inputs) {
		const times: number[] = [];
		const from = sampler.now();
		for (let r = 0; r < run.repeat; r++) {
			for (const value of [input.alternative, input.value]) {
				const set = (args: [string, number | string]) => (window as unknown as CinWindow).cin.setInput(args[0], args[1]);
				times.push(await hp.guard(hp.page.evaluate(set, [input.name, value] as [string, number | string])));
			}
		}
		const reports: CellReport[] = await hp.guard(hp.page.evaluate(() => (window as unknown as CinWindow).cin.cells(0)));
		const failed = reports.find((c) => c.error && c.name !== null && input.dependants.includes(c.name));
		rows.push({
			name: inputName(input),
			group: 'inputs',
			ms: median(times),
			peakRssMiB: sampler.peakMiB({ from, to: sampler.now() }),
			...(failed ? { error: `${failed.name}: ${failed.error}` } : {})
		});
	}
	return rows;
}

export async function nativeInputs(run: NativeRun): Promise<Measurement[]> {
	await prepareNativeNotebook(run);
	const rows: Measurement[] = [];
	for (const input of run.notebook.inputs) {
		const times: number[] = [];
		let error: string | undefined;
		const from = run.sampler.now();
		for (let r = 0; r < run.repeat; r++) {
			for (const value of [input.alternative, input.value]) {
				const t0 = performance.now();
				await run.client.setVariable(input.name.toLowerCase(), value);
				const result = await runNativeCells(run, input.dependants);
				times.push(round1(performance.now() - t0));
				error ??= [...result.entries()].map(([key, c]) => (c.error ? `${key}: ${c.error}` : '')).find(Boolean);
			}
		}
		rows.push({ name: inputName(input), group: 'inputs', ms: median(times), peakRssMiB: run.sampler.peakMiB({ from, to: run.sampler.now() }), ...(error ? { error } : {}) });
	}
	return rows;
}

export const inputsStep: BenchStep = { name: 'inputs', selection: 'queries', browser: browserInputs, native: nativeInputs };

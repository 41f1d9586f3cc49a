// Every SQL cell of the notebook, forced, `repeat` times (medians). Browser: `cin.runAll(true)`
// and each cell's own time from `cin.cells(0)`. Native: the app's own SQL cell kind on each cell,
// in the scheduler's order on one connection, after setting the inputs' variables, so both
// engines run the same statements per cell (its table and metadata, then the result preview).
import type { CellReport } from '../../../src/lib/app/automation';
import { RESULTS_CACHE_SETUP, ResultsCache } from '../../../src/lib/runtime/results-cache';
import { sqlKind } from '../../../src/lib/runtime/kinds/sql-kind';
import type { CinWindow } from '../../notebook/headless-page';
import type { BenchStep, BrowserRun, Measurement, NativeRun } from '../bench-step';
import { median } from '../median';

export const QUERIES = 'queries (run all)';
const queryName = (key: string) => `query: ${key}`;
export const cellLabel = (key: string) => `cell:${key}`;

export async function browserQueries(run: BrowserRun): Promise<Measurement[]> {
	const { hp, notebook, sampler } = run;
	const totals: number[] = [];
	const windows: [number, number][] = [];
	const times = new Map<string, number[]>();
	const errors = new Map<string, string>();
	for (let r = 0; r < run.repeat; r++) {
		const from = sampler.now();
		totals.push(await hp.guard(hp.page.evaluate(() => (window as unknown as CinWindow).cin.runAll(true))));
		windows.push([from, sampler.now()]);
		const reports: CellReport[] = await hp.guard(hp.page.evaluate(() => (window as unknown as CinWindow).cin.cells(0)));
		if (reports.length !== notebook.reportKeys.length) throw new Error(`the page shows ${reports.length} cells, the notebook has ${notebook.reportKeys.length}`);
		reports.forEach((report, i) => {
			if (report.kind !== 'sql') return;
			const key = notebook.reportKeys[i];
			times.set(key, [...(times.get(key) ?? []), report.ms ?? NaN]);
			if (report.error) errors.set(key, report.error);
		});
		run.log(`  browser: run all ${r + 1}/${run.repeat}: ${totals[r]} ms`);
	}
	const peakOver = (list: [number, number][]) => max(list.map(([from, to]) => sampler.peakMiB({ from, to })));
	return [
		{ name: QUERIES, group: 'queries', ms: median(totals), peakRssMiB: peakOver(windows) },
		...notebook.queries.map((q) => ({
			name: queryName(q.key),
			group: 'queries',
			ms: median(times.get(q.key) ?? []),
			peakRssMiB: sampler.peakMiB({ label: (l) => l === cellLabel(q.key) }),
			...(errors.has(q.key) ? { error: errors.get(q.key) } : {})
		}))
	];
}

/** Creates the cell schema and sets every input's variable to its value in the notebook. */
export async function prepareNativeNotebook(run: NativeRun): Promise<void> {
	for (const sql of RESULTS_CACHE_SETUP) await run.client.exec(sql);
	for (const input of run.notebook.inputs) await run.client.setVariable(input.name.toLowerCase(), input.value);
}

/** Runs the statements of these cells in order; ms per cell (null and an error if it failed). */
export async function runNativeCells(run: NativeRun, keys: readonly string[]): Promise<Map<string, { ms: number | null; error?: string }>> {
	const out = new Map<string, { ms: number | null; error?: string }>();
	const byKey = new Map(run.notebook.queries.map((q) => [q.key, q]));
	const variables = new Set(run.notebook.inputs.map((i) => i.name.toLowerCase()));
	const cache = new ResultsCache(run.client);
	const signal = new AbortController().signal;
	for (const key of keys) {
		const q = byKey.get(key);
		if (!q) {
			out.set(key, { ms: null, error: `no SQL cell ${key}` });
			continue;
		}
		run.sampler.label = cellLabel(key);
		const t0 = performance.now();
		try {
			// Forced: the fingerprint only keys a cache the run then never reads.
			await sqlKind.run(q.cell, { client: run.client, cache, signal, force: true, fingerprint: q.cell.id, variables, shownBefore: undefined, progress: () => {} });
			out.set(key, { ms: round1(performance.now() - t0) });
		} catch (error) {
			out.set(key, { ms: null, error: (error as Error).message });
		}
	}
	run.sampler.label = null;
	return out;
}

export async function nativeQueries(run: NativeRun): Promise<Measurement[]> {
	await prepareNativeNotebook(run);
	const keys = run.notebook.queries.map((q) => q.key);
	const totals: number[] = [];
	const results: Map<string, { ms: number | null; error?: string }>[] = [];
	const from = run.sampler.now();
	for (let r = 0; r < run.repeat; r++) {
		const result = await runNativeCells(run, keys);
		results.push(result);
		totals.push(round1([...result.values()].reduce((n, c) => n + (c.ms ?? 0), 0)));
	}
	return [
		{ name: QUERIES, group: 'queries', ms: median(totals), peakRssMiB: run.sampler.peakMiB({ from, to: run.sampler.now() }) },
		...keys.map((key) => {
			const error = results.find((m) => m.get(key)?.error)?.get(key)?.error;
			return {
				name: queryName(key),
				group: 'queries',
				ms: median(results.map((m) => m.get(key)?.ms)),
				peakRssMiB: run.sampler.peakMiB({ label: (l) => l === cellLabel(key) }),
				...(error ? { error } : {})
			};
		})
	];
}

export function round1(ms: number): number {
	return Math.round(ms * 10) / 10;
}

function max(values: (number | null)[]): number | null {
	const xs = values.filter((v): v is number => v !== null);
	return xs.length ? Math.max(...xs) : null;
}

export const queriesStep: BenchStep = { name: 'queries', selection: 'queries', browser: browserQueries, native: nativeQueries };

// The benchmark's report: one row per measured step with both engines side by side.
import type { Measurement } from './bench-step';
import type { EngineRun } from './engine-run';
import type { MachineInfo } from './machine-info';

export interface StepRow {
	name: string;
	group: string;
	browserMs: number | null;
	/** Native DuckDB, 1 thread: the reference for `ratio`. */
	nativeMs: number | null;
	/** Native DuckDB, all cores. */
	nativeAllMs: number | null;
	/** browserMs / nativeMs. */
	ratio: number | null;
	/** DuckDB-WASM's Node build (with --wasm-node): the page's engine without the page. */
	wasmNodeMs: number | null;
	/** wasmNodeMs / nativeMs: how much of `ratio` the engine alone accounts for. */
	engineRatio: number | null;
	/** Peak RSS of the page's renderer process while the step ran (browser). */
	peakRssMiB: number | null;
	/** Peak RSS of the Node process while the native step ran (1 thread). */
	nativePeakRssMiB: number | null;
	error?: string;
	note?: string;
}

export interface EngineSummary {
	engine: EngineRun['engine'];
	threads: number | null;
	version: string;
	peakRssMiB: number | null;
	peakTotalRssMiB: number | null;
	wallMs: number;
}

export interface BenchReport {
	scale: number | null;
	seed: number | null;
	rows: number | null;
	files: { name: string; bytes: number }[];
	/** `default` (the page's default notebook) or the file measured. */
	notebook: string;
	repeat: number;
	only: string | null;
	startedAt: string;
	finishedAt: string;
	machine: MachineInfo;
	engines: EngineSummary[];
	steps: StepRow[];
}

export function ratio(browserMs: number | null, nativeMs: number | null): number | null {
	if (browserMs === null || nativeMs === null || nativeMs <= 0) return null;
	return Math.round((browserMs / nativeMs) * 100) / 100;
}

export interface EngineRuns {
	browser?: EngineRun | null;
	/** Native DuckDB on 1 thread: the reference of every ratio. */
	native?: EngineRun | null;
	nativeAll?: EngineRun | null;
	wasmNode?: EngineRun | null;
}

/** Rows keyed by measurement name, in order of first appearance, grouped as they first appear. */
export function mergeSteps({ browser = null, native = null, nativeAll = null, wasmNode = null }: EngineRuns): StepRow[] {
	const runs = [browser, native, nativeAll, wasmNode];
	const byName = runs.map((r) => new Map((r?.measurements ?? []).map((m) => [m.name, m])));
	const order: Measurement[] = [];
	const seen = new Set<string>();
	for (const r of runs) {
		for (const m of r?.measurements ?? []) {
			if (seen.has(m.name)) continue;
			seen.add(m.name);
			order.push(m);
		}
	}
	const groups = [...new Set(order.map((m) => m.group))];
	order.sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group)); // stable
	return order.map(({ name, group }) => {
		const [b, n, all, w] = byName.map((map) => map.get(name));
		const errors = [
			b && b.error && `browser: ${b.error}`,
			n && n.error && `native: ${n.error}`,
			all && all.error && `native (all): ${all.error}`,
			w && w.error && `wasm in Node: ${w.error}`
		];
		const error = errors.filter(Boolean).join('; ');
		const notes = [b?.note && `browser: ${b.note}`, n?.note && `native: ${n.note}`, all?.note && `native (all): ${all.note}`].filter(Boolean);
		const row: StepRow = {
			name,
			group,
			browserMs: b?.ms ?? null,
			nativeMs: n?.ms ?? null,
			nativeAllMs: all?.ms ?? null,
			ratio: ratio(b?.ms ?? null, n?.ms ?? null),
			wasmNodeMs: w?.ms ?? null,
			engineRatio: ratio(w?.ms ?? null, n?.ms ?? null),
			peakRssMiB: b?.peakRssMiB ?? null,
			nativePeakRssMiB: n?.peakRssMiB ?? null
		};
		if (notes.length) row.note = notes.join('; ');
		return error ? { ...row, error } : row;
	});
}

export function engineSummary(run: EngineRun): EngineSummary {
	const { engine, threads, version, peakRssMiB, peakTotalRssMiB, wallMs } = run;
	return { engine, threads, version, peakRssMiB, peakTotalRssMiB, wallMs };
}

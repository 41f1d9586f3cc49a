// Smoke test of the benchmark's Node halves, so they cannot rot: the default notebook's every
// SQL cell and input, and the same store steps the page runs, on native DuckDB and on DuckDB-WASM's
// Node build, over a month of the committed sample (the seeded generator at scale 0.003).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STARTER_NOTEBOOK } from '../../../src/lib/app/starter-notebook';
import { benchNotebook } from '../../../scripts/bench/bench-notebook';
import { mergeSteps } from '../../../scripts/bench/bench-report';
import { BENCH_STEPS } from '../../../scripts/bench/bench-steps';
import { runNativeBench, runWasmNodeBench } from '../../../scripts/bench/native-bench';

const OCTOBER = path.resolve('sample-data', '2019-Oct.csv.gz');

describe('the Node halves of the benchmark', () => {
	it('ingests, builds the facts and runs every SQL cell and input of the default notebook without error', async () => {
		const notebook = benchNotebook(STARTER_NOTEBOOK);
		const run = await runNativeBench({ files: [OCTOBER], notebook, repeat: 1, steps: BENCH_STEPS, threads: 1, log: () => {} });
		expect(run.version).toMatch(/^DuckDB v\d/);
		expect(run.rows).toBe(126_801);
		const errors = run.measurements.filter((m) => m.error).map((m) => `${m.name}: ${m.error}`);
		expect(errors).toEqual([]);
		const names = run.measurements.map((m) => m.name);
		expect(names).toEqual(expect.arrayContaining(['ingest', 'ingest · stage events', 'facts', 'facts · sessions', 'queries (run all)']));
		for (const q of notebook.queries) expect(names).toContain(`query: ${q.key}`);
		expect(run.measurements.filter((m) => m.group === 'inputs')).toHaveLength(notebook.inputs.length);
		// Every step is timed, except a reference that needs software this machine may lack
		// (scikit-learn, from Debian): that row says what to install instead of a time.
		const untimed = run.measurements.filter((m) => !(typeof m.ms === 'number' && m.ms >= 0));
		expect(untimed.length).toBeLessThanOrEqual(1);
		expect(untimed.every((m) => m.ms === null && /^scikit-learn reference not run: apt-get install /.test(m.note ?? ''))).toBe(true);
		expect(run.peakRssMiB).toBeGreaterThan(0);

		const rows = mergeSteps({ native: run });
		expect(rows.find((r) => r.name === 'facts')).toMatchObject({ browserMs: null, ratio: null, nativeMs: expect.any(Number) });
	}, 60_000);

	it('runs the same steps on DuckDB-WASM in Node, with the same measurement names', async () => {
		const notebook = benchNotebook(STARTER_NOTEBOOK);
		const run = await runWasmNodeBench({ files: [OCTOBER], notebook, repeat: 1, steps: BENCH_STEPS, log: () => {} });
		expect(run).toMatchObject({ engine: 'wasm-node', threads: 1, rows: 126_801 });
		expect(run.version).toMatch(/^DuckDB-WASM v\d/);
		expect(run.measurements.filter((m) => m.error).map((m) => `${m.name}: ${m.error}`)).toEqual([]);
		const names = run.measurements.map((m) => m.name);
		for (const q of notebook.queries) expect(names).toContain(`query: ${q.key}`);
		const rows = mergeSteps({ wasmNode: run });
		expect(rows.find((r) => r.name === 'facts')).toMatchObject({ nativeMs: null, wasmNodeMs: expect.any(Number), engineRatio: null });
	}, 120_000);
});

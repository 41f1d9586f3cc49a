// One benchmark run: the data (generated or reused), then the browser half and the native
// halves (1 thread, all cores), and with --wasm-node DuckDB-WASM's Node build, over the same
// files and the same notebook text, merged into one report.
import os from 'node:os';
import path from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { STARTER_NOTEBOOK } from '../../src/lib/app/starter-notebook';
import { dataFiles } from '../notebook/data-files';
import type { BenchArgs } from './bench-args';
import { benchNotebook } from './bench-notebook';
import { engineSummary, mergeSteps, type BenchReport } from './bench-report';
import { isReported, stepsToRun, type BenchStep } from './bench-step';
import { BENCH_STEPS } from './bench-steps';
import { benchData } from './bench-data';
import type { EngineRun } from './engine-run';
import { runBrowserBench } from './browser-bench';
import { finishMachineInfo, machineInfo } from './machine-info';
import { runNativeBench, runWasmNodeBench } from './native-bench';

export interface RunBenchOptions {
	/** The notebook to measure; by default the page's default notebook (the same export). */
	notebookText?: string;
	steps?: readonly BenchStep[];
	log?: (line: string) => void;
}

export async function runBench(args: BenchArgs, options: RunBenchOptions = {}): Promise<BenchReport> {
	const log = args.quiet ? () => {} : (options.log ?? console.log);
	const machine = machineInfo();
	const startedAt = new Date().toISOString();
	const data = args.data.length
		? { files: dataFiles(args.data), rows: null }
		: await benchData({ root: args.dataDir, scale: args.scale!, seed: args.seed, log }).then((d) => ({ files: d.files, rows: d.manifest.rows }));
	const notebook = benchNotebook(options.notebookText ?? (args.notebook ? readFileSync(args.notebook, 'utf8') : STARTER_NOTEBOOK));
	const all = options.steps ?? BENCH_STEPS;
	const steps = stepsToRun(all, args.only);
	// A step's measurements carry its name as their group (failures too).
	const reported = new Set(steps.filter((s) => isReported(s, args.only)).map((s) => s.name));
	const keep = (run: EngineRun | null) => run && { ...run, measurements: run.measurements.filter((m) => reported.has(m.group)) };
	const common = { files: data.files, notebook, repeat: args.repeat, steps, log };

	const browser = args.browser ? await runBrowserBench({ ...common, siteDir: args.site, jsFlags: args.jsFlags }) : null;
	const native = args.native ? await runNativeBench({ ...common, threads: 1 }) : null;
	const nativeAll = args.native ? await runNativeBench({ ...common, threads: os.availableParallelism() }) : null;
	const wasmNode = args.wasmNode ? await runWasmNodeBench(common) : null;

	return {
		scale: args.data.length ? null : args.scale,
		seed: args.data.length ? null : args.seed,
		rows: data.rows ?? native?.rows ?? browser?.rows ?? null,
		files: data.files.map((f) => ({ name: path.basename(f), bytes: statSync(f).size })),
		notebook: options.notebookText ? 'given text' : (args.notebook ?? 'default'),
		repeat: args.repeat,
		only: args.only,
		startedAt,
		finishedAt: new Date().toISOString(),
		machine: finishMachineInfo(machine),
		engines: [browser, native, nativeAll, wasmNode].filter((r): r is EngineRun => r !== null).map(engineSummary),
		steps: mergeSteps({ browser: keep(browser), native: keep(native), nativeAll: keep(nativeAll), wasmNode: keep(wasmNode) })
	};
}


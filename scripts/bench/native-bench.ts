// The Node halves: @duckdb/node-api on a file database in a temp dir, with `threads` threads,
// and DuckDB-WASM's Node build on one (the same wasm the page runs, without the page: what the
// engine alone costs), each running every step's native side in order; this process's memory
// is sampled meanwhile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CompanionDatabases } from '../../src/lib/data/companion-databases';
import type { SqlClient } from '../../src/lib/data/sql-client';
import { WasmTestClient } from '../../tests/unit/support/wasm-client';
import type { BenchOptions } from './browser-bench';
import type { Measurement, NativeRun } from './bench-step';
import type { EngineRun } from './engine-run';
import { NativeSqlClient } from './native-sql-client';
import { rssKiB } from './process-tree';
import { RssSampler } from './rss-sampler';

interface NodeEngine {
	engine: 'native' | 'wasm-node';
	threads: number;
	/** Progress-line prefix. */
	tag: string;
	open(file: string): Promise<{ client: SqlClient & CompanionDatabases; close(): void }>;
}

export function runNativeBench(options: BenchOptions & { threads: number }): Promise<EngineRun> {
	const { threads } = options;
	return runNodeEngine(options, {
		engine: 'native',
		threads,
		tag: `native (${threads} thread${threads > 1 ? 's' : ''})`,
		open: (file) => NativeSqlClient.open(file, { threads })
	});
}

export function runWasmNodeBench(options: BenchOptions): Promise<EngineRun> {
	return runNodeEngine(options, {
		engine: 'wasm-node',
		threads: 1,
		tag: 'DuckDB-WASM in Node',
		async open(file) {
			const client = await WasmTestClient.open([], file);
			return { client, close: () => client.close() };
		}
	});
}

async function runNodeEngine(options: BenchOptions, engine: NodeEngine): Promise<EngineRun> {
	const started = performance.now();
	const dir = mkdtempSync(path.join(tmpdir(), `cin-bench-${engine.engine}-`));
	const sampler = new RssSampler({
		read: () => {
			const kib = rssKiB(process.pid);
			return { rendererKiB: kib, totalKiB: kib };
		}
	});
	const file = path.join(dir, 'bench.duckdb');
	const { client, close } = await engine.open(file);
	const measurements: Measurement[] = [];
	const tag = engine.tag;
	let version = 'DuckDB';
	let rows: number | null = null;
	sampler.start();
	try {
		version = `${engine.engine === 'wasm-node' ? 'DuckDB-WASM ' : 'DuckDB '}${String((await client.query('SELECT version()')).rows[0][0])}`;
		const run: NativeRun = { ...options, threads: engine.threads, client, sampler, storeSteps: null, ingestFiles: [] };
		for (const step of options.steps) {
			if (!step.native) continue;
			options.log(`${tag}: ${step.name}…`);
			try {
				measurements.push(...(await step.native(run)));
			} catch (error) {
				measurements.push({ name: step.name, group: step.name, ms: null, error: (error as Error).message });
				options.log(`${tag}: ${step.name} failed: ${(error as Error).message}`);
				break;
			}
		}
		rows = run.ingestFiles.length ? run.ingestFiles.reduce((n, f) => n + f.rows, 0) : null;
	} finally {
		sampler.stop();
		close();
		rmSync(dir, { recursive: true, force: true });
	}
	return {
		engine: engine.engine,
		threads: engine.threads,
		version,
		measurements,
		rows,
		peakRssMiB: sampler.peakMiB(),
		peakTotalRssMiB: null,
		wallMs: Math.round(performance.now() - started)
	};
}

// The native half: @duckdb/node-api on a file database in a temp dir, with `threads` threads,
// running every step's native side in order; this process's memory is sampled meanwhile.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './browser-bench';
import type { Measurement, NativeRun } from './bench-step';
import type { EngineRun } from './engine-run';
import { NativeSqlClient } from './native-sql-client';
import { rssKiB } from './process-tree';
import { RssSampler } from './rss-sampler';

export async function runNativeBench(options: BenchOptions & { threads: number }): Promise<EngineRun> {
	const started = performance.now();
	const dir = mkdtempSync(path.join(tmpdir(), 'cin-bench-native-'));
	const sampler = new RssSampler({
		read: () => {
			const kib = rssKiB(process.pid);
			return { rendererKiB: kib, totalKiB: kib };
		}
	});
	const file = path.join(dir, 'bench.duckdb');
	const instance = await DuckDBInstance.create(file, { threads: String(options.threads) });
	const conn = await instance.connect();
	const client = new NativeSqlClient(conn, file);
	const measurements: Measurement[] = [];
	const tag = `native (${options.threads} thread${options.threads > 1 ? 's' : ''})`;
	let version = 'DuckDB';
	let rows: number | null = null;
	sampler.start();
	try {
		version = `DuckDB ${String((await client.query('SELECT version()')).rows[0][0])}`;
		const run: NativeRun = { ...options, conn, client, sampler, storeSteps: null, ingestFiles: [] };
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
		conn.closeSync();
		instance.closeSync();
		rmSync(dir, { recursive: true, force: true });
	}
	return {
		engine: 'native',
		threads: options.threads,
		version,
		measurements,
		rows,
		peakRssMiB: sampler.peakMiB(),
		peakTotalRssMiB: null,
		wallMs: Math.round(performance.now() - started)
	};
}

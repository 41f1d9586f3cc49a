import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { offlineDuckDB } from './scripts/offline-duckdb-plugin';
import { workersInManifest } from './scripts/worker-manifest-plugin';

export default defineConfig({
	plugins: [sveltekit(), offlineDuckDB(), workersInManifest()],
	worker: { format: 'es' },
	build: {
		// The DuckDB wasm (34 MB) is an asset loaded lazily; it is never inlined.
		assetsInlineLimit: 4096,
		chunkSizeWarningLimit: 1500
	},
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		// Starting a DuckDB-WASM engine (compiling 34 MB of wasm) takes 1-2 s alone and over 10 s
		// on a shared, loaded 2-core machine; a hook that opens one must not fail for that.
		hookTimeout: 60_000,
		// A fork per core. vitest's default leaves one core to its main process (so one fork on
		// a 2-core machine), but that process only collects results: the time goes to DuckDB in
		// the forks. Test files share no state (each opens its own engines and temp dirs).
		maxWorkers: availableParallelism(),
		// A fork runs its test files one after another in one module cache, instead of a fresh
		// one per file: the app's modules and DuckDB-WASM's 1.2 MB of glue load once per fork,
		// and V8 keeps the engine's compiled wasm from one file to the next. The suite took 234 s
		// with a cache per file on this 2-core machine and 140 s without. Test files share no
		// state (each opens its own engines and temp dirs); vi.mock still applies per file.
		isolate: false
	}
});

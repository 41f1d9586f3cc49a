import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { precacheUrls } from '../../../src/lib/offline/precache-urls';
import { supportsWasmExceptions, WASM_EXCEPTIONS_PROBE } from '../../../src/lib/offline/wasm-exceptions';

const require = createRequire(import.meta.url);

// The lists `$service-worker` gives a build served from /cin/, as Vite and SvelteKit name the files.
const site = {
	build: [
		'/cin/_app/immutable/entry/app.COQvHSrl.js',
		'/cin/_app/immutable/entry/start.DP_T3zor.js',
		'/cin/_app/immutable/chunks/C7m2HKTp.js',
		'/cin/_app/immutable/assets/0.w8YIX0Pn.css',
		'/cin/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js',
		'/cin/_app/immutable/assets/duckdb-browser-mvp.worker.C9hF7LGh.js',
		'/cin/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm',
		'/cin/_app/immutable/assets/duckdb-mvp.BP0pRkMH.wasm',
		'/cin/_app/immutable/assets/parquet_wasm_bg.BHq48xsW.wasm',
		'/cin/_app/immutable/assets/2019-Nov.csv.BhEt2Q17.gz',
		'/cin/_app/immutable/assets/2019-Oct.csv.DQCQjZpu.gz',
		'/cin/_app/immutable/workers/train.worker-neWg8A9y.js',
		'/cin/_app/immutable/chunks/C7m2HKTp.js'
	],
	files: ['/cin/favicon.svg', '/cin/manifest.webmanifest', '/cin/icons/icon-192.png'],
	prerendered: ['/cin/']
};

describe('what the service worker caches at install', () => {
	it('keeps the page, the scripts and styles, the engine this browser runs, parquet-wasm, the trainer and the static files, each once', () => {
		expect(precacheUrls(site, { wasmExceptions: true })).toEqual([
			'/cin/',
			'/cin/_app/immutable/entry/app.COQvHSrl.js',
			'/cin/_app/immutable/entry/start.DP_T3zor.js',
			'/cin/_app/immutable/chunks/C7m2HKTp.js',
			'/cin/_app/immutable/assets/0.w8YIX0Pn.css',
			'/cin/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js',
			'/cin/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm',
			'/cin/_app/immutable/assets/parquet_wasm_bg.BHq48xsW.wasm',
			'/cin/_app/immutable/workers/train.worker-neWg8A9y.js',
			'/cin/favicon.svg',
			'/cin/manifest.webmanifest',
			'/cin/icons/icon-192.png'
		]);
	});

	it('keeps the mvp engine instead where wasm exceptions are missing, and never the sample CSV', () => {
		const urls = precacheUrls(site, { wasmExceptions: false });
		expect(urls.filter((u) => u.includes('duckdb'))).toEqual([
			'/cin/_app/immutable/assets/duckdb-browser-mvp.worker.C9hF7LGh.js',
			'/cin/_app/immutable/assets/duckdb-mvp.BP0pRkMH.wasm'
		]);
		expect(urls.filter((u) => u.includes('.csv'))).toEqual([]);
		expect(urls).toContain('/cin/_app/immutable/assets/parquet_wasm_bg.BHq48xsW.wasm');
	});
});

describe('the wasm exceptions check', () => {
	it('is the one DuckDB-WASM makes to choose its eh build', () => {
		// The package's browser bundle validates this module (one function with a try block).
		const bundle = readFileSync(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser.mjs'), 'utf8');
		const probes = [...bundle.matchAll(/WebAssembly\.validate\(new Uint8Array\(\[([\d,]+)\]\)\)/g)].map((m) => m[1]);
		expect(probes).toContain(WASM_EXCEPTIONS_PROBE.join(','));
		// 6 = try, 25 = catch_all: the probe is the exceptions one, not SIMD's or bulk memory's.
		expect(WASM_EXCEPTIONS_PROBE.subarray(-6)).toEqual(new Uint8Array([0, 6, 64, 25, 11, 11]));
	});

	it('agrees with DuckDB-WASM on this engine (Node runs wasm exceptions)', async () => {
		const duckdb = await import('@duckdb/duckdb-wasm');
		expect(supportsWasmExceptions()).toBe((await duckdb.getPlatformFeatures()).wasmExceptions);
		expect(supportsWasmExceptions()).toBe(true);
	});
});

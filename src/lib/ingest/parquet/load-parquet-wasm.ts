// parquet-wasm, initialised once per JS realm (page or worker) and only when a Parquet file is
// actually read or written: its wasm is 4.9 MB (1.6 MB gzip), too much for the first page.
//
// The `esm` build is used everywhere (browser and Node tests) so both run the same glue code.
// Its default init would fetch `new URL('parquet_wasm_bg.wasm', import.meta.url)`; we pass the
// wasm explicitly instead: in the browser a same-origin asset URL from Vite's `?url` import (the
// site must never load anything from another host), in Node the bytes of the installed file.
import type * as ParquetWasmModule from 'parquet-wasm/esm';

export type ParquetWasm = typeof ParquetWasmModule;

let loading: Promise<ParquetWasm> | undefined;

/** The initialised parquet-wasm module; the first call downloads and compiles the wasm. */
export function loadParquetWasm(): Promise<ParquetWasm> {
	loading ??= init().catch((error: unknown) => {
		// A failed download (offline, server hiccup) must not poison every later attempt.
		loading = undefined;
		throw error;
	});
	return loading;
}

async function init(): Promise<ParquetWasm> {
	const parquet = await import('parquet-wasm/esm');
	// `import.meta.env.SSR` is a compile-time constant: the browser bundle keeps only the URL
	// branch, so no `node:` import reaches it (and no Node code runs in a page or worker).
	if (import.meta.env.SSR) {
		const { readFile } = await import('node:fs/promises');
		const { createRequire } = await import('node:module');
		const wasmPath = createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
		await parquet.default({ module_or_path: await readFile(wasmPath) });
	} else {
		const { default: wasmUrl } = await import('parquet-wasm/esm/parquet_wasm_bg.wasm?url');
		await parquet.default({ module_or_path: wasmUrl });
	}
	return parquet;
}

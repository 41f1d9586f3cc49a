// Starting DuckDB-WASM's worker so that Chrome can keep the engine's compiled code between
// visits. Chrome stores a wasm module's compiled (and later optimised) functions beside its
// HTTP cache entry, but only for a module streamed straight from a fetch Response. The
// package's worker re-wraps the Response in a TransformStream to report download progress,
// which loses that: every session compiled the 34 MB module afresh and V8 re-optimised its hot
// functions during the first queries, on the same cores as the queries (on the sample, the
// first forced run after a reload: 4.7 s, against 1.9 s from the cached code). So the worker
// runs with TransformStream hidden (the package uses it for nothing else: two occurrences,
// both in instantiation), and the download progress is reported here instead, from a fetch
// into the HTTP cache that the worker's own fetch then reads.

export interface WasmProgress {
	loaded: number;
	total: number;
}

const wrappers = new Map<string, string>();

/** A worker running the package's classic worker script, with its streaming compile unwrapped. */
export function startEngineWorker(workerUrl: string): Worker {
	let wrapper = wrappers.get(workerUrl);
	if (wrapper === undefined) {
		// A blob has the page's origin: the script it imports is the same-origin asset.
		const script = new URL(workerUrl, location.href).href;
		const source = `self.TransformStream = undefined;\nimportScripts(${JSON.stringify(script)});\n`;
		wrapper = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
		wrappers.set(workerUrl, wrapper); // kept: a restarted engine starts from it again
	}
	return new Worker(wrapper);
}

/**
 * Puts the wasm in the HTTP cache, reporting the download; nothing to download (and no
 * progress) when it is cached already. Errors are left to the worker's own fetch to report.
 */
export async function prefetchWasm(wasmUrl: string, onProgress: (p: WasmProgress) => void): Promise<void> {
	try {
		const cached = await fetch(wasmUrl, { cache: 'only-if-cached', mode: 'same-origin' });
		if (cached.ok) {
			await cached.body?.cancel();
			return;
		}
	} catch {
		// Not cached (or the browser does not support only-if-cached): download it.
	}
	try {
		const response = await fetch(wasmUrl);
		if (!response.ok || !response.body) return;
		const total = Number(response.headers.get('content-length')) || 0;
		const reader = response.body.getReader();
		let loaded = 0;
		let shown = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			loaded += value.byteLength;
			// About a hundred updates for the whole download, not one per network chunk.
			if (total === 0 || loaded - shown >= total / 100) {
				onProgress({ loaded, total });
				shown = loaded;
			}
		}
		onProgress({ loaded, total: total || loaded });
	} catch {
		// The worker fetches it again and reports what went wrong.
	}
}

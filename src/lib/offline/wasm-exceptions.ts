// Whether this browser runs wasm with exception handling: what DuckDB-WASM checks to choose its
// `eh` build over `mvp` (`getPlatformFeatures().wasmExceptions`). The service worker needs the
// same answer to cache the build the page will load, without bundling the whole package: these
// are the bytes of the package's own check (a module with a `try` block), tested to stay so.

export const WASM_EXCEPTIONS_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);

export function supportsWasmExceptions(): boolean {
	try {
		return typeof WebAssembly === 'object' && WebAssembly.validate(WASM_EXCEPTIONS_PROBE);
	} catch {
		return false;
	}
}

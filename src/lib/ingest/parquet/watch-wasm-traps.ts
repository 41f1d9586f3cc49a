// parquet-wasm runs its async Rust code in microtasks (wasm-bindgen-futures → the global
// `queueMicrotask`). A Rust panic there — parquet-wasm 0.8 `unwrap()`s decoding errors inside
// its stream, so a damaged data page panics — is thrown out of the microtask as an uncaught
// `RuntimeError: unreachable`, and the promise we await never settles: the ingest would hang
// forever (measured: a corrupted page, then nothing). While a watch is open, `queueMicrotask` is
// wrapped so that such a trap rejects the watched promises instead; other errors pass as before.

type Listener = (error: Error) => void;

const listeners = new Set<Listener>();
let installed: { native: typeof queueMicrotask; wrapper: typeof queueMicrotask } | null = null;

export interface WasmTrapWatch {
	/** `promise`, or a rejection with the trap if the wasm traps first (or already did). */
	race<T>(promise: Promise<T>): Promise<T>;
	/** The trap, once one happened during the watch. */
	readonly trap: Error | null;
	close(): void;
}

/** Watches for wasm traps in microtasks until `close()`; watches may overlap. */
export function watchWasmTraps(): WasmTrapWatch {
	let trap: Error | null = null;
	let fail: Listener = () => {};
	const trapped = new Promise<never>((_, reject) => (fail = reject));
	trapped.catch(() => {}); // observed through race(); never an unhandled rejection itself
	const listener: Listener = (error) => {
		trap ??= error;
		fail(error);
	};
	listeners.add(listener);
	install();
	return {
		race: (promise) => Promise.race([promise, trapped]),
		get trap() {
			return trap;
		},
		close() {
			listeners.delete(listener);
			if (listeners.size === 0) uninstall();
		}
	};
}

function install(): void {
	if (installed) return;
	const native = globalThis.queueMicrotask;
	const wrapper: typeof queueMicrotask = (callback) =>
		native(() => {
			try {
				callback();
			} catch (error) {
				if (error instanceof WebAssembly.RuntimeError && listeners.size > 0) {
					for (const listener of [...listeners]) listener(error);
					return;
				}
				throw error;
			}
		});
	globalThis.queueMicrotask = wrapper;
	installed = { native, wrapper };
}

function uninstall(): void {
	// Restore only if nobody wrapped it after us; otherwise leave their wrapper (ours is inert
	// without listeners).
	if (installed && globalThis.queueMicrotask === installed.wrapper) globalThis.queueMicrotask = installed.native;
	installed = null;
}

// What the engine reports about itself: facts only. The words shown for them are in
// engine-messages.

/** Why the engine was restarted. */
export type RestartReason =
	/** restart() called without a reason */
	| 'requested'
	/** a cancelled query did not stop in time, so the worker was terminated */
	| 'cancel-timeout'
	/** the worker died */
	| 'crash';

export interface EngineTimings {
	/** The wasm fetched and compiled. */
	wasmMs: number;
	/** The database opened. */
	openMs: number;
	/** Companions attached again and the set-up statements run. */
	setupMs: number;
}

export interface EngineStatus {
	phase: 'loading' | 'ready' | 'restarting' | 'failed';
	/** Bytes of the wasm downloaded so far / in total, while loading. */
	loaded?: number;
	total?: number;
	/** Whether tables persist across reloads (OPFS) or live only in memory. */
	persistent: boolean;
	/** While restarting: why. */
	restartReason?: RestartReason;
	/** When failed: what stopped the engine from starting. */
	error?: unknown;
	/** Words for the page. The engine never sets it: engineStatusMessage words its facts, and
	 *  others may report a status of their own (another tab holding the database, say). */
	message?: string;
	/** Once ready: where the start-up time went. */
	timings?: EngineTimings;
}

// DuckDB-WASM does not make the WAL durable in OPFS: what is not checkpointed is lost when the
// tab closes. Cell tables are a cache (the notebook text is saved on every edit), so the
// CHECKPOINT is deferred a moment and shared by bursts of runs instead of making every input
// change wait for a flush to OPFS; it is forced before a dataset closes. It never starts in the
// middle of a run, whose next cells would queue behind it in the engine: that run's end arms
// the timer again (every run ends with `wrote()`).

export interface DeferredCheckpointOptions {
	delayMs: number;
	/** Whether a run is in progress now (the timer then waits for the run's own `wrote()`). */
	busy: () => boolean;
	/** Makes every write so far durable (CHECKPOINT) and does whatever follows it. */
	flush: () => Promise<void>;
	onPending?: (pending: boolean) => void;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (timer: unknown) => void;
}

export class DeferredCheckpoint {
	readonly #options: DeferredCheckpointOptions;
	#timer: unknown = null;
	/** How many times tables were written: a flush covers those before it started. */
	#writes = 0;
	#pending = false;

	constructor(options: DeferredCheckpointOptions) {
		this.#options = options;
	}

	/** Tables were written and are not yet durable. */
	get pending(): boolean {
		return this.#pending;
	}

	/** Records a write and (re)arms the timer. */
	wrote(): void {
		this.#disarm();
		this.#writes++;
		this.#setPending(true);
		const { setTimer = (run, ms) => setTimeout(run, ms) } = this.#options;
		this.#timer = setTimer(() => {
			this.#timer = null;
			if (!this.#options.busy()) void this.flush();
		}, this.#options.delayMs);
	}

	/** Makes the writes so far durable now (if any are pending). */
	async flush(): Promise<void> {
		this.#disarm();
		if (!this.#pending) return;
		const writes = this.#writes;
		await this.#options.flush();
		// Writes made while this one ran (a cell run during the flush) stay pending, with the
		// timer they armed: cleared here, their checkpoint would be skipped and a reload lose them.
		if (this.#writes === writes) this.#setPending(false);
	}

	/** Forgets pending writes without flushing (their database is gone). */
	reset(): void {
		this.#disarm();
		this.#setPending(false);
	}

	#disarm(): void {
		if (this.#timer === null) return;
		const { clearTimer = (t) => clearTimeout(t as ReturnType<typeof setTimeout>) } = this.#options;
		clearTimer(this.#timer);
		this.#timer = null;
	}

	#setPending(pending: boolean): void {
		if (this.#pending === pending) return;
		this.#pending = pending;
		this.#options.onPending?.(pending);
	}
}

// Writes that reach their target one task later, the latest value per key. The notebook passes
// the scheduler's cell states to the page through it: when a cell finishes, the scheduler sends
// the next cell's query to DuckDB's worker in the same task (microtasks only), and only then
// does the page render the finished cell's result. The worker runs the next query while the
// page renders, instead of waiting for it: a run of small cells costs max(query, render) per
// cell, not their sum.
export type ScheduleTask = (run: () => void) => void;

const nextTask: ScheduleTask = (run) => setTimeout(run, 0);

export class DeferredWrites<K, V> {
	#pending = new Map<K, V>();
	#scheduled = false;
	#waiters: (() => void)[] = [];
	#apply: (key: K, value: V) => void;
	#schedule: ScheduleTask;

	constructor(apply: (key: K, value: V) => void, schedule: ScheduleTask = nextTask) {
		this.#apply = apply;
		this.#schedule = schedule;
	}

	set(key: K, value: V): void {
		this.#pending.set(key, value);
		if (this.#scheduled) return;
		this.#scheduled = true;
		this.#schedule(() => this.flush());
	}

	/** Withdraws every pending write. */
	clear(): void {
		this.#pending.clear();
	}

	/** Applies the pending writes now, in the order their keys were first written. */
	flush(): void {
		this.#scheduled = false;
		const pending = this.#pending;
		this.#pending = new Map();
		for (const [key, value] of pending) this.#apply(key, value);
		const waiters = this.#waiters;
		this.#waiters = [];
		for (const resolve of waiters) resolve();
	}

	/** Resolves once every write made so far has been applied (or withdrawn). */
	settled(): Promise<void> {
		if (!this.#scheduled) return Promise.resolve();
		return new Promise((resolve) => this.#waiters.push(resolve));
	}
}

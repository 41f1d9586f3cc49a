import { idleState, type CellData, type CellId, type CellRuntimeState } from './cell';
import type { CellSyntaxes } from './cell-syntax';
import { buildGraph, descendants, topologicalOrder, type NotebookGraph } from './graph';

export type RunCell<Output> = (
	cell: CellData,
	ctx: { signal: AbortSignal; version: number; force: boolean }
) => Promise<Output>;

export interface SchedulerOptions<Output> {
	run: RunCell<Output>;
	/** The kinds cells may have: what each reads and defines makes the graph. */
	kinds: CellSyntaxes;
	onChange?: (id: CellId, state: CellRuntimeState<Output>) => void;
	now?: () => number;
}

interface Running {
	id: CellId;
	version: number;
	controller: AbortController;
}

const defaultNow = () => (globalThis.performance ? globalThis.performance.now() : Date.now());

/**
 * Runs cells one at a time (DuckDB-WASM has one connection) from a single queue kept in
 * topological order. Every run of a cell bumps its version; a result whose version is no longer
 * the cell's current one is dropped. A run whose signal is aborted must still settle, and soon:
 * the next cell waits for it, so that only one query is ever in flight.
 */
export class Scheduler<Output = unknown> {
	private readonly runCell: RunCell<Output>;
	private readonly onChange: (id: CellId, state: CellRuntimeState<Output>) => void;
	private readonly now: () => number;
	private readonly kinds: CellSyntaxes;
	private cells = new Map<CellId, CellData>();
	private currentGraph: NotebookGraph = buildGraph([], new Map());
	private readonly states = new Map<CellId, CellRuntimeState<Output>>();
	private readonly versions = new Map<CellId, number>();
	private queue: CellId[] = [];
	private readonly forced = new Set<CellId>();
	private running: Running | null = null;
	private pumping = false;
	private waiters: (() => void)[] = [];

	constructor(opts: SchedulerOptions<Output>) {
		this.runCell = opts.run;
		this.onChange = opts.onChange ?? (() => {});
		this.now = opts.now ?? defaultNow;
		this.kinds = opts.kinds;
	}

	get graph(): NotebookGraph {
		return this.currentGraph;
	}

	/** Replaces the document and rebuilds the graph; runs nothing. */
	setCells(cells: readonly CellData[]): void {
		this.cells = new Map(cells.map((c) => [c.id, c]));
		this.currentGraph = buildGraph(cells, this.kinds);
		for (const id of [...this.states.keys()]) {
			if (this.cells.has(id)) continue;
			this.states.delete(id);
			this.versions.delete(id);
			this.forced.delete(id);
		}
		if (this.running && !this.cells.has(this.running.id)) this.running.controller.abort();
		this.queue = topologicalOrder(this.currentGraph, this.queue.filter((id) => this.cells.has(id)));
	}

	state(id: CellId): CellRuntimeState<Output> {
		return this.states.get(id) ?? idleState<Output>();
	}

	/**
	 * Shows outputs kept from an earlier session (as 'done') on cells that have not run in this
	 * one; a cell that is queued, running or finished keeps its own state.
	 */
	restore(outputs: ReadonlyMap<CellId, Output>): void {
		for (const [id, output] of outputs) {
			if (!this.cells.has(id) || this.state(id).status !== 'idle') continue;
			this.setState(id, { ...idleState<Output>(), status: 'done', version: this.versions.get(id) ?? 0, output });
		}
	}

	/** Forgets every cell's state (another dataset was opened); what runs or waits is cancelled. */
	reset(): void {
		this.cancel();
		for (const id of [...this.states.keys()]) this.setState(id, { ...idleState<Output>(), version: this.versions.get(id) ?? 0 });
		this.states.clear();
	}

	/** Runs these cells and all their descendants; resolves when nothing is queued or running. */
	run(ids: Iterable<CellId>, opts: { force?: boolean } = {}): Promise<void> {
		const plan = descendants(this.currentGraph, ids);
		for (const id of plan) {
			const version = this.bump(id);
			if (opts.force) this.forced.add(id);
			const previous = this.state(id);
			this.setState(id, { ...previous, status: 'queued', version, error: null });
		}
		if (this.running && plan.includes(this.running.id)) this.running.controller.abort();
		this.queue = topologicalOrder(this.currentGraph, new Set([...this.queue, ...plan]));
		void this.pump();
		return this.idle();
	}

	runAll(opts: { force?: boolean } = {}): Promise<void> {
		return this.run(this.currentGraph.order, opts);
	}

	/**
	 * Aborts the running cell (or, without an id, everything): cancelled cells end in 'error'
	 * "cancelled" and their queued descendants in 'upstream-error'.
	 */
	cancel(id?: CellId): void {
		const failed = new Map<CellId, string>();
		const cancelled = (target: CellId) => id === undefined || id === target;
		if (this.running && cancelled(this.running.id)) {
			const target = this.running.id;
			this.bump(target);
			this.running.controller.abort();
			this.fail(target, { message: 'cancelled' });
			failed.set(target, this.nameOf(target));
		}
		const kept: CellId[] = [];
		for (const queued of this.queue) {
			const upstream = [...(this.currentGraph.dependencies.get(queued) ?? [])].find((dep) => failed.has(dep));
			if (upstream !== undefined) {
				failed.set(queued, failed.get(upstream)!);
				this.fail(queued, { message: `upstream error in \`${failed.get(upstream)}\`` }, 'upstream-error');
			} else if (cancelled(queued)) {
				failed.set(queued, this.nameOf(queued));
				this.fail(queued, { message: 'cancelled' });
			} else {
				kept.push(queued);
			}
		}
		this.queue = kept;
	}

	/** Whether a cell is queued or running. */
	get busy(): boolean {
		return this.pumping || this.queue.length > 0;
	}

	/** Resolves when nothing is queued or running. */
	idle(): Promise<void> {
		if (!this.pumping && this.queue.length === 0) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	private async pump(): Promise<void> {
		if (this.pumping) return;
		this.pumping = true;
		try {
			while (this.queue.length > 0) await this.step(this.queue.shift()!);
		} finally {
			this.pumping = false;
			const waiters = this.waiters;
			this.waiters = [];
			for (const resolve of waiters) resolve();
		}
	}

	private async step(id: CellId): Promise<void> {
		const cell = this.cells.get(id);
		if (cell === undefined) return;
		const version = this.versions.get(id) ?? 0;
		const structural = this.currentGraph.errors.get(id);
		if (structural !== undefined) return this.fail(id, { message: structural });
		const upstream = this.failedDependency(id);
		if (upstream !== null) return this.fail(id, { message: upstream }, 'upstream-error');
		const controller = new AbortController();
		const force = this.forced.delete(id);
		this.running = { id, version, controller };
		const startedAt = this.now();
		this.setState(id, { ...this.state(id), status: 'running', startedAt, durationMs: null, error: null });
		const current = () => this.versions.get(id) === version && this.cells.has(id);
		try {
			const output = await new Promise<Output>((resolve) =>
				resolve(this.runCell(cell, { signal: controller.signal, version, force }))
			);
			if (current()) {
				this.setState(id, { status: 'done', version, startedAt, durationMs: this.now() - startedAt, error: null, output });
			}
		} catch (e) {
			if (current()) this.fail(id, errorOf(e), 'error', startedAt);
		} finally {
			this.running = null;
		}
	}

	/** The message for a cell whose dependency failed, naming the cell where the failure started. */
	private failedDependency(id: CellId): string | null {
		const deps = this.currentGraph.order.filter((dep) => this.currentGraph.dependencies.get(id)?.has(dep));
		for (const dep of deps) {
			const state = this.state(dep);
			if (state.status === 'upstream-error' && state.error) return state.error.message;
			if (state.status === 'error') return `upstream error in \`${this.nameOf(dep)}\``;
		}
		return null;
	}

	private fail(
		id: CellId,
		error: { message: string; sql?: string },
		status: 'error' | 'upstream-error' = 'error',
		startedAt: number | null = null
	): void {
		const version = this.versions.get(id) ?? 0;
		const durationMs = startedAt === null ? null : this.now() - startedAt;
		this.setState(id, { status, version, startedAt, durationMs, error, output: null });
	}

	private bump(id: CellId): number {
		const version = (this.versions.get(id) ?? 0) + 1;
		this.versions.set(id, version);
		return version;
	}

	private nameOf(id: CellId): string {
		return this.cells.get(id)?.name ?? `cell ${this.currentGraph.order.indexOf(id) + 1}`;
	}

	private setState(id: CellId, state: CellRuntimeState<Output>): void {
		if (!this.cells.has(id)) return;
		this.states.set(id, state);
		this.onChange(id, state);
	}
}

function errorOf(e: unknown): { message: string; sql?: string } {
	const message = e instanceof Error ? e.message : String(e);
	const sql = typeof e === 'object' && e !== null && 'sql' in e && typeof e.sql === 'string' ? e.sql : undefined;
	return sql === undefined ? { message } : { message, sql };
}

// The notebook without a page: the document, its dependency graph and scheduler, the SQL client
// of the open dataset, the cell-table cache, what an earlier session showed, and when cell tables
// are made durable. Framework-free: the Svelte session mirrors its state for the page, tests and
// headless runs drive it directly. Each cell kind's rules live in its module (kinds/), so nothing
// here names a kind. docs/architecture.md walks through a cell edit in this file.
import {
	Scheduler,
	isValidCellName,
	newCellId,
	withCells,
	type CellData,
	type CellId,
	type CellRuntimeState,
	type NotebookDocument,
	type NotebookGraph
} from '../notebook';
import type { SqlClient } from '../data/sql-client';
import type { CellOutput } from './cell-output';
import type { CellProgress } from './kinds/cell-kind';
import { DeferredCheckpoint } from './deferred-checkpoint';
import { memoFingerprints } from './fingerprint';
import { withInputValue } from './kinds/input-kind';
import { DEFAULT_KINDS, type CellKinds } from './kinds/registry';
import { isOutputSnapshot, matchSnapshot, takeSnapshot, type OutputSnapshot } from './output-snapshot';
import { ResultsCache } from './results-cache';
import { reusableCells, type ShownOutput } from './reusable-cells';

export type CellState = CellRuntimeState<CellOutput>;

/**
 * Whose outputs a snapshot holds: one notebook's on one dataset. Each notebook of the library
 * keeps its own, so switching notebooks shows the one switched to's outputs, never the last one's.
 */
export interface SnapshotKey {
	datasetId: string;
	notebookId: string;
}

/** Where output snapshots are kept (IndexedDB in the browser): read before the engine starts. */
export interface SnapshotStore {
	load(key: SnapshotKey): Promise<unknown>;
	save(key: SnapshotKey, snapshot: OutputSnapshot): Promise<void>;
}

export interface RuntimeListener {
	/** A cell's run state changed (called from within the scheduler, synchronously). */
	cellState?(id: CellId, state: CellState): void;
	/** The document changed: an edit, a run that marked cells unedited, an import. */
	document?(doc: NotebookDocument, edited: ReadonlySet<CellId>): void;
	/** Whether cell tables were written and are not yet durable. */
	pendingCheckpoint?(pending: boolean): void;
	/** A checkpoint ran: the tables the database lists may have changed. */
	checkpointed?(): void;
	/** How far a long run has got (a model training); null when the run ends. */
	cellProgress?(id: CellId, progress: CellProgress | null): void;
	/** Something failed that no cell shows (a checkpoint, saving a snapshot). */
	warn?(message: string, error: unknown): void;
}

export interface RuntimeOptions {
	kinds?: CellKinds;
	snapshots?: SnapshotStore;
	listener?: RuntimeListener;
	/** How long after the last write cell tables are checkpointed (see deferred-checkpoint.ts). */
	checkpointDelayMs?: number;
	/** Which notebook the document is (its snapshots are its own); see `open`. */
	notebookId?: string;
}

/** The open dataset: the fingerprints of cells reading its tables include `epoch`. */
export interface AttachedData {
	datasetId: string | null;
	epoch: string;
}

export const CHECKPOINT_DELAY_MS = 1000;

export class NotebookRuntime {
	readonly kinds: CellKinds;
	readonly scheduler: Scheduler<CellOutput>;
	#doc: NotebookDocument;
	#edited: ReadonlySet<CellId> = new Set();
	#client: SqlClient | null = null;
	#cache: ResultsCache | null = null;
	#data: AttachedData = { datasetId: null, epoch: '' };
	readonly #listener: RuntimeListener;
	readonly #snapshots: SnapshotStore | null;
	readonly #checkpoint: DeferredCheckpoint;
	/** The fingerprint each cell's current output was produced with (what a snapshot keys on). */
	readonly #ranWith = new Map<CellId, string>();
	readonly #fingerprints = memoFingerprints();
	/** While a reopened notebook first runs: the outputs the last session showed, by fingerprint. */
	#shownBefore: ReadonlyMap<string, CellOutput> | null = null;
	#snapshot: { key: SnapshotKey; snapshot: Promise<OutputSnapshot | null> } | null = null;
	#notebookId: string;
	/** Counts `open`s: an attach that began on a document no longer open stops at its next step. */
	#generation = 0;

	constructor(doc: NotebookDocument, options: RuntimeOptions = {}) {
		this.kinds = options.kinds ?? DEFAULT_KINDS;
		this.#notebookId = options.notebookId ?? 'notebook';
		this.#listener = options.listener ?? {};
		this.#snapshots = options.snapshots ?? null;
		this.#doc = doc;
		this.scheduler = new Scheduler<CellOutput>({
			kinds: this.kinds,
			run: (cell, ctx) => this.#runCell(cell, ctx.signal, ctx.force),
			onChange: (id, state) => this.#listener.cellState?.(id, state)
		});
		this.scheduler.setCells(doc.cells);
		this.#checkpoint = new DeferredCheckpoint({
			delayMs: options.checkpointDelayMs ?? CHECKPOINT_DELAY_MS,
			busy: () => this.scheduler.busy,
			flush: () => this.#flush(),
			onPending: (pending) => this.#listener.pendingCheckpoint?.(pending)
		});
	}

	get doc(): NotebookDocument {
		return this.#doc;
	}

	/** Which notebook of the library the document is. */
	get notebookId(): string {
		return this.#notebookId;
	}

	get cells(): readonly CellData[] {
		return this.#doc.cells;
	}

	get graph(): NotebookGraph {
		return this.scheduler.graph;
	}

	/** Cells whose text changed since their last run. */
	get edited(): ReadonlySet<CellId> {
		return this.#edited;
	}

	get client(): SqlClient | null {
		return this.#client;
	}

	/** Whether a cell is queued or running. */
	get busy(): boolean {
		return this.scheduler.busy;
	}

	/** Cell tables were written and are not yet checkpointed. */
	get pendingCheckpoint(): boolean {
		return this.#checkpoint.pending;
	}

	state(id: CellId): CellState {
		return this.scheduler.state(id);
	}

	cell(id: CellId): CellData | undefined {
		return this.cells.find((c) => c.id === id);
	}

	byName(name: string): CellData | undefined {
		const key = name.toLowerCase();
		return this.cells.find((c) => c.name?.toLowerCase() === key);
	}

	/** The cell's fingerprint now (its text, what it reads, the data). */
	fingerprint(id: CellId): string {
		return this.#fingerprints(this.cells, this.graph, this.#data.epoch).get(id) ?? '';
	}

	// ---- the document ---------------------------------------------------------------------

	/**
	 * Replaces the document (another notebook of the library, or the same one reopened): what
	 * runs stops, states go. Nothing runs; `switchTo` also brings the new one up to date.
	 */
	open(doc: NotebookDocument, notebookId = this.#notebookId): void {
		this.scheduler.cancel();
		this.scheduler.reset();
		this.#ranWith.clear();
		this.#generation++;
		if (notebookId !== this.#notebookId) this.#snapshot = null;
		this.#notebookId = notebookId;
		this.#doc = doc;
		this.scheduler.setCells(doc.cells);
		this.#setDocument(doc, new Set());
	}

	/** Sets the notebook's title (its front matter); nothing runs. */
	setTitle(title: string): void {
		if (title !== this.#doc.title) this.#setDocument({ ...this.#doc, title }, this.#edited);
	}

	/** Edits a cell's text; nothing runs until `run`. */
	edit(id: CellId, source: string): void {
		this.#update(
			this.cells.map((c) => (c.id === id ? { ...c, source } : c)),
			new Set(this.#edited).add(id)
		);
	}

	/** Renames a cell and runs it; its old table goes. Returns a problem with the name, or null. */
	async rename(id: CellId, name: string): Promise<string | null> {
		const trimmed = name.trim();
		const cell = this.cell(id);
		if (!cell || (cell.name ?? '') === trimmed) return null;
		if (trimmed && !isValidCellName(trimmed)) {
			return `"${trimmed}" is not a valid cell name: use letters, digits and _, starting with a letter or _.`;
		}
		const written = this.#kind(cell).writes(cell);
		this.#update(this.cells.map((c) => (c.id === id ? { ...c, name: trimmed || null } : c)));
		await this.#dropTables(written);
		await this.run(id);
		return null;
	}

	/** Adds a cell of `kind` (its template as source) at `index`; returns its id. */
	add(kind: string, index: number): CellId {
		const cell: CellData = { id: newCellId(), kind, name: null, source: this.#kindOf(kind).template, attrs: {} };
		const cells = [...this.cells];
		cells.splice(index, 0, cell);
		this.#update(cells);
		return cell.id;
	}

	/** Puts a cell back as it was (the undo of a delete) at `index`; nothing runs until `run`. */
	insert(cell: CellData, index: number): void {
		if (this.cell(cell.id)) throw new Error(`cell ${cell.id} is already in the notebook`);
		const cells = [...this.cells];
		cells.splice(Math.max(0, Math.min(index, cells.length)), 0, cell);
		this.#update(cells);
	}

	/** Deletes a cell and its tables; dependants run again, so they say what they now miss. */
	async remove(id: CellId): Promise<void> {
		const cell = this.cell(id);
		if (!cell) return;
		const dependents = [...(this.graph.dependents.get(id) ?? [])];
		this.scheduler.cancel(id);
		this.#update(this.cells.filter((c) => c.id !== id));
		await this.#dropTables(this.#kind(cell).writes(cell));
		if (dependents.length) await this.#schedule(() => this.scheduler.run(dependents, { force: true }));
	}

	move(id: CellId, delta: -1 | 1): void {
		const i = this.cells.findIndex((c) => c.id === id);
		const j = i + delta;
		if (i < 0 || j < 0 || j >= this.cells.length) return;
		const cells = [...this.cells];
		[cells[i], cells[j]] = [cells[j], cells[i]];
		this.#update(cells);
	}

	/** Sets (or with `undefined`, removes) a fence attribute, e.g. collapsed="true". */
	setAttribute(id: CellId, key: string, value: string | undefined): void {
		this.#update(
			this.cells.map((c) => {
				if (c.id !== id) return c;
				const { [key]: _, ...rest } = c.attrs;
				return { ...c, attrs: value === undefined ? rest : { ...rest, [key]: value } };
			})
		);
	}

	/** Sets an input's value (kept in its spec) and runs the cells that read it. */
	async setInput(id: CellId, value: number | string): Promise<void> {
		const cell = this.cell(id);
		const source = cell?.kind === 'input' ? withInputValue(cell.source, value) : null;
		if (source === null) return;
		this.#update(this.cells.map((c) => (c.id === id ? { ...c, source } : c)));
		await this.run(id);
	}

	// ---- running ----------------------------------------------------------------------------

	/** Runs a cell (even if its saved result is current) and everything downstream of it. */
	run(id: CellId): Promise<void> {
		return this.runCells([id]);
	}

	/**
	 * Runs these cells (a section of the notebook, say) even if their saved results are current,
	 * and everything downstream of them, each once, in dependency order. Ids no longer in the
	 * notebook (deleted meanwhile) are skipped.
	 */
	async runCells(ids: readonly CellId[]): Promise<void> {
		const targets = new Set(ids.filter((id) => this.cell(id) !== undefined));
		this.#markRun(new Set([...this.#edited].filter((e) => !targets.has(e))));
		await this.#schedule(() => this.scheduler.run(targets, { force: true }));
	}

	/** Runs every cell; without `force`, a cell whose saved result is current shows it instead. */
	async runAll(force = true): Promise<void> {
		this.#markRun(new Set());
		await this.#schedule(() => this.scheduler.runAll({ force }));
	}

	/** Stops a running or queued cell (without an id: everything). */
	cancel(id?: CellId): void {
		this.scheduler.cancel(id);
	}

	/**
	 * Switches to another notebook: the current one's runs stop and its tables and snapshot are
	 * kept first (under its own id), then the new one shows its own snapshot and, with a dataset
	 * open, runs what its saved tables do not hold (as after a reload).
	 */
	async switchTo(doc: NotebookDocument, notebookId: string): Promise<void> {
		this.scheduler.cancel();
		await this.scheduler.idle();
		await this.flushCheckpoint();
		this.open(doc, notebookId);
		const client = this.#client;
		const datasetId = this.#data.datasetId;
		if (client) await this.attach(client, { datasetId, epoch: null });
	}

	// ---- the open dataset --------------------------------------------------------------------

	/**
	 * A dataset is open on `client`: cells whose output on screen (or in the last session's
	 * snapshot) the database confirms stay as they are, the rest run. `epoch` null: the same data
	 * as before (a table was added), so fingerprints hold.
	 */
	async attach(client: SqlClient, data: { datasetId: string | null; epoch: string | null }): Promise<void> {
		this.#client = client;
		const cache = new ResultsCache(client);
		this.#cache = cache;
		this.#data = { datasetId: data.datasetId, epoch: data.epoch ?? this.#data.epoch };
		const generation = this.#generation;
		const snapshot = data.datasetId ? await this.showSnapshot(data.datasetId) : null;
		// One query for every saved cell table instead of one per cell.
		const tables = await cache.readAll().catch(() => null);
		if (generation !== this.#generation) return; // another notebook was opened meanwhile: its own attach runs it
		if (!tables) return this.runAll(false);
		const reusable = await reusableCells({
			cells: this.cells,
			graph: this.graph,
			kinds: this.kinds,
			fingerprints: this.#fingerprints(this.cells, this.graph, this.#data.epoch),
			shown: this.#shownOutputs(),
			tables,
			client
		});
		if (generation !== this.#generation) return;
		this.#markRun(new Set());
		const stale = this.graph.order.filter((c) => !reusable.has(c));
		if (stale.length === 0) return;
		cache.remember(tables);
		const shownBefore = new Map(snapshot?.outputs ?? []);
		this.#shownBefore = shownBefore;
		try {
			await this.#schedule(() => this.scheduler.run(stale));
		} finally {
			cache.forget();
			if (this.#shownBefore === shownBefore) this.#shownBefore = null;
		}
	}

	/** The dataset closes: runs stop, pending tables are made durable, states go. */
	async detach(): Promise<void> {
		this.scheduler.cancel();
		await this.scheduler.idle();
		await this.flushCheckpoint();
		this.#client = null;
		this.#cache = null;
		// The epoch stays: cells keep their fingerprints until other data is attached.
		this.#data = { datasetId: null, epoch: this.#data.epoch };
		this.scheduler.reset();
		this.#ranWith.clear();
	}

	/**
	 * Shows the dataset's snapshot (what the last session showed) on cells that have not run yet
	 * and whose fingerprint matches; resolves with the snapshot. Needs no engine.
	 */
	async showSnapshot(datasetId: string): Promise<OutputSnapshot | null> {
		const generation = this.#generation;
		const snapshot = await this.#snapshotOf(datasetId);
		const open = this.#data.datasetId;
		if (!snapshot || generation !== this.#generation || (open !== null && open !== datasetId)) return snapshot;
		const matched = matchSnapshot(this.cells, (epoch) => this.#fingerprints(this.cells, this.graph, epoch), snapshot);
		const shown = new Map([...matched].map(([id, m]) => [id, m.output.kind === 'table' ? { ...m.output, cached: true } : m.output]));
		this.scheduler.restore(shown);
		for (const [id, m] of matched) {
			if (this.scheduler.state(id).output === shown.get(id)) this.#ranWith.set(id, m.fingerprint);
		}
		return snapshot;
	}

	/** Makes the cell tables written so far durable now. */
	flushCheckpoint(): Promise<void> {
		return this.#checkpoint.flush();
	}

	// ---- internals ---------------------------------------------------------------------------

	async #runCell(cell: CellData, signal: AbortSignal, force: boolean): Promise<CellOutput> {
		const client = this.#client;
		const cache = this.#cache;
		if (!client || !cache) throw new Error('the SQL engine is not ready yet');
		const fingerprint = this.fingerprint(cell.id);
		const progress = (p: CellProgress | null) => {
			if (!signal.aborted || p === null) this.#listener.cellProgress?.(cell.id, p);
		};
		try {
			const output = await this.#kind(cell).run(cell, {
				client,
				cache,
				signal,
				force,
				fingerprint,
				variables: this.#variables(),
				shownBefore: force ? undefined : this.#shownBefore?.get(fingerprint),
				progress
			});
			this.#ranWith.set(cell.id, fingerprint);
			return output;
		} finally {
			progress(null);
		}
	}

	/** Every run ends with a write to checkpoint: the cells wrote tables, or may have. */
	async #schedule(run: () => Promise<void>): Promise<void> {
		try {
			await run();
		} finally {
			if (this.#client) this.#checkpoint.wrote();
		}
	}

	async #flush(): Promise<void> {
		try {
			await this.#client?.exec('CHECKPOINT');
			await this.#saveSnapshot();
		} catch (error) {
			this.#listener.warn?.('checkpoint failed', error);
		}
		this.#listener.checkpointed?.();
	}

	async #dropTables(names: string[]): Promise<void> {
		if (!this.#cache || names.length === 0) return;
		for (const name of names) await this.#cache.drop(name);
		this.#checkpoint.wrote();
	}

	#variables(): ReadonlySet<string> {
		const names = this.cells.flatMap((c) => (c.name && this.#kind(c).defines === 'variable' ? [c.name.toLowerCase()] : []));
		return new Set(names);
	}

	/** Done cells' outputs with the fingerprint each was produced with. */
	#shownOutputs(): Map<CellId, ShownOutput> {
		const shown = new Map<CellId, ShownOutput>();
		for (const cell of this.cells) {
			const state = this.scheduler.state(cell.id);
			const fingerprint = this.#ranWith.get(cell.id);
			if (state.status === 'done' && state.output && fingerprint) shown.set(cell.id, { fingerprint, output: state.output });
		}
		return shown;
	}

	#snapshotOf(datasetId: string): Promise<OutputSnapshot | null> {
		const key: SnapshotKey = { datasetId, notebookId: this.#notebookId };
		if (this.#snapshot?.key.datasetId !== datasetId || this.#snapshot.key.notebookId !== key.notebookId) {
			const load = this.#snapshots?.load(key).then((found) => (isOutputSnapshot(found) ? found : null)) ?? Promise.resolve(null);
			this.#snapshot = { key, snapshot: load.catch(() => null) };
		}
		return this.#snapshot.snapshot;
	}

	/** Keeps what the notebook shows now for the next start (once the tables it shows are durable). */
	async #saveSnapshot(): Promise<void> {
		const id = this.#data.datasetId;
		if (!id || !this.#snapshots || !this.#data.epoch) return;
		const snapshot = takeSnapshot(this.#data.epoch, this.#shownOutputs().values());
		const key: SnapshotKey = { datasetId: id, notebookId: this.#notebookId };
		this.#snapshot = { key, snapshot: Promise.resolve(snapshot) };
		await this.#snapshots.save(key, snapshot).catch((error) => this.#listener.warn?.('saving the output snapshot failed', error));
	}

	#kind(cell: CellData) {
		return this.#kindOf(cell.kind);
	}

	#kindOf(kind: string) {
		const found = this.kinds.get(kind);
		if (!found) throw new Error(`unknown cell kind \`${kind}\``);
		return found;
	}

	#update(cells: CellData[], edited: ReadonlySet<CellId> = this.#edited): void {
		this.scheduler.setCells(cells);
		// A deleted cell's fingerprint record goes with it, as its state does in the scheduler.
		const ids = new Set(cells.map((c) => c.id));
		for (const id of [...this.#ranWith.keys()]) if (!ids.has(id)) this.#ranWith.delete(id);
		this.#setDocument(withCells(this.#doc, cells), new Set([...edited].filter((id) => ids.has(id))));
	}

	#markRun(edited: ReadonlySet<CellId>): void {
		if (edited.size === this.#edited.size) return;
		this.#edited = edited;
		this.#listener.document?.(this.#doc, edited);
	}

	#setDocument(doc: NotebookDocument, edited: ReadonlySet<CellId>): void {
		this.#doc = doc;
		this.#edited = edited;
		this.#listener.document?.(doc, edited);
	}
}

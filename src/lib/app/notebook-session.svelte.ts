// The state of the notebook page: the document the user edits, the runtime state of each cell,
// the engine and the table catalog. The Svelte UI reads it; all DuckDB work goes through the
// runner and the scheduler, which know nothing of Svelte.
import { SvelteMap } from 'svelte/reactivity';
import { DeferredWrites } from './deferred-writes';
import {
	Scheduler,
	idleState,
	isValidCellName,
	newCellId,
	parseNotebookSafe,
	serializeNotebook,
	withCells,
	type CellData,
	type CellId,
	type CellKind,
	type CellRuntimeState,
	type NotebookDocument
} from '../notebook';
import type { DuckDBClient, EngineStatus } from '../data/duckdb-client';
import { qualified, quoteString } from '../data/sql';
import type { CellOutput } from '../runner/cell-output';
import { CELL_SCHEMA, createCellRunner, setInputVariable, type SavedResults } from '../runner/cell-runner';
import { memoFingerprints } from '../runner/fingerprint';
import { matchSnapshot, takeSnapshot, type OutputSnapshot } from '../runner/output-snapshot';
import { reusableCells, type ShownOutput } from '../runner/reusable-cells';
import { readSavedTables } from '../runner/saved-tables';
import { loadOutputSnapshot, saveOutputSnapshot } from '../datasets/output-snapshot-store';
import { loadSavedNotebook, saveNotebook } from './autosave';
import { listTables, type CatalogTable } from './catalog';
import { DatasetWorkspace } from './dataset-workspace.svelte';
import { STARTER_NOTEBOOK } from './starter-notebook';

type State = CellRuntimeState<CellOutput>;

const CHECKPOINT_DELAY_MS = 1000;

const TEMPLATES: Record<CellKind, string> = {
	sql: 'SELECT *\nFROM events\nLIMIT 100',
	markdown: 'Write **markdown** here.',
	chart: '{\n  "data": "daily",\n  "marks": [{ "type": "lineY", "x": "day", "y": "revenue" }]\n}',
	input: '{ "type": "number", "value": 10, "min": 1, "max": 100 }'
};

export class NotebookSession {
	doc = $state.raw<NotebookDocument | null>(null);
	cells = $state.raw<CellData[]>([]);
	/**
	 * Each cell's runtime state, tracked per cell: a state change re-renders that cell alone.
	 * (One record for all of them made every change re-evaluate every cell of the notebook,
	 * three times per cell run.)
	 */
	readonly states = new SvelteMap<CellId, State>();
	/** The scheduler's state changes, shown one task later (see deferred-writes). */
	#toPage = new DeferredWrites<CellId, State>((id, state) => this.states.set(id, state));
	/** Cells whose text changed since their last run. */
	edited = $state.raw<ReadonlySet<CellId>>(new Set());
	engine = $state.raw<EngineStatus>({ phase: 'loading', persistent: false });
	catalog = $state.raw<CatalogTable[]>([]);
	notice = $state<{ kind: 'error' | 'info'; text: string } | null>(null);
	/** What the session is doing outside of cell runs (starting, loading data…), or null. */
	task = $state<string | null>('Starting…');
	dataEpoch = $state('');
	/** Cell tables were written and are not yet checkpointed (see #afterWrites). */
	pendingCheckpoint = $state(false);
	#checkpointTimer: ReturnType<typeof setTimeout> | null = null;
	/** How many times cell tables were written: a checkpoint covers those before it started. */
	#writes = 0;
	/** Another tab owns the workspace: this one must not overwrite its autosaved notebook. */
	readOnly = $state(false);

	client: DuckDBClient | null = null;
	/** The fingerprint each cell's current output was produced with (what a snapshot keys on). */
	#ranWith = new Map<CellId, string>();
	#fingerprints = memoFingerprints();
	/** While the notebook first runs on a newly opened dataset: what it may reuse. */
	#saved: SavedResults | null = null;
	#snapshot: { datasetId: string; snapshot: Promise<OutputSnapshot | null> } | null = null;
	readonly scheduler: Scheduler<CellOutput>;
	readonly data: DatasetWorkspace;

	constructor() {
		this.data = new DatasetWorkspace({
			onEngineStatus: (status) => (this.engine = status),
			attach: (client, epoch) => this.#attach(client, epoch),
			detach: () => this.#detach(),
			notify: (kind, text) => (this.notice = { kind, text }),
			onLocked: () => (this.readOnly = true)
		});
		this.scheduler = new Scheduler<CellOutput>({
			run: async (cell, ctx) => {
				if (!this.client) throw new Error('the SQL engine is not ready yet');
				const fingerprint = this.#fingerprint(cell);
				const output = await createCellRunner({
					client: this.client,
					fingerprint: (c) => this.#fingerprint(c),
					variables: () => this.#variables(),
					saved: () => this.#saved
				})(cell, ctx);
				this.#ranWith.set(cell.id, fingerprint);
				return output;
			},
			onChange: (id, state) => this.#toPage.set(id, state)
		});
	}

	/** A cell's state as the page shows it (one task behind the scheduler, see `whenShown`). */
	state(id: CellId): State {
		return this.states.get(id) ?? idleState<CellOutput>();
	}

	/** Resolves once the page shows every state change made so far. */
	whenShown(): Promise<void> {
		return this.#toPage.settled();
	}

	/** Whether any cell is queued or running. */
	get running(): boolean {
		return [...this.states.values()].some((s) => s.status === 'queued' || s.status === 'running');
	}

	/** Loads the saved (or starter) notebook at once, then opens the last dataset and runs it. */
	async start(): Promise<void> {
		this.#loadInitialDocument();
		// What the notebook showed last time, on screen while the engine starts.
		void this.#showSnapshot(this.data.startingId());
		try {
			await this.data.start();
		} finally {
			this.task = null;
		}
	}

	/** A dataset is open: its cell tables are this notebook's cache, keyed by the data epoch. */
	async #attach(client: DuckDBClient | null, epoch: string): Promise<void> {
		this.client = client;
		if (epoch) this.dataEpoch = epoch;
		if (!client) {
			this.catalog = [];
			this.task = null;
			return;
		}
		this.task = 'Running the notebook…';
		try {
			await this.refreshCatalog();
			const id = this.data.current?.id;
			const snapshot = id ? await this.#showSnapshot(id) : null;
			// One query for every saved cell table instead of one per cell. What the snapshot
			// shows and the database confirms is not run again; the rest runs, reusing what it can.
			const tables = await readSavedTables(client, CELL_SCHEMA).catch(() => null);
			if (!tables) return await this.runAll(false);
			const reusable = reusableCells(
				this.cells,
				this.scheduler.graph,
				this.#fingerprints(this.cells, this.scheduler.graph, this.dataEpoch),
				this.#shownOutputs(),
				tables,
				await this.#setInputVariables(client)
			);
			this.#saved = { tables, outputs: new Map(snapshot?.outputs ?? []) };
			try {
				this.edited = new Set();
				const stale = this.scheduler.graph.order.filter((c) => !reusable.has(c));
				if (stale.length > 0) {
					await this.scheduler.run(stale);
					await this.#afterWrites();
				}
			} finally {
				this.#saved = null;
			}
		} finally {
			this.task = null;
		}
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

	/** Sets every input cell's variable; the ids of those set (an invalid spec is left to its run). */
	async #setInputVariables(client: DuckDBClient): Promise<Set<CellId>> {
		const set = new Set<CellId>();
		for (const cell of this.cells) {
			if (cell.kind !== 'input') continue;
			try {
				await setInputVariable(client, cell);
				set.add(cell.id);
			} catch {
				// Its run through the scheduler reports the problem on the cell.
			}
		}
		return set;
	}

	#snapshotOf(datasetId: string): Promise<OutputSnapshot | null> {
		if (this.#snapshot?.datasetId !== datasetId) {
			this.#snapshot = { datasetId, snapshot: loadOutputSnapshot(datasetId).catch(() => null) };
		}
		return this.#snapshot.snapshot;
	}

	/** Shows the dataset's snapshot on cells that have not run yet; resolves with the snapshot. */
	async #showSnapshot(datasetId: string): Promise<OutputSnapshot | null> {
		const snapshot = await this.#snapshotOf(datasetId);
		const open = this.data.current?.id;
		if (!snapshot || (open !== undefined && open !== datasetId)) return snapshot;
		const matched = matchSnapshot(this.cells, (epoch) => this.#fingerprints(this.cells, this.scheduler.graph, epoch), snapshot);
		const shown = new Map([...matched].map(([id, m]) => [id, m.output.kind === 'table' ? { ...m.output, cached: true } : m.output]));
		this.scheduler.restore(shown);
		for (const [id, m] of matched) {
			if (this.scheduler.state(id).output === shown.get(id)) this.#ranWith.set(id, m.fingerprint);
		}
		return snapshot;
	}

	/** Keeps what the notebook shows now for the next start (after the tables it shows are durable). */
	async #saveSnapshot(): Promise<void> {
		const id = this.data.current?.id;
		if (!id || this.readOnly || !this.dataEpoch) return;
		const snapshot = takeSnapshot(this.dataEpoch, this.#shownOutputs().values());
		this.#snapshot = { datasetId: id, snapshot: Promise.resolve(snapshot) };
		await saveOutputSnapshot(id, snapshot).catch((error) => console.warn('saving the output snapshot failed', error));
	}

	async #detach(): Promise<void> {
		this.task = 'Opening the dataset…';
		this.scheduler.cancel();
		await this.scheduler.idle();
		await this.flushCheckpoint();
		this.client = null;
		this.scheduler.reset();
		this.#ranWith.clear();
		this.#clearStates();
		this.catalog = [];
	}

	#loadInitialDocument() {
		const saved = loadSavedNotebook();
		if (saved !== null) {
			const parsed = parseNotebookSafe(saved, { mode: 'lenient' });
			if (parsed.ok) return this.#setDocument(parsed.doc, false);
			// Never lose what the user wrote: keep the unreadable text aside and say where.
			localStorage.setItem('cin:notebook:unreadable', saved);
			this.notice = {
				kind: 'error',
				text: `Your saved notebook could not be read (${parsed.error.message}); the starter notebook is shown instead. The saved text is kept under "cin:notebook:unreadable" in this site's local storage.`
			};
		}
		const starter = parseNotebookSafe(STARTER_NOTEBOOK);
		if (!starter.ok) throw starter.error;
		this.#setDocument(starter.doc, true);
	}

	#setDocument(doc: NotebookDocument, save: boolean) {
		this.#ranWith.clear();
		this.doc = doc;
		this.cells = doc.cells;
		this.scheduler.setCells(this.cells);
		this.edited = new Set();
		if (save) this.#save();
	}

	#save() {
		if (!this.doc || this.readOnly) return;
		this.doc = withCells(this.doc, this.cells);
		const problem = saveNotebook(serializeNotebook(this.doc));
		if (problem) this.notice = { kind: 'error', text: problem };
	}

	#update(cells: CellData[]) {
		this.cells = cells;
		this.scheduler.setCells(cells);
		// A deleted cell's state goes with it, as in the scheduler.
		const ids = new Set(cells.map((c) => c.id));
		this.#toPage.flush();
		for (const id of [...this.states.keys()]) if (!ids.has(id)) this.states.delete(id);
		this.#save();
	}

	#clearStates() {
		this.#toPage.clear();
		this.states.clear();
	}

	#variables(): ReadonlySet<string> {
		return new Set(this.cells.flatMap((c) => (c.kind === 'input' && c.name ? [c.name.toLowerCase()] : [])));
	}

	/** Sets an input cell's value (kept in its JSON spec) and re-runs the cells that read it. */
	async setInput(id: CellId, value: number | string): Promise<void> {
		const cell = this.cells.find((c) => c.id === id);
		if (!cell || cell.kind !== 'input') return;
		let spec: Record<string, unknown>;
		try {
			spec = JSON.parse(cell.source);
		} catch {
			return;
		}
		this.#update(this.cells.map((c) => (c.id === id ? { ...c, source: JSON.stringify({ ...spec, value }) } : c)));
		await this.run(id);
	}

	#fingerprint(cell: CellData): string {
		return this.#fingerprints(this.cells, this.scheduler.graph, this.dataEpoch).get(cell.id) ?? '';
	}

	// ---- editing ---------------------------------------------------------------------------

	editSource(id: CellId, source: string) {
		this.#update(this.cells.map((c) => (c.id === id ? { ...c, source } : c)));
		this.edited = new Set(this.edited).add(id);
	}

	async rename(id: CellId, name: string): Promise<void> {
		const trimmed = name.trim();
		const cell = this.cells.find((c) => c.id === id);
		if (!cell || (cell.name ?? '') === trimmed) return;
		if (trimmed && !isValidCellName(trimmed)) {
			this.notice = { kind: 'error', text: `"${trimmed}" is not a valid cell name: use letters, digits and _, starting with a letter or _.` };
			return;
		}
		const oldName = cell.name;
		this.#update(this.cells.map((c) => (c.id === id ? { ...c, name: trimmed || null } : c)));
		if (oldName) await this.#dropCellTable(oldName);
		await this.run(id);
	}

	addCell(kind: CellKind, index: number) {
		const cell: CellData = { id: newCellId(), kind, name: null, source: TEMPLATES[kind], attrs: {} };
		const cells = [...this.cells];
		cells.splice(index, 0, cell);
		this.#update(cells);
		return cell.id;
	}

	async deleteCell(id: CellId): Promise<void> {
		const cell = this.cells.find((c) => c.id === id);
		if (!cell) return;
		const dependents = [...(this.scheduler.graph.dependents.get(id) ?? [])];
		this.scheduler.cancel(id);
		this.#update(this.cells.filter((c) => c.id !== id));
		if (cell.name && cell.kind === 'sql') await this.#dropCellTable(cell.name);
		// Dependents now read a table that no longer exists: re-run them so they say so.
		if (dependents.length) {
			await this.scheduler.run(dependents, { force: true });
			await this.#afterWrites();
		}
	}

	moveCell(id: CellId, delta: -1 | 1) {
		const i = this.cells.findIndex((c) => c.id === id);
		const j = i + delta;
		if (i < 0 || j < 0 || j >= this.cells.length) return;
		const cells = [...this.cells];
		[cells[i], cells[j]] = [cells[j], cells[i]];
		this.#update(cells);
	}

	toggleCollapsed(id: CellId) {
		this.#update(
			this.cells.map((c) => {
				if (c.id !== id) return c;
				const { collapsed, ...attrs } = c.attrs;
				return { ...c, attrs: collapsed === 'true' ? attrs : { ...attrs, collapsed: 'true' } };
			})
		);
	}

	// ---- running ---------------------------------------------------------------------------

	async run(id: CellId): Promise<void> {
		this.edited = new Set([...this.edited].filter((e) => e !== id));
		await this.scheduler.run([id], { force: true });
		await this.#afterWrites();
	}

	async runAll(force = true): Promise<void> {
		this.edited = new Set();
		await this.scheduler.runAll({ force });
		await this.#afterWrites();
	}

	// DuckDB-WASM does not make the WAL durable in OPFS: what is not checkpointed is lost when
	// the tab closes. Cell tables are a cache (the notebook text is saved on every edit), so
	// the CHECKPOINT is deferred a moment and shared by bursts of runs instead of making every
	// input change wait for a flush to OPFS; it is forced before a dataset closes. The catalog
	// is refreshed then too: refreshed at once, its query went to the engine just ahead of the
	// next input change's first cell, which waited for it.
	async #afterWrites(): Promise<void> {
		if (!this.client) return;
		if (this.#checkpointTimer !== null) clearTimeout(this.#checkpointTimer);
		this.#writes++;
		this.pendingCheckpoint = true;
		this.#checkpointTimer = setTimeout(() => {
			this.#checkpointTimer = null;
			// Not in the middle of a run, whose next cells would queue behind it: that run's end
			// arms the timer again (every run ends here).
			if (!this.scheduler.busy) void this.flushCheckpoint();
		}, CHECKPOINT_DELAY_MS);
	}

	/** Makes the cell tables written so far durable now, and lists them in the catalog. */
	async flushCheckpoint(): Promise<void> {
		if (this.#checkpointTimer !== null) clearTimeout(this.#checkpointTimer);
		this.#checkpointTimer = null;
		if (!this.pendingCheckpoint) return;
		const writes = this.#writes;
		try {
			await this.client?.exec('CHECKPOINT');
			await this.#saveSnapshot();
		} catch (error) {
			console.warn('checkpoint failed', error);
		}
		await this.refreshCatalog();
		// Writes made while this one ran (a cell run during the flush) stay pending, with the
		// timer they armed: cleared here, their checkpoint was skipped and a reload lost them.
		if (this.#writes === writes) this.pendingCheckpoint = false;
	}

	cancel(id?: CellId) {
		this.scheduler.cancel(id);
	}

	async refreshCatalog(): Promise<void> {
		if (!this.client) return;
		try {
			this.catalog = await listTables(this.client);
		} catch (error) {
			console.warn('catalog refresh failed', error);
		}
	}

	async #dropCellTable(name: string) {
		if (!this.client) return;
		await this.client.exec(`DROP TABLE IF EXISTS ${qualified(CELL_SCHEMA, name)}`);
		await this.client.exec(`DELETE FROM ${qualified(CELL_SCHEMA, '_cells')} WHERE name = ${quoteString(name)}`);
		await this.#afterWrites();
	}

	// ---- files -----------------------------------------------------------------------------

	/** Data files the user chose: event logs become a new dataset, other CSVs a table. */
	async openDataFiles(files: Iterable<File>): Promise<void> {
		await this.data.openFiles([...files]);
	}

	/** A new dataset of N million generated events (seeded). */
	async generateDemo(millions: number): Promise<void> {
		await this.data.generate(millions);
	}

	/** Stops the current ingest or generation; nothing of it is kept. */
	cancelTask() {
		this.data.cancelIngest();
	}

	/** A named cell's whole table as a CSV or Parquet file to download. */
	async exportTable(schema: string, table: string, format: 'csv' | 'parquet'): Promise<Blob | null> {
		if (!this.client) return null;
		const sql = `SELECT * FROM ${qualified(schema, table)}`;
		try {
			if (format === 'csv') return new Blob([(await this.client.exportCsv(sql)).slice()], { type: 'text/csv' });
			const { writeParquet } = await import('../ingest/parquet');
			return new Blob([(await writeParquet(await this.client.queryArrowIPC(sql))).slice()], { type: 'application/vnd.apache.parquet' });
		} catch (error) {
			this.notice = { kind: 'error', text: `Export of ${table} failed: ${error instanceof Error ? error.message : String(error)}` };
			return null;
		}
	}

	exportText(): string {
		return this.doc ? serializeNotebook(withCells(this.doc, this.cells)) : '';
	}

	/** Replaces the notebook with an imported file; on a format error the current one stays. */
	async importText(text: string, fileName: string): Promise<boolean> {
		const parsed = parseNotebookSafe(text);
		if (!parsed.ok) {
			this.notice = { kind: 'error', text: `${fileName} is not a notebook this app can open: ${parsed.error.message}` };
			return false;
		}
		this.scheduler.cancel();
		this.#clearStates();
		this.#setDocument(parsed.doc, true);
		this.notice = { kind: 'info', text: `Opened ${fileName}.` };
		await this.runAll(false);
		return true;
	}
}

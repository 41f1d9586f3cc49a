// The notebook page's reactive state: a thin adapter that mirrors the framework-free
// NotebookRuntime (src/lib/runtime/) into Svelte state, autosaves the document, keeps the table
// catalog, and turns what happened into the words the page shows. No notebook rule lives here.
import { SvelteMap } from 'svelte/reactivity';
import { isShareFragment, shareFragment } from '../notebook/share-link';
import { DeferredWrites } from './deferred-writes';
import { idleState, serializeNotebook, type CellData, type CellId, type NotebookDocument, type NotebookGraph } from '../notebook';
import type { DuckDBClient, EngineStatus } from '../data/duckdb-client';
import { qualified } from '../data/sql';
import { exportSql } from '../runtime/export-sql';
import { NotebookRuntime, openNotebookFile, openSharedNotebook, readNotebookSafe, type CellProgress, type CellState } from '../runtime';
import { saveOutputSnapshot } from '../datasets/output-snapshot-store';
import { loadSnapshot } from './load-snapshot';
import { loadSavedNotebook, saveNotebook, UNREADABLE_KEY } from './autosave';
import { listTables, type CatalogTable } from './catalog';
import { DatasetWorkspace } from './dataset-workspace.svelte';
import { describeWorkspaceEvent } from './workspace-messages';
import { engineStatusMessage } from '../data/engine-messages';
import { errorMessage } from '../data/error-message';
import { STARTER_NOTEBOOK } from './starter-notebook';
import { checkSearchValue, searchOptions, type SearchChoice } from '../runtime/kinds/search-options';

export class NotebookSession {
	doc = $state.raw<NotebookDocument | null>(null);
	cells = $state.raw<readonly CellData[]>([]);
	graph = $state.raw<NotebookGraph | null>(null);
	/**
	 * Each cell's runtime state, tracked per cell: a state change re-renders that cell alone.
	 * (One record for all of them made every change re-evaluate every cell of the notebook,
	 * three times per cell run.)
	 */
	readonly states = new SvelteMap<CellId, CellState>();
	/** How far each long-running cell has got (a model training), while it runs. */
	readonly progress = new SvelteMap<CellId, CellProgress>();
	/** The runtime's state changes, shown one task later (see deferred-writes). */
	#toPage = new DeferredWrites<CellId, CellState>((id, state) => this.states.set(id, state));
	/** Cells whose text changed since their last run. */
	edited = $state.raw<ReadonlySet<CellId>>(new Set());
	engine = $state.raw<EngineStatus>({ phase: 'loading', persistent: false });
	catalog = $state.raw<CatalogTable[]>([]);
	notice = $state<{ kind: 'error' | 'info'; text: string } | null>(null);
	/** What the session is doing outside of cell runs (starting, loading data…), or null. */
	task = $state<string | null>('Starting…');
	/** Cell tables were written and are not yet checkpointed. */
	pendingCheckpoint = $state(false);
	/** Another tab owns the workspace: this one must not overwrite its autosaved notebook. */
	readOnly = $state(false);
	/** A notebook opened from a shared link: shown, not run, until the user opens it (acceptShared). */
	shared = $state.raw<{ doc: NotebookDocument; notes: string[] } | null>(null);
	/** The open dataset's engine; reactive, so outputs shown before it started page through it once it is up. */
	client = $state.raw<DuckDBClient | null>(null);

	readonly runtime: NotebookRuntime;
	readonly data: DatasetWorkspace;

	constructor() {
		this.data = new DatasetWorkspace({
			onEngineStatus: (status) => (this.engine = { ...status, message: engineStatusMessage(status) }),
			attach: (client, epoch) => this.#attach(client, epoch),
			detach: () => this.#detach(),
			report: (event) => (this.notice = describeWorkspaceEvent(event)),
			onLocked: () => (this.readOnly = true)
		});
		const initial = this.#initialDocument();
		this.runtime = new NotebookRuntime(initial.doc, {
			snapshots: { load: loadSnapshot, save: saveOutputSnapshot },
			listener: {
				cellState: (id, state) => this.#toPage.set(id, state),
				document: (doc, edited) => this.#mirror(doc, edited),
				cellProgress: (id, progress) => (progress ? this.progress.set(id, progress) : this.progress.delete(id)),
				pendingCheckpoint: (pending) => (this.pendingCheckpoint = pending),
				checkpointed: () => void this.refreshCatalog(),
				warn: (message, error) => console.warn(message, error)
			}
		});
		// The starter notebook is saved at once, so a reload shows the same cells (and their snapshot).
		this.#mirror(this.runtime.doc, this.runtime.edited, initial.starter);
	}

	/** A cell's state as the page shows it (one task behind the runtime, see `whenShown`). */
	state(id: CellId): CellState {
		return this.states.get(id) ?? idleState();
	}

	/** Resolves once the page shows every state change made so far. */
	whenShown(): Promise<void> {
		return this.#toPage.settled();
	}

	/** Whether any cell is queued or running, as the page shows it. */
	get running(): boolean {
		return [...this.states.values()].some((s) => s.status === 'queued' || s.status === 'running');
	}

	/** Whether anything is in progress: a task, an ingest, a run, or tables not yet durable. */
	get busy(): boolean {
		return this.task !== null || this.data.ingest !== null || this.pendingCheckpoint || this.running;
	}

	#restored: Promise<void> | null = null;

	/** Resolves once what start() restored from the last session is on the page (at once if nothing). */
	whenRestored(): Promise<void> {
		return this.#restored ?? Promise.resolve();
	}

	/** Shows the saved notebook at once, then opens the last dataset and runs it. */
	async start(): Promise<void> {
		void this.openLinkedNotebook();
		// What the notebook showed last time, on screen while the engine starts.
		this.#restored = this.runtime
			.showSnapshot(this.data.startingId())
			.then(() => this.whenShown())
			.catch(() => {})
			.finally(() => performance.mark('cin:snapshot-restored'));
		try {
			await this.data.start();
		} finally {
			this.task = null;
		}
	}

	// ---- editing ---------------------------------------------------------------------------

	editSource(id: CellId, source: string) {
		this.runtime.edit(id, source);
	}

	async rename(id: CellId, name: string): Promise<void> {
		const problem = await this.runtime.rename(id, name);
		if (problem) this.notice = { kind: 'error', text: problem };
	}

	addCell(kind: string, index: number): CellId {
		return this.runtime.add(kind, index);
	}

	deleteCell(id: CellId): Promise<void> {
		return this.runtime.remove(id);
	}

	moveCell(id: CellId, delta: -1 | 1) {
		this.runtime.move(id, delta);
	}

	toggleCollapsed(id: CellId) {
		const cell = this.runtime.cell(id);
		if (cell) this.runtime.setAttribute(id, 'collapsed', cell.attrs.collapsed === 'true' ? undefined : 'true');
	}

	setInput(id: CellId, value: number | string): Promise<void> {
		return this.runtime.setInput(id, value);
	}

	// ---- running ---------------------------------------------------------------------------

	run(id: CellId): Promise<void> {
		return this.runtime.run(id);
	}

	runAll(force = true): Promise<void> {
		return this.runtime.runAll(force);
	}

	cancel(id?: CellId) {
		this.runtime.cancel(id);
	}

	/** Makes the cell tables written so far durable now (the tab is going to the background). */
	flushCheckpoint(): Promise<void> {
		return this.runtime.flushCheckpoint();
	}

	async refreshCatalog(): Promise<void> {
		if (!this.client) return;
		try {
			this.catalog = await listTables(this.client);
		} catch (error) {
			console.warn('catalog refresh failed', error);
		}
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
			this.notice = { kind: 'error', text: `Export of ${table} failed: ${errorMessage(error)}` };
			return null;
		}
	}

	/** The choices of a search input matching what the user typed; none before the engine is up. */
	async searchChoices(optionsCell: string, text: string): Promise<SearchChoice[]> {
		if (!this.client) return [];
		try {
			return await searchOptions(this.client, optionsCell, text);
		} catch (error) {
			// The input cell's own run reports a missing or malformed options table.
			console.warn(`searching ${optionsCell} failed`, error);
			return [];
		}
	}

	/** The label of a search input's chosen value (the value itself when it cannot be found). */
	async choiceLabel(optionsCell: string, value: string): Promise<string> {
		if (!this.client || value === '') return value;
		try {
			return (await checkSearchValue(this.client, optionsCell, value)) ?? value;
		} catch {
			return value;
		}
	}

	exportText(): string {
		return serializeNotebook(this.runtime.doc);
	}

	/** The notebook's SQL cells as one script for the DuckDB CLI (runtime/export-sql.ts). */
	exportSql(): string {
		return exportSql(this.runtime.doc, { kinds: this.runtime.kinds }).text;
	}

	/** Replaces the notebook with an imported file; on a format error the current one stays. */
	async importText(text: string, fileName: string): Promise<boolean> {
		const parsed = openNotebookFile(text, fileName);
		if (!parsed.ok) {
			this.notice = { kind: 'error', text: parsed.message };
			return false;
		}
		this.#toPage.clear();
		this.states.clear();
		this.runtime.open(parsed.doc);
		this.notice = { kind: 'info', text: [`Opened ${fileName}.`, ...parsed.notes].join(' ') };
		await this.runtime.runAll(false);
		return true;
	}

	/**
	 * A link that carries this notebook (in its fragment, which browsers never send to a server).
	 * It is copied to the clipboard and returned, so the page can show it where copying fails.
	 */
	async copyShareLink(): Promise<string> {
		const link = `${location.origin}${location.pathname}#${await shareFragment(this.exportText())}`;
		const size = `${Math.max(1, Math.round(link.length / 1000))} KB`;
		const copied = await navigator.clipboard?.writeText(link).then(
			() => true,
			() => false
		);
		this.notice = {
			kind: 'info',
			text: `${copied ? 'Link copied' : 'Copy the link below'} (${size}). It holds this notebook's text, not your data: whoever opens it sees the notebook first, and runs it on their own dataset only if they choose to.`
		};
		return link;
	}

	/** Opens the notebook from the link in place of the current one (which stays in the autosave history) and runs it. */
	async acceptShared(): Promise<void> {
		const shared = this.shared;
		if (!shared) return;
		this.shared = null;
		forgetSharedLink();
		this.#toPage.clear();
		this.states.clear();
		this.runtime.open(shared.doc);
		this.notice = { kind: 'info', text: 'Opened the notebook from the link.' };
		await this.runtime.runAll(false);
	}

	dismissShared(): void {
		this.shared = null;
		forgetSharedLink();
	}

	/** Shows the notebook the page's URL fragment carries, if any: at start, and when a link is pasted into this tab. */
	async openLinkedNotebook(): Promise<void> {
		const hash = location.hash;
		if (!isShareFragment(hash)) return;
		const opened = await openSharedNotebook(hash);
		if (!opened.ok) {
			forgetSharedLink();
			this.notice = { kind: 'error', text: opened.message };
			return;
		}
		this.shared = { doc: opened.doc, notes: opened.notes };
	}

	// ---- internals ---------------------------------------------------------------------------

	/** A dataset is open (or none): show its tables and bring the notebook up to date on it. */
	async #attach(client: DuckDBClient | null, epoch: string | null): Promise<void> {
		this.client = client;
		if (!client) {
			this.catalog = [];
			this.task = null;
			return;
		}
		this.task = 'Running the notebook…';
		try {
			await this.refreshCatalog();
			await this.runtime.attach(client, { datasetId: this.data.current?.id ?? null, epoch });
		} finally {
			this.task = null;
		}
	}

	async #detach(): Promise<void> {
		this.task = 'Opening the dataset…';
		await this.runtime.detach();
		this.client = null;
		this.#toPage.clear();
		this.states.clear();
		this.catalog = [];
	}

	/** The autosaved notebook, else the starter; an unreadable autosave is kept aside, never lost. */
	#initialDocument(): { doc: NotebookDocument; starter: boolean } {
		const saved = loadSavedNotebook();
		if (saved !== null) {
			const parsed = readNotebookSafe(saved, { mode: 'lenient' });
			if (parsed.ok) return { doc: parsed.doc, starter: false };
			localStorage.setItem(UNREADABLE_KEY, saved);
			this.notice = {
				kind: 'error',
				text: `Your saved notebook could not be read (${parsed.error.message}); the starter notebook is shown instead. The saved text is kept under "${UNREADABLE_KEY}" in this site's local storage.`
			};
		}
		const starter = readNotebookSafe(STARTER_NOTEBOOK);
		if (!starter.ok) throw starter.error;
		return { doc: starter.doc, starter: true };
	}

	#mirror(doc: NotebookDocument, edited: ReadonlySet<CellId>, save = true) {
		const cellsChanged = doc.cells !== this.cells;
		this.doc = doc;
		this.edited = edited;
		if (!cellsChanged) return;
		this.cells = doc.cells;
		this.graph = this.runtime.graph;
		// A deleted cell's state goes with it, as in the runtime.
		const ids = new Set(doc.cells.map((c) => c.id));
		this.#toPage.flush();
		for (const id of [...this.states.keys()]) if (!ids.has(id)) this.states.delete(id);
		if (save) this.#save(doc);
	}

	#save(doc: NotebookDocument) {
		if (this.readOnly) return;
		const problem = saveNotebook(serializeNotebook(doc));
		if (problem) this.notice = { kind: 'error', text: problem };
	}
}

/** The link's notebook is handled (opened or declined): a reload must not ask again. */
function forgetSharedLink(): void {
	history.replaceState(history.state, '', location.pathname + location.search);
}

// The notebook page's reactive state: a thin adapter that mirrors the framework-free
// NotebookRuntime (src/lib/runtime/) into Svelte state, autosaves the document into the notebook
// library (through NotebookShelf), switches between the library's notebooks, keeps the table
// catalog, and turns what happened into the words the page shows. No notebook rule lives here.
import { SvelteMap } from 'svelte/reactivity';
import { isShareFragment, shareFragment } from '../notebook/share-link';
import { DeferredWrites } from './deferred-writes';
import {
	hasFlag,
	idleState,
	serializeNotebook,
	VIEW_ATTRIBUTE,
	type CellData,
	type CellFlag,
	type CellId,
	type CellStorage,
	type NotebookDocument,
	type NotebookGraph
} from '../notebook';
import type { DuckDBClient, EngineStatus } from '../data/duckdb-client';
import { qualified } from '../data/sql';
import { exportSql } from '../runtime/export-sql';
import { NotebookRuntime, openNotebookFile, openSharedNotebook, readNotebookSafe, type CellProgress, type CellState } from '../runtime';
import { deleteNotebookSnapshots, saveOutputSnapshot } from '../datasets/output-snapshot-store';
import { loadSnapshot } from './load-snapshot';
import { NotebookShelf } from './notebook-shelf.svelte';
import { blankNotebook, uniqueTitle, type VersionInfo } from '../notebooks';
import { listTables, type CatalogTable } from './catalog';
import type { NotebookSection } from '../markdown/notebook-sections';
import { DatasetWorkspace } from './dataset-workspace.svelte';
import { describeWorkspaceEvent } from './workspace-messages';
import { engineStatusMessage } from '../data/engine-messages';
import { errorMessage } from '../data/error-message';
import { STARTER_NOTEBOOK } from './starter-notebook';
import { checkSearchValue, searchOptions, type SearchChoice } from '../runtime/kinds/search-options';
import type { SqlFunction } from '../sql-editing/sql-functions';
import type { CompletionSchema, CompletionTable } from '../sql-editing/complete-sql';
import { completionTables } from '../sql-editing/completion-tables';

export interface Notice {
	kind: 'error' | 'info';
	text: string;
	/** A button the notice offers (Undo after a delete). */
	action?: { label: string; run: () => void };
}

/** How many deleted cells can be brought back, most recent first. */
const UNDO_DEPTH = 20;

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
	notice = $state<Notice | null>(null);
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

	/** Deleted cells and where they were, for undo; the last is the most recent. */
	#deleted: { cell: CellData; index: number }[] = [];

	readonly runtime: NotebookRuntime;
	readonly data: DatasetWorkspace;
	/** The notebooks of this browser and the autosave of the open one. */
	readonly shelf: NotebookShelf;

	constructor() {
		this.shelf = new NotebookShelf({
			readOnly: () => this.readOnly,
			problem: (problem) => (this.notice = { kind: 'error', text: problem.message })
		});
		this.data = new DatasetWorkspace({
			onEngineStatus: (status) => (this.engine = { ...status, message: engineStatusMessage(status) }),
			attach: (client, epoch) => this.#attach(client, epoch),
			detach: () => this.#detach(),
			report: (event) => (this.notice = describeWorkspaceEvent(event)),
			onLocked: () => (this.readOnly = true)
		});
		const initial = this.#initialDocument();
		this.runtime = new NotebookRuntime(initial.doc, {
			notebookId: initial.id,
			snapshots: {
				load: (key) => loadSnapshot(key, this.shelf.library?.legacyId() ?? null),
				save: (key, snapshot) => saveOutputSnapshot(key.datasetId, key.notebookId, snapshot)
			},
			listener: {
				cellState: (id, state) => this.#toPage.set(id, state),
				document: (doc, edited) => this.#mirror(doc, edited),
				cellProgress: (id, progress) => (progress ? this.progress.set(id, progress) : this.progress.delete(id)),
				pendingCheckpoint: (pending) => (this.pendingCheckpoint = pending),
				checkpointed: () => void this.refreshCatalog(),
				warn: (message, error) => console.warn(message, error)
			}
		});
		// The library already holds this text (a first start stored the starter notebook).
		this.#mirror(this.runtime.doc, this.runtime.edited, false);
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
		// A dataset whose files the browser evicted is passed over: its outputs are not shown.
		await this.data.checkStorage().catch((error) => console.warn('could not list the stored datasets', error));
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

	/** Deletes a cell; it can be brought back with `undoDelete` (the notice offers it). */
	deleteCell(id: CellId): Promise<void> {
		const index = this.runtime.cells.findIndex((c) => c.id === id);
		if (index < 0) return Promise.resolve();
		const cell = this.runtime.cells[index];
		this.#deleted = [...this.#deleted.slice(1 - UNDO_DEPTH), { cell, index }];
		const what = cell.name ? `${cell.kind} cell ${cell.name}` : `a ${cell.kind} cell`;
		this.notice = { kind: 'info', text: `Deleted ${what}.`, action: { label: 'Undo', run: () => void this.undoDelete() } };
		return this.runtime.remove(id);
	}

	/** Brings back the last deleted cell where it was and runs it (its table was dropped); returns its id. */
	undoDelete(): CellId | null {
		const last = this.#deleted.at(-1);
		if (!last) return null;
		this.#deleted = this.#deleted.slice(0, -1);
		if (this.notice?.action?.label === 'Undo') this.notice = null;
		this.runtime.insert(last.cell, last.index);
		if (this.client) void this.runtime.run(last.cell.id);
		return last.cell.id;
	}

	moveCell(id: CellId, delta: -1 | 1) {
		this.runtime.move(id, delta);
	}

	/** Sets or clears a display flag of the cell (collapsed, hide-code), kept in its fence. */
	toggleFlag(id: CellId, flag: CellFlag) {
		const cell = this.runtime.cell(id);
		if (cell) this.runtime.setAttribute(id, flag, hasFlag(cell, flag) ? undefined : 'true');
	}

	/**
	 * Keeps a named SQL cell's result as a table or a view (in its fence) and builds it that way
	 * at once. The cells reading it keep their results: the rows are the same.
	 */
	setStorage(id: CellId, storage: CellStorage) {
		if (!this.runtime.cell(id)) return;
		this.runtime.setAttribute(id, VIEW_ATTRIBUTE, storage === 'view' ? 'true' : undefined);
		if (this.client) void this.runtime.run(id);
	}

	setInput(id: CellId, value: number | string): Promise<void> {
		return this.runtime.setInput(id, value);
	}

	// ---- running ---------------------------------------------------------------------------

	run(id: CellId): Promise<void> {
		return this.runtime.run(id);
	}

	/** Runs the cells under one of the notebook's headings (and what reads them). */
	runSection(section: NotebookSection): Promise<void> {
		return this.runtime.runCells(section.cells);
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

	// ---- SQL completion --------------------------------------------------------------------

	#functions: SqlFunction[] | null = null;
	#functionsLoading: Promise<SqlFunction[]> | null = null;

	/** The engine's functions, read once (the same engine build serves every dataset); [] before it is up. */
	sqlFunctions(): Promise<SqlFunction[]> {
		if (this.#functions) return Promise.resolve(this.#functions);
		const client = this.client;
		if (!client) return Promise.resolve([]);
		// Loaded with the first completion, like the editor: the page's first JavaScript does not carry it.
		this.#functionsLoading ??= import('../sql-editing/sql-functions')
			.then(({ listSqlFunctions }) => listSqlFunctions(client))
			.then((list) => (this.#functions = list))
			.catch((error) => {
				console.warn('listing the SQL functions failed', error);
				return [];
			})
			.finally(() => (this.#functionsLoading = null));
		return this.#functionsLoading;
	}

	/**
	 * What a cell's SQL can name, for completion: the other cells' results, the catalog, the
	 * engine's functions and the inputs' variables. While cells run, the function list is not
	 * waited for (its query would queue behind them): it is asked for and comes with a later keystroke.
	 */
	async completionSchema(id: CellId): Promise<CompletionSchema> {
		const loading = this.sqlFunctions();
		const functions = this.#functions ?? (this.running ? [] : await loading);
		const tables = completionTables({ cells: this.cells, cellId: id, graph: this.graph, output: (c) => this.state(c).output, catalog: this.catalog });
		const variables = this.cells.filter((c) => c.kind === 'input' && c.name).map((c) => c.name!);
		return { tables, functions, variables };
	}

	/**
	 * What a chart may plot (the chart builder's data and column lists): the notebook's named
	 * cells with the columns of their last result, and the dataset's tables, as completion sees
	 * them. Reactive: it follows runs and the catalog.
	 */
	chartSources(id: CellId): CompletionTable[] {
		return completionTables({ cells: this.cells, cellId: id, graph: this.graph, output: (c) => this.state(c).output, catalog: this.catalog });
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

	/**
	 * An imported file becomes a new notebook of the library and opens; the notebook open before
	 * stays as it was. On a format error or a file too big to keep, nothing changes.
	 */
	async importText(text: string, fileName: string): Promise<boolean> {
		// Too big, broken or not a notebook: refused before anything is stored.
		const parsed = openNotebookFile(text, fileName);
		if (!parsed.ok) {
			this.notice = { kind: 'error', text: parsed.message };
			return false;
		}
		const title = parsed.doc.title || fileName.replace(/\.(md|markdown)$/i, '');
		const opened = await this.#addNotebook(parsed.doc.title ? text : serializeNotebook({ ...parsed.doc, title }), title, `imported from ${fileName}`, {
			doc: parsed.doc.title ? parsed.doc : { ...parsed.doc, title },
			before: () =>
				(this.notice = {
					kind: 'info',
					text: [`Imported ${fileName} as a new notebook, "${title}"; the notebook open before is unchanged in the Notebooks list.`, ...parsed.notes].join(' ')
				}),
			failed: (message) => (this.notice = { kind: 'error', text: `${fileName} was not imported. ${message}` })
		});
		return opened;
	}

	// ---- the notebook library ----------------------------------------------------------------

	/** Whether notebooks can be added, switched or removed now (not while a dataset opens or in a read-only tab). */
	get canChangeNotebook(): boolean {
		return this.shelf.library !== null && !this.readOnly && !this.data.busy;
	}

	/** A new notebook, blank or the Customer Intelligence notebook, opened. */
	async newNotebook(kind: 'blank' | 'template'): Promise<boolean> {
		const titles = this.shelf.list.map((n) => n.title);
		if (kind === 'blank') {
			const title = uniqueTitle('Untitled notebook', titles);
			return this.#addNotebook(blankNotebook(title), title, 'created');
		}
		const starter = readNotebookSafe(STARTER_NOTEBOOK);
		if (!starter.ok) throw starter.error;
		const title = uniqueTitle(starter.doc.title, titles);
		const doc = { ...starter.doc, title };
		return this.#addNotebook(title === starter.doc.title ? STARTER_NOTEBOOK : serializeNotebook(doc), title, 'created from the Customer Intelligence template', { doc });
	}

	/** A copy of a notebook (as last saved), opened. */
	async duplicateNotebook(id: string): Promise<boolean> {
		const text = this.notebookText(id);
		if (text === null) return false;
		const parsed = readNotebookSafe(text, { mode: 'lenient' });
		const from = this.shelf.library?.entry(id)?.title ?? 'notebook';
		const title = uniqueTitle(`${from} (copy)`, this.shelf.list.map((n) => n.title));
		if (!parsed.ok) return this.#addNotebook(text, title, `duplicated from "${from}"`);
		const doc = { ...parsed.doc, title };
		return this.#addNotebook(serializeNotebook(doc), title, `duplicated from "${from}"`, { doc });
	}

	/** Retitles a notebook (its front matter's title, so an export keeps it). */
	renameNotebook(id: string, title: string): void {
		const library = this.shelf.library;
		const wanted = title.trim();
		if (!library || !wanted || this.readOnly) return;
		if (id === this.runtime.notebookId) {
			this.runtime.setTitle(wanted);
			this.shelf.flush();
			return;
		}
		const text = library.text(id);
		const parsed = text === null ? null : readNotebookSafe(text, { mode: 'lenient' });
		if (!parsed?.ok) {
			this.notice = { kind: 'error', text: 'That notebook cannot be read, so its title cannot be changed: download it to fix it by hand.' };
			return;
		}
		const saved = library.save(id, serializeNotebook({ ...parsed.doc, title: wanted }), wanted);
		if (!saved.ok) this.notice = { kind: 'error', text: saved.problem.message };
		this.shelf.refresh();
	}

	/** Opens another notebook of the library: its own saved outputs, then what its tables lack runs. */
	async openNotebook(id: string): Promise<boolean> {
		const library = this.shelf.library;
		if (!library || id === this.runtime.notebookId || this.readOnly) return false;
		const text = library.text(id);
		if (text === null) return false;
		const parsed = readNotebookSafe(text, { mode: 'lenient' });
		if (!parsed.ok) {
			const title = library.entry(id)?.title ?? 'That notebook';
			this.notice = {
				kind: 'error',
				text: `"${title}" could not be read (${parsed.error.message}). It stays in the list unchanged: download it, fix the line named, and import it again.`
			};
			return false;
		}
		this.shelf.flush();
		library.setOpen(id);
		await this.#show(parsed.doc, id);
		return true;
	}

	/** Deletes a notebook with its history and saved outputs; the open one is replaced by the newest other (or a new one). */
	async deleteNotebook(id: string): Promise<void> {
		const library = this.shelf.library;
		if (!library || this.readOnly) return;
		const title = library.entry(id)?.title ?? 'notebook';
		if (id === this.runtime.notebookId) {
			let opened = false;
			for (const other of library.list()) if (other.id !== id && (opened = await this.openNotebook(other.id))) break;
			if (!opened && !(await this.newNotebook('template'))) return;
		}
		const removed = library.remove(id);
		if (!removed.ok) {
			this.notice = { kind: 'error', text: removed.problem.message };
			return;
		}
		void deleteNotebookSnapshots(id);
		this.shelf.refresh();
		this.notice = { kind: 'info', text: `Deleted the notebook "${title}" and its history.` };
	}

	/** A notebook's text as stored (the open one's with its latest edits), to download. */
	notebookText(id: string): string | null {
		this.shelf.flush();
		return this.shelf.library?.text(id) ?? (id === this.runtime.notebookId ? this.exportText() : null);
	}

	/** The open notebook's earlier versions, newest first (the first is the text as it is now). */
	versions(): Promise<VersionInfo[]> {
		return this.shelf.versions(this.runtime.notebookId);
	}

	/**
	 * Brings back an earlier version of the open notebook. The restore is itself a version, and
	 * the text it replaced stays one, so restoring that undoes it.
	 */
	async restoreVersion(version: VersionInfo, when: string): Promise<boolean> {
		const library = this.shelf.library;
		if (!library || this.readOnly || version.notebookId !== this.runtime.notebookId) return false;
		const text = await library.versionText(version);
		const parsed = text === null ? null : readNotebookSafe(text, { mode: 'lenient' });
		if (text === null || !parsed?.ok) {
			this.notice = { kind: 'error', text: `The version of ${when} can no longer be read; the notebook is unchanged.` };
			return false;
		}
		this.shelf.flush();
		const saved = library.save(version.notebookId, text, parsed.doc.title, { newVersion: true, why: `restored the version of ${when}` });
		if (!saved.ok) {
			this.notice = { kind: 'error', text: saved.problem.message };
			return false;
		}
		this.notice = { kind: 'info', text: `Restored the version of ${when}. The text it replaced is kept in the history: restore that to undo.` };
		await this.#show(parsed.doc, version.notebookId);
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

	/** Adds the notebook from the link to the library as a new notebook, opens it and runs it; the others stay as they were. */
	async acceptShared(): Promise<void> {
		const shared = this.shared;
		if (!shared) return;
		this.shared = null;
		forgetSharedLink();
		const title = uniqueTitle(shared.doc.title || 'Notebook from a link', this.shelf.list.map((n) => n.title));
		const doc = { ...shared.doc, title };
		await this.#addNotebook(serializeNotebook(doc), title, 'opened from a link', {
			doc,
			before: () => (this.notice = { kind: 'info', text: `Opened the notebook from the link as a new notebook, "${title}"; your other notebooks are unchanged.` })
		});
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

	/** Adds a notebook to the library and opens it; `doc` is `text` already read. */
	async #addNotebook(
		text: string,
		title: string,
		why: string,
		options: { doc?: NotebookDocument; before?: () => void; failed?: (message: string) => void } = {}
	): Promise<boolean> {
		const library = this.shelf.library;
		const failed = options.failed ?? ((message: string) => (this.notice = { kind: 'error', text: message }));
		const doc = options.doc ?? (() => {
			const parsed = readNotebookSafe(text, { mode: 'lenient' });
			return parsed.ok ? parsed.doc : null;
		})();
		if (!doc) {
			failed('Its text cannot be read as a notebook.');
			return false;
		}
		if (!library || this.readOnly) {
			// Nothing can be stored here: the notebook still opens, for this tab only.
			options.before?.();
			await this.#show(doc, `unsaved-${Date.now()}`);
			return true;
		}
		const created = library.create(text, title, why);
		if (!created.ok) {
			failed(created.problem.message);
			return false;
		}
		this.shelf.flush();
		library.setOpen(created.id);
		options.before?.();
		await this.#show(doc, created.id);
		return true;
	}

	/**
	 * Puts another document in the runtime: the previous one's runs stop and its outputs are kept
	 * under its own id; the new one shows its own snapshot and, with a dataset open, runs what
	 * its saved tables do not hold.
	 */
	async #show(doc: NotebookDocument, id: string): Promise<void> {
		// A deleted cell belongs to the notebook it was deleted from.
		this.#deleted = [];
		this.shelf.openId = id;
		this.shelf.refresh();
		this.#toPage.clear();
		this.states.clear();
		this.progress.clear();
		const attached = this.client !== null;
		if (attached) this.task = 'Running the notebook…';
		try {
			await this.runtime.switchTo(doc, id);
			if (!attached) await this.runtime.showSnapshot(this.data.current?.id ?? this.data.startingId());
		} finally {
			if (attached) this.task = null;
		}
	}

	/**
	 * The notebook open last (the library migrates the pre-library autosave on its first start,
	 * or stores the starter). An unreadable one stays in the library untouched; a new notebook
	 * from the template opens instead.
	 */
	#initialDocument(): { doc: NotebookDocument; id: string } {
		const starter = readNotebookSafe(STARTER_NOTEBOOK);
		if (!starter.ok) throw starter.error;
		const library = this.shelf.library;
		if (!library) {
			this.notice = { kind: 'error', text: 'This browser keeps no local storage for this site: the notebook lives in this tab only. Export it to keep your changes.' };
			return { doc: starter.doc, id: 'unsaved' };
		}
		const titleOf = (text: string) => {
			const parsed = readNotebookSafe(text, { mode: 'lenient' });
			return parsed.ok && parsed.doc.title ? parsed.doc.title : 'Recovered notebook';
		};
		const started = library.start(() => ({ text: STARTER_NOTEBOOK, title: starter.doc.title }), titleOf);
		if (started.problem) this.notice = { kind: 'error', text: started.problem.message };
		this.shelf.openId = started.id;
		this.shelf.refresh();
		const parsed = readNotebookSafe(started.text, { mode: 'lenient' });
		if (parsed.ok) return { doc: parsed.doc, id: started.id || 'unsaved' };
		const title = library.entry(started.id)?.title ?? 'Your notebook';
		const fresh = library.create(STARTER_NOTEBOOK, uniqueTitle(starter.doc.title, library.list().map((n) => n.title)), 'created');
		if (fresh.ok) {
			library.setOpen(fresh.id);
			this.shelf.openId = fresh.id;
			this.shelf.refresh();
		}
		this.notice = {
			kind: 'error',
			text: `"${title}" could not be read (${parsed.error.message}); the Customer Intelligence notebook is open instead. "${title}" stays in the Notebooks list unchanged: download it, fix the line named, and import it again.`
		};
		return { doc: starter.doc, id: fresh.ok ? fresh.id : 'unsaved' };
	}

	#mirror(doc: NotebookDocument, edited: ReadonlySet<CellId>, save = true) {
		const cellsChanged = doc.cells !== this.cells;
		const titleChanged = doc.title !== this.doc?.title;
		this.doc = doc;
		this.edited = edited;
		// The runtime says which notebook this is: an edit made while a switch is under way is
		// saved to the notebook it was made in.
		if (save && (cellsChanged || titleChanged)) this.shelf.changed(this.runtime.notebookId, () => serializeNotebook(doc), doc.title);
		if (!cellsChanged) return;
		this.cells = doc.cells;
		this.graph = this.runtime.graph;
		// A deleted cell's state goes with it, as in the runtime.
		const ids = new Set(doc.cells.map((c) => c.id));
		this.#toPage.flush();
		for (const id of [...this.states.keys()]) if (!ids.has(id)) this.states.delete(id);
	}
}

/** The link's notebook is handled (opened or declined): a reload must not ask again. */
function forgetSharedLink(): void {
	history.replaceState(history.state, '', location.pathname + location.search);
}

// The datasets of this browser and the one open now. Each dataset is its own OPFS database
// (store + the notebook's cell tables); opening one starts an engine on it, so switching is a
// reopen, never a re-ingest. An ingest writes a new database and only replaces the open one
// once it is complete: a failed, cancelled or interrupted ingest never touches other datasets.
import type { DuckDBClient, EngineStatus } from '../data/duckdb-client';
import { databaseFileName, databasePath, newDatasetId, SAMPLE_ID, type DatasetFile, type DatasetInfo, type DatasetSource } from '../datasets/dataset-info';
import { DatasetRegistry } from '../datasets/dataset-registry';
import { deleteDatasetFiles, requestPersistence, storageSummary, type StorageSummary } from '../datasets/dataset-storage';
import type { ColumnMapping, MappingOffer } from '../ingest/csv-head';
import type { IngestProgress, IngestReport, IngestSource } from '../ingest/ingest-events';
import { RESULTS_CACHE_SETUP } from '../runtime/results-cache';
import { databaseFiles, OPFS_DATABASE_LIMIT_BYTES } from '../store/database-size-limit';
import { attachEventPartitions, readEventPartitions } from '../store/event-partitions';
import { checkpointAll } from '../data/companion-databases';
import { canUseOpfs, opfsFilesStartingWith } from '../data/opfs-files';
import { isWorkspaceHeld } from '../data/workspace-lock';
import { missingDatasetFiles } from '../datasets/dataset-files';
import type { WorkspaceEvent } from './workspace-event';

/**
 * Below the 4 GiB wasm ceiling, with room for Arrow results and the page's own memory. Measured
 * on 42.6M events: with 2.5 GiB the renderer peaked at 3.77 GiB (past the 3.5 GiB budget); with
 * 2 GiB the fact build peaked at 3.13 GiB instead of 3.54, in about the same time.
 */
export const MEMORY_LIMIT = '2GiB';
const ENGINE_SETUP = [`SET memory_limit = '${MEMORY_LIMIT}'`, ...RESULTS_CACHE_SETUP];

export interface WorkspaceHost {
	onEngineStatus(status: EngineStatus): void;
	/** A dataset is open on `client` (or none): show its tables and run the notebook. `epoch`
	 *  identifies the data (null: the same data as before, a table was added). */
	attach(client: DuckDBClient | null, epoch: string | null): Promise<void>;
	/** The open dataset is about to close: stop running cells. */
	detach(): Promise<void>;
	/** Something the user should hear about (the page words it). */
	report(event: WorkspaceEvent): void;
	/** Another tab holds the database: this tab must not autosave over it. */
	onLocked(): void;
}

export interface PendingMapping {
	files: File[];
	handles: FileSystemFileHandle[];
	fileName: string;
	offer: MappingOffer;
}

export interface IngestState extends IngestProgress {
	title: string;
}

export class DatasetWorkspace {
	list = $state.raw<DatasetInfo[]>([]);
	current = $state.raw<DatasetInfo | null>(null);
	storage = $state.raw<StorageSummary>({ usage: null, quota: null, persisted: null });
	ingest = $state.raw<IngestState | null>(null);
	mapping = $state.raw<PendingMapping | null>(null);
	client: DuckDBClient | null = null;
	#registry: DatasetRegistry | null = null;
	#abort: AbortController | null = null;
	#host: WorkspaceHost;

	constructor(host: WorkspaceHost) {
		this.#host = host;
	}

	get #reg(): DatasetRegistry {
		this.#registry ??= new DatasetRegistry(localStorage);
		return this.#registry;
	}

	get busy(): boolean {
		return this.ingest !== null;
	}

	/** The dataset start() opens: the last one used, else the last one built, else the sample. */
	startingId(): string {
		const reg = this.#reg;
		const lastReady = reg.list().find((d) => d.state === 'ready');
		return reg.current && reg.get(reg.current)?.state === 'ready' ? reg.current : (lastReady?.id ?? SAMPLE_ID);
	}

	/**
	 * Finds the datasets whose files are no longer in OPFS (evicted by the browser, or site data
	 * cleared) and marks them `missing`, so that startingId() passes over them. One listing of
	 * the OPFS root; nothing is opened. Run before the page shows the last session's outputs.
	 */
	async checkStorage(): Promise<void> {
		const present = await this.#opfsFiles();
		if (!present) return;
		const gone = this.#reg.list().filter((d) => d.state === 'ready' && d.id !== SAMPLE_ID && missingDatasetFiles(d.id, present).length > 0);
		for (const d of gone) this.#reg.update(d.id, { state: 'missing' });
		this.#refreshList();
		if (gone.length) this.#host.report({ type: 'data-missing', names: gone.map((d) => d.name) });
	}

	/** Opens the last dataset used (else the bundled sample) and asks to keep storage. */
	async start(): Promise<void> {
		this.#refreshList();
		void this.#askPersistence();
		await this.#rollBackInterrupted();
		await this.open(this.startingId());
	}

	/** Opens a stored dataset; the sample is ingested on first use. */
	async open(id: string): Promise<void> {
		if (this.busy) return;
		const previous = this.current?.id ?? null;
		await this.#close();
		// Opening a database whose file is gone would create an empty one in its place. (The
		// sample's is installed again instead, below.)
		const present = await this.#opfsFiles();
		if (id !== SAMPLE_ID && present && missingDatasetFiles(id, present).length > 0) return this.#missing(id, previous);
		// The engine's wasm compiles while a prebuilt sample is copied in; the database opens after.
		const install = id === SAMPLE_ID ? this.#installPrebuiltSample() : Promise.resolve(false);
		let client: DuckDBClient;
		try {
			client = await this.#connect(id, install);
		} catch (error) {
			// Prebuilt files this engine cannot open: build the sample from its CSV instead.
			if ((await install) && !(error instanceof Error && error.name === 'WorkspaceLockedError')) return this.#ingestSample();
			await this.#failedToOpen(id, error, previous);
			return;
		}
		const { readDatasetSummary } = await import('../ingest/dataset-meta');
		const summary = await readDatasetSummary(client).catch(() => null);
		if (!summary?.complete) {
			await client.close();
			if (id === SAMPLE_ID) return this.#ingestSample();
			this.#reg.update(id, { state: 'ingesting' });
			this.#refreshList();
			this.#host.report({ type: 'dataset-incomplete', name: this.#nameOf(id) });
			if (previous && previous !== id) return this.open(previous);
			return this.#host.attach(null, null);
		}
		// An event partition whose file is gone would be attached as a new, empty one.
		const listed = id === SAMPLE_ID ? await this.#opfsFiles() : present;
		if (listed && missingDatasetFiles(id, listed, await readEventPartitions(client).catch(() => [])).length > 0) {
			await client.close();
			if (id !== SAMPLE_ID) return this.#missing(id, previous);
			// The sample's files, whole again: copied from the site once more, else from its CSV.
			if (await install) return this.#ingestSample();
			await deleteDatasetFiles(SAMPLE_ID);
			return this.open(SAMPLE_ID);
		}
		await this.#attach(id, client);
	}

	/** Event-log files the user chose (CSV, CSV.gz, Parquet): checked first, then a new dataset.
	 *  `handles` (from the File System Access pickers) are kept to re-read the files later. */
	async openFiles(files: File[], mapping: ColumnMapping = {}, handles: FileSystemFileHandle[] = []): Promise<void> {
		if (this.busy || files.length === 0) return;
		this.mapping = null;
		const { planFileIngest } = await import('../ingest/plan-file-ingest');
		const plan = await planFileIngest(files, mapping);
		if (plan.kind === 'error') {
			this.#host.report({ type: 'files-refused', message: plan.error });
			if (plan.offer) this.mapping = { files, handles, fileName: plan.fileName, offer: plan.offer };
			return;
		}
		if (plan.kind === 'table') {
			await this.#loadTable(plan.file);
			return;
		}
		const name = files.length === 1 ? files[0].name : `${files[0].name} + ${files.length - 1} more`;
		const id = newDatasetId('files');
		const { saveHandles } = await import('../datasets/handle-store');
		await saveHandles(id, handles);
		await this.#ingestNew(id, name, 'files', files.map(fileInfo), (client) => plan.sources(client), { notes: plan.notes });
	}

	/** Whether an interrupted or missing dataset can be ingested again from its stored file handles. */
	async canResume(id: string): Promise<boolean> {
		const { loadHandles } = await import('../datasets/handle-store');
		return (await loadHandles(id)).length > 0;
	}

	/** Ingests an interrupted or missing dataset again from the same files (asks for permission again). */
	async resume(id: string): Promise<void> {
		const { loadHandles } = await import('../datasets/handle-store');
		const { reopenHandles } = await import('../datasets/pick-files');
		const picked = await reopenHandles(await loadHandles(id)).catch(() => null);
		if (!picked) {
			this.#host.report({ type: 'resume-denied' });
			return;
		}
		await this.remove(id, { quiet: true });
		await this.openFiles(picked.files, {}, picked.handles);
	}

	/** Ingests the files chosen again for an interrupted or missing dataset, in place of its entry. */
	async reopen(id: string, files: File[]): Promise<void> {
		if (this.busy || files.length === 0) return;
		await this.remove(id, { quiet: true });
		await this.openFiles(files);
	}

	/** Generates N million seeded events as a new dataset. */
	async generate(millions: number): Promise<void> {
		if (this.busy) return;
		const { demoSource } = await import('../ingest/ingest-sources');
		await this.#ingestNew(newDatasetId('demo'), `Demo data: ${millions}M generated events`, 'generated', [], (client) => [
			demoSource(client, millions, (p) => this.#setIngest({ title: 'Generating demo data', phase: 'append', step: p.step, fraction: (0.5 * p.done) / p.total }))
		]);
	}

	cancelIngest() {
		this.#abort?.abort();
	}

	/** Removes a dataset and frees its storage; if it is open, another one is opened. */
	async remove(id: string, options: { quiet?: boolean } = {}): Promise<void> {
		if (this.busy) return;
		const wasOpen = this.current?.id === id;
		if (wasOpen) await this.#close();
		try {
			await deleteDatasetFiles(id);
		} catch (error) {
			this.#host.report({ type: 'delete-failed', name: this.#nameOf(id), error });
			if (wasOpen) await this.open(id);
			return;
		}
		const name = this.#nameOf(id);
		this.#reg.remove(id);
		const [{ deleteHandles }, { deleteOutputSnapshot }] = await Promise.all([
			import('../datasets/handle-store'),
			import('../datasets/output-snapshot-store')
		]);
		await Promise.all([deleteHandles(id), deleteOutputSnapshot(id)]);
		this.#refreshList();
		await this.refreshStorage();
		if (!options.quiet) this.#host.report({ type: 'deleted', name });
		if (wasOpen) {
			const next = this.#reg.list().find((d) => d.state === 'ready');
			await this.open(next?.id ?? SAMPLE_ID);
		}
	}

	async refreshStorage(): Promise<void> {
		this.storage = await storageSummary();
	}

	// ---- internals ---------------------------------------------------------------------------

	async #connect(id: string, filesReady?: Promise<unknown>): Promise<DuckDBClient> {
		const { DuckDBClient } = await import('../data/duckdb-client');
		return DuckDBClient.open({ path: databasePath(id), setup: ENGINE_SETUP, onStatus: (s) => this.#host.onEngineStatus(s), filesReady });
	}

	async #attach(id: string, client: DuckDBClient): Promise<void> {
		const { readDatasetSummary } = await import('../ingest/dataset-meta');
		const { upgradeStore } = await import('../ingest/upgrade-store');
		// `events` is a view over partition files: they must be attached before anything reads it.
		await attachEventPartitions(client);
		// A store saved by an older version gets the fact tables added since. If that fails the
		// dataset still opens: only the cells reading those tables fail, and the user is told why.
		await upgradeStore(client).catch((error) => this.#host.report({ type: 'upgrade-failed', error }));
		const summary = await readDatasetSummary(client);
		const built = await client.query(`SELECT built_at::VARCHAR FROM main.store_build`);
		// The open database's files cannot be read through OPFS while DuckDB holds them: ask DuckDB.
		const files = client.persistent ? await databaseFiles(client).catch(() => null) : null;
		const reg = this.#reg;
		if (!reg.get(id)) reg.put(newInfo(id, id === SAMPLE_ID ? 'Bundled sample' : id, id === SAMPLE_ID ? 'sample' : 'files', []));
		reg.update(id, {
			state: 'ready',
			rows: summary.rows,
			firstEvent: summary.firstEvent,
			lastEvent: summary.lastEvent,
			lastOpened: Date.now(),
			storedBytes: files ? files.reduce((n, f) => n + f.bytes + f.walBytes, 0) : null
		});
		reg.setCurrent(id);
		const largest = files?.[0]?.bytes ?? 0;
		if (largest > OPFS_DATABASE_LIMIT_BYTES) this.#host.report({ type: 'oversize', name: this.#nameOf(id), bytes: largest });
		this.client = client;
		this.current = reg.get(id) ?? null;
		this.#refreshList();
		void this.refreshStorage();
		await this.#host.attach(client, `${id}:${built.rows[0]?.[0] ?? ''}`);
	}

	async #close(): Promise<void> {
		if (!this.client) return;
		await this.#host.detach();
		const client = this.client;
		this.client = null;
		this.current = null;
		await client.close();
	}

	/**
	 * Dataset `id` has lost its files: it stays listed as `missing` (to be opened from its files
	 * again, or deleted), and another dataset opens instead: the one open before, else the last
	 * one used, else the sample (which installs itself again when its files are gone).
	 */
	async #missing(id: string, previous: string | null): Promise<void> {
		this.#reg.update(id, { state: 'missing' });
		this.#refreshList();
		this.#host.report({ type: 'data-missing', names: [this.#nameOf(id)] });
		const next = previous && previous !== id ? previous : this.startingId();
		await this.open(next === id ? SAMPLE_ID : next);
	}

	/**
	 * An ingest still `ingesting` at start-up stopped when its tab closed: what it wrote can never
	 * be finished (a new ingest starts from the files again), so it is removed now, and the entry
	 * stays for the user to resume or delete. One whose database another tab holds is in progress
	 * there, and left alone. The sample's is not reported: it is installed again when opened.
	 */
	async #rollBackInterrupted(): Promise<void> {
		const interrupted: DatasetInfo[] = [];
		for (const d of this.#reg.list()) {
			if (d.state !== 'ingesting' || (await isWorkspaceHeld(databasePath(d.id)))) continue;
			await deleteDatasetFiles(d.id).catch((error) => console.warn(`could not remove the files of the interrupted ingest ${d.id}`, error));
			if (d.id !== SAMPLE_ID) interrupted.push(d);
		}
		if (interrupted.length) this.#host.report({ type: 'ingest-interrupted', names: interrupted.map((d) => d.name) });
	}

	/** The OPFS root's entries, or null when this browser has no OPFS (datasets live in memory). */
	async #opfsFiles(): Promise<string[] | null> {
		return canUseOpfs() ? opfsFilesStartingWith('cin-').catch(() => null) : null;
	}

	async #failedToOpen(id: string, error: unknown, previous: string | null) {
		if (error instanceof Error && error.name === 'WorkspaceLockedError') {
			this.#host.onLocked();
			this.#host.onEngineStatus({ phase: 'failed', persistent: false, message: error.message });
			return;
		}
		this.#host.report({ type: 'open-failed', name: this.#nameOf(id), error });
		if (previous && previous !== id) await this.open(previous);
	}

	/**
	 * A first visit (or storage the browser evicted): the sample's store comes prebuilt with the
	 * site and is copied into OPFS, seconds instead of an ingest and a notebook run. Returns
	 * whether it was; if not (no prebuilt store shipped, a failed fetch), open() finds no
	 * complete store and ingests the sample's CSV.
	 */
	async #installPrebuiltSample(): Promise<boolean> {
		if ((await opfsFilesStartingWith(databaseFileName(SAMPLE_ID))).length > 0) return false;
		const { canInstallPrebuiltSample, installPrebuiltSample, prebuiltSampleManifest, prebuiltSampleUrl } = await import('../datasets/prebuilt-sample');
		if (!canInstallPrebuiltSample()) return false;
		const base = prebuiltSampleUrl(document.baseURI);
		const manifest = await prebuiltSampleManifest(base);
		if (!manifest) return false;
		const title = 'Loading the bundled sample';
		this.#setIngest({ title, phase: 'append', step: 'copying the prebuilt store', fraction: 0 });
		try {
			await installPrebuiltSample(base, manifest, (fraction) => this.#setIngest({ title, phase: 'append', step: 'copying the prebuilt store', fraction }));
			return true;
		} catch (error) {
			console.warn('the prebuilt sample could not be installed; ingesting its CSV instead', error);
			return false;
		} finally {
			this.ingest = null;
		}
	}

	async #ingestSample(): Promise<void> {
		const { sampleSources } = await import('../ingest/load-sample');
		await deleteDatasetFiles(SAMPLE_ID).catch(() => {});
		await this.#ingestNew(SAMPLE_ID, 'Bundled sample', 'sample', [], (client) => sampleSources(client), { quiet: true });
	}

	/**
	 * Builds a new dataset in its own database. Only once the store is complete does it become
	 * the open dataset; on failure or cancel its files are removed and the previous one reopens.
	 */
	async #ingestNew(
		id: string,
		name: string,
		source: DatasetSource,
		files: DatasetFile[],
		sources: (client: DuckDBClient) => IngestSource[] | Promise<IngestSource[]>,
		options: { quiet?: boolean; notes?: string[] } = {}
	): Promise<void> {
		const previous = this.current?.id ?? null;
		const title = source === 'sample' ? 'Loading the bundled sample' : `Ingesting ${name}`;
		this.#abort = new AbortController();
		const signal = this.#abort.signal;
		this.#setIngest({ title, phase: 'append', step: 'starting', fraction: 0 });
		this.#reg.put(newInfo(id, name, source, files));
		this.#refreshList();
		await this.#close();
		let client: DuckDBClient | null = null;
		let report: IngestReport;
		try {
			client = await this.#connect(id);
			const { ingestEvents } = await import('../ingest/ingest-events');
			const { ingestLogSql, writeStoreReport } = await import('../ingest/dataset-meta');
			const c = client;
			report = await ingestEvents(c, await sources(c), {
				signal,
				onProgress: (p) => this.#setIngest({ ...p, title, fraction: source === 'generated' ? 0.5 + p.fraction / 2 : p.fraction }),
				afterStep: () => checkpointAll(c),
				maxDatabaseBytes: c.persistent ? OPFS_DATABASE_LIMIT_BYTES : undefined
			});
			for (const sql of ingestLogSql(report)) await c.exec(sql);
			await c.exec('CHECKPOINT');
			await writeStoreReport(c);
			await c.exec('CHECKPOINT');
		} catch (error) {
			await client?.close().catch(() => {});
			await deleteDatasetFiles(id).catch(() => {});
			this.#reg.remove(id);
			this.#refreshList();
			this.ingest = null;
			this.#abort = null;
			this.#host.report({ type: 'ingest-failed', title, cancelled: signal.aborted, error });
			if (previous && previous !== id) await this.open(previous);
			else if (id !== SAMPLE_ID) await this.open(SAMPLE_ID);
			else await this.#host.attach(null, null);
			return;
		}
		this.ingest = null;
		this.#abort = null;
		if (!options.quiet) this.#host.report({ type: 'ingested', name, report, notes: options.notes ?? [] });
		await this.#attach(id, client);
	}

	/** A CSV that is not an event log: a table of the open dataset, named after the file. */
	async #loadTable(file: File) {
		if (!this.client) return;
		const { openDataFile } = await import('../ingest/open-file');
		try {
			const opened = await openDataFile(this.client, file);
			await this.client.exec('CHECKPOINT');
			this.#host.report({ type: 'table-loaded', fileName: file.name, rows: opened.rows, table: opened.table });
			await this.#host.attach(this.client, null);
		} catch (error) {
			this.#host.report({ type: 'table-failed', error });
		}
	}

	#setIngest(p: Omit<IngestState, 'elapsedMs' | 'remainingMs'> & Partial<IngestState>) {
		this.ingest = { elapsedMs: 0, remainingMs: null, ...this.ingest, ...p };
	}

	#nameOf(id: string): string {
		return this.#reg.get(id)?.name ?? id;
	}

	#refreshList() {
		this.list = this.#reg.list();
	}

	// A refusal is shown for good beside the storage figures (DatasetsPanel), not as a notice
	// that would hide the next error.
	async #askPersistence() {
		await requestPersistence();
		await this.refreshStorage();
	}
}

function newInfo(id: string, name: string, source: DatasetSource, files: DatasetFile[]): DatasetInfo {
	const now = Date.now();
	return {
		id,
		name,
		source,
		files,
		state: 'ingesting',
		rows: null,
		storedBytes: null,
		sourceBytes: files.reduce((n, f) => n + f.size, 0),
		firstEvent: null,
		lastEvent: null,
		createdAt: now,
		lastOpened: now
	};
}

function fileInfo(file: File): DatasetFile {
	return { name: file.name, size: file.size, lastModified: file.lastModified };
}

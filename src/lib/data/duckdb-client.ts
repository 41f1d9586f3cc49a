// The one DuckDB-WASM instance of the page: its worker, its persistent OPFS database and its
// single connection. Queries run one at a time through `send()` so they can be cancelled; a
// query that ignores the cancel is stopped by terminating the worker and reopening the
// database file (OPFS keeps everything committed).
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableToIPC, type RecordBatch } from 'apache-arrow';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
// The engine's worker scripts are classic scripts; Vite copies them as hashed same-origin assets.
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { appendRows, columnsOf } from './arrow-convert';
import { companionName, companionPath, type CompanionDatabases } from './companion-databases';
import { prefetchWasm, startEngineWorker } from './engine-worker';
import { CancelledError, QueryError } from './query-error';
import { quoteIdent, quoteString } from './sql';
import type { QueryOptions, SqlClient } from './sql-client';
import type { ColumnInfo, QueryResult, Row } from './value';
import { removeOpfsFiles } from './opfs-files';
import { holdWorkspaceLock } from './workspace-lock';

export interface EngineStatus {
	phase: 'loading' | 'ready' | 'restarting' | 'failed';
	/** Bytes of the wasm downloaded so far / in total, while loading. */
	loaded?: number;
	total?: number;
	/** Whether tables persist across reloads (OPFS) or live only in memory. */
	persistent: boolean;
	message?: string;
	/** Once ready: where the start-up time went (wasm fetched and compiled, database opened, set-up run). */
	timings?: { wasmMs: number; openMs: number; setupMs: number };
}


export interface ClientOptions {
	/** `opfs://…` path of the persistent database; `:memory:` for none. */
	path: string;
	onStatus?: (status: EngineStatus) => void;
	/** How long a cancelled query may keep running before the worker is terminated. */
	hardCancelAfterMs?: number;
	/** Statements run on every (re)connect, e.g. schema and search_path set-up. */
	setup?: string[];
}

interface Engine {
	db: duckdb.AsyncDuckDB;
	conn: duckdb.AsyncDuckDBConnection;
	worker: Worker;
	persistent: boolean;
	/** Rejects if the worker dies; in-flight queries race it so they never hang. */
	crashed: Promise<never>;
}

export class DuckDBClient implements SqlClient, CompanionDatabases {
	#options: ClientOptions;
	#engine: Promise<Engine>;
	#queue: Promise<unknown> = Promise.resolve();
	#persistent = false;
	#releaseLock: () => void = () => {};
	/** Companion databases attached now, re-attached whenever the engine restarts. */
	#attached = new Set<string>();

	private constructor(options: ClientOptions) {
		this.#options = options;
		this.#engine = this.#start('loading');
	}

	static async open(options: ClientOptions): Promise<DuckDBClient> {
		const release = options.path.startsWith('opfs://') ? await holdWorkspaceLock(`cin:${options.path}`) : () => {};
		const client = new DuckDBClient(options);
		client.#releaseLock = release;
		try {
			await client.#engine;
		} catch (error) {
			release();
			throw error;
		}
		return client;
	}

	get path(): string {
		return this.#options.path;
	}

	get persistent(): boolean {
		return this.#persistent;
	}

	/** Runs SQL and returns its result, converted (see arrow-convert). */
	query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
		const maxRows = options.maxRows ?? Infinity;
		let columns: ColumnInfo[] = [];
		const rows: Row[] = [];
		let rowCount = 0;
		return this.#exclusive(sql, options.signal, (batch) => {
			if (rowCount === 0 && columns.length === 0) columns = columnsOf(batch.schema);
			appendRows(batch, rows, maxRows - rows.length);
			rowCount += batch.numRows;
		}).then((schemaColumns) => ({
			columns: columns.length ? columns : schemaColumns,
			rows,
			rowCount
		}));
	}

	/** Runs SQL for its effect. */
	async exec(sql: string, options: { signal?: AbortSignal } = {}): Promise<void> {
		await this.#exclusive(sql, options.signal, () => {});
	}

	/** Makes bytes readable by SQL under `name` (small files only: the bytes are copied). */
	async registerFileBuffer(name: string, bytes: Uint8Array): Promise<void> {
		const engine = await this.#engine;
		await engine.db.registerFileBuffer(name, bytes);
	}

	/** Makes a browser File readable by SQL under `name`, read lazily (never copied whole). */
	async registerFile(name: string, file: File): Promise<void> {
		const engine = await this.#engine;
		await engine.db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
	}

	setVariable(name: string, value: number | string): Promise<void> {
		const sql = `SET VARIABLE ${quoteIdent(name)} = ?`;
		const run = this.#queue.then(async () => {
			const engine = await this.#engine;
			const statement = await engine.conn.prepare(sql);
			try {
				await Promise.race([statement.query(value), engine.crashed]);
			} catch (error) {
				throw new QueryError(error instanceof Error ? error.message : String(error), sql, { cause: error });
			} finally {
				await statement.close().catch(() => {});
			}
		});
		this.#queue = run.catch(() => {});
		return run;
	}

	/** A query's result as CSV bytes, written by DuckDB's own CSV writer (exact decimals, ISO times). */
	exportCsv(sql: string): Promise<Uint8Array> {
		const file = 'cin-export.csv';
		const run = this.#queue.then(async () => {
			const engine = await this.#engine;
			try {
				await Promise.race([engine.conn.query(`COPY (${sql}) TO ${quoteString(file)} (HEADER, DELIMITER ',')`), engine.crashed]);
				return await engine.db.copyFileToBuffer(file);
			} catch (error) {
				throw new QueryError(error instanceof Error ? error.message : String(error), sql, { cause: error });
			} finally {
				await engine.db.dropFile(file).catch(() => {});
			}
		});
		this.#queue = run.catch(() => {});
		return run;
	}

	/** A query's result as an Arrow IPC stream (e.g. to write Parquet with parquet-wasm). */
	queryArrowIPC(sql: string): Promise<Uint8Array> {
		const run = this.#queue.then(async () => {
			const engine = await this.#engine;
			try {
				const table = await Promise.race([engine.conn.query(sql), engine.crashed]);
				return tableToIPC(table, 'stream');
			} catch (error) {
				throw new QueryError(error instanceof Error ? error.message : String(error), sql, { cause: error });
			}
		});
		this.#queue = run.catch(() => {});
		return run;
	}

	/** Appends one Arrow IPC stream (e.g. a Parquet row group) to `main.<table>`, creating it first if asked. */
	insertArrowIPC(table: string, ipc: Uint8Array, create: boolean): Promise<void> {
		const run = this.#queue.then(async () => {
			const engine = await this.#engine;
			await Promise.race([engine.conn.insertArrowFromIPCStream(ipc, { name: table, schema: 'main', create }), engine.crashed]);
		});
		this.#queue = run.catch(() => {});
		return run;
	}

	/**
	 * Attaches the companion database `name` (created if missing) as catalog `name`: a file
	 * beside this database in OPFS, or an in-memory one when the database is in memory. The
	 * store splits a dataset over several files because DuckDB-WASM corrupts files past 4 GiB.
	 */
	attach(name: string): Promise<void> {
		const alias = companionName(name);
		const run = this.#queue.then(async () => {
			if (this.#attached.has(alias)) return; // its files are registered: once is all they can be
			const engine = await this.#engine;
			await attachCompanion(engine, this.#options.path, alias);
			this.#attached.add(alias);
		});
		this.#queue = run.catch(() => {});
		return run;
	}

	/** Detaches companion `name` (DuckDB checkpoints it first) and, with `remove`, deletes its files. */
	detach(name: string, options: { remove?: boolean } = {}): Promise<void> {
		return this.#detach(name, options.remove ? 'all' : 'none');
	}

	/**
	 * DuckDB-WASM cannot delete files in OPFS, so a WAL that a checkpoint made redundant stays,
	 * and the next ATTACH replays it on top of the database file ("Table with name events
	 * already exists!"). A companion written for the last time is detached (which checkpoints
	 * it), its WAL removed, and attached again. In memory there is no WAL, and nothing to do.
	 */
	async finish(name: string): Promise<void> {
		if (!this.#persistent) return;
		await this.#detach(name, 'wal');
		await this.attach(name);
	}

	#detach(name: string, remove: 'none' | 'wal' | 'all'): Promise<void> {
		const alias = companionName(name);
		const run = this.#queue.then(async () => {
			const engine = await this.#engine;
			await engine.conn.query(`DETACH DATABASE IF EXISTS ${quoteIdent(alias)}`);
			this.#attached.delete(alias);
			if (!engine.persistent) return;
			const path = companionPath(this.#options.path, alias);
			// Closing DuckDB's file handles lets go of the OPFS access handles, so the files can go.
			for (const file of [path, `${path}.wal`]) await engine.db.dropFile(file).catch(() => {});
			const opfs = (p: string) => p.replace(/^opfs:\/\//, '');
			if (remove === 'all') await removeOpfsFiles([opfs(path), opfs(`${path}.wal`)]);
			if (remove === 'wal') await removeOpfsFiles([opfs(`${path}.wal`)]);
		});
		this.#queue = run.catch(() => {});
		return run;
	}

	async dropFile(name: string): Promise<void> {
		const engine = await this.#engine;
		await engine.db.dropFile(name);
	}

	/** Drops the engine and starts a fresh one on the same database file. */
	async restart(reason = 'restarting'): Promise<void> {
		const old = await this.#engine.catch(() => null);
		this.#engine = this.#start('restarting', reason);
		if (old) terminate(old);
		await this.#engine;
	}

	/** Stops the engine and releases the database (its OPFS handles and the tab's lock). */
	async close(): Promise<void> {
		await this.#queue.catch(() => {});
		const engine = await this.#engine.catch(() => null);
		if (engine) {
			// Detach cleanly so OPFS access handles are closed before the files may be removed.
			await engine.conn.close().catch(() => {});
			await engine.db.terminate().catch(() => {});
			engine.worker.terminate();
		}
		this.#releaseLock();
	}

	// One query at a time: DuckDB-WASM has one connection here, and results must not interleave.
	#exclusive(sql: string, signal: AbortSignal | undefined, onBatch: (b: RecordBatch) => void): Promise<ColumnInfo[]> {
		const run = this.#queue.then(() => this.#stream(sql, signal, onBatch));
		this.#queue = run.catch(() => {});
		return run;
	}

	async #stream(sql: string, signal: AbortSignal | undefined, onBatch: (b: RecordBatch) => void): Promise<ColumnInfo[]> {
		if (signal?.aborted) throw new CancelledError();
		const engine = await this.#engine;
		let onAbort: (() => void) | null = null;
		const aborted = new Promise<never>((_, reject) => {
			onAbort = () => {
				void engine.conn.cancelSent().catch(() => {});
				// Give DuckDB a moment to stop between slices; past that, kill the worker.
				const timer = setTimeout(() => {
					reject(new CancelledError('cancelled (the engine was restarted to stop the query)'));
					void this.restart('stopping a query that did not respond to cancel');
				}, this.#options.hardCancelAfterMs ?? 1500);
				work.finally(() => clearTimeout(timer)).catch(() => {});
			};
			signal?.addEventListener('abort', onAbort, { once: true });
		});
		const work = (async () => {
			const reader = await engine.conn.send(sql, true);
			for await (const batch of reader) {
				if (signal?.aborted) throw new CancelledError();
				onBatch(batch);
			}
			return reader.schema ? columnsOf(reader.schema) : [];
		})();
		work.catch(() => {}); // settled through the race below; never an unhandled rejection
		try {
			return await Promise.race(signal ? [work, aborted, engine.crashed] : [work, engine.crashed]);
		} catch (error) {
			if (signal?.aborted) throw error instanceof CancelledError ? error : new CancelledError();
			throw new QueryError(error instanceof Error ? error.message : String(error), sql, { cause: error });
		} finally {
			if (onAbort) signal?.removeEventListener('abort', onAbort);
		}
	}

	async #start(phase: 'loading' | 'restarting', message?: string): Promise<Engine> {
		const report = (s: Omit<EngineStatus, 'persistent'>) =>
			this.#options.onStatus?.({ persistent: this.#persistent, ...s });
		report({ phase, message });
		try {
			const features = await duckdb.getPlatformFeatures();
			const eh = features.wasmExceptions;
			// Absolute: the worker runs from a blob, against which a path does not resolve.
			const wasmUrl = new URL(eh ? ehWasmUrl : mvpWasmUrl, location.href).href;
			const worker = startEngineWorker(eh ? ehWorkerUrl : mvpWorkerUrl);
			const crashed = new Promise<never>((_, reject) => {
				worker.addEventListener('error', (event) => {
					reject(new Error(`the SQL engine crashed (${event.message || 'worker error'}); it was restarted, run the cell again`));
					// Restart only if this is still the current engine.
					void this.#engine.then((current) => {
						if (current.worker === worker) void this.restart('restarting after a crash');
					});
				});
			});
			crashed.catch(() => {});
			const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
			const t0 = performance.now();
			await prefetchWasm(wasmUrl, (p) => report({ phase, loaded: p.loaded, total: p.total, message }));
			await db.instantiate(wasmUrl, null);
			const t1 = performance.now();
			const persistent = await openDatabase(db, this.#options.path);
			this.#persistent = persistent;
			const t2 = performance.now();
			const conn = await db.connect();
			// Extensions would be fetched from the internet: never. A mistake must fail at once.
			await conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
			for (const alias of this.#attached) await attachCompanion({ db, conn, persistent }, this.#options.path, alias);
			for (const statement of this.#options.setup ?? []) await conn.query(statement);
			const ms = (from: number, to: number) => Math.round(to - from);
			report({
				phase: 'ready',
				timings: { wasmMs: ms(t0, t1), openMs: ms(t1, t2), setupMs: ms(t2, performance.now()) },
				message: persistent ? undefined : 'This browser cannot keep data between visits here (no OPFS): tables last until the tab closes.'
			});
			return { db, conn, worker, persistent, crashed };
		} catch (error) {
			const text = error instanceof Error ? error.message : String(error);
			report({ phase: 'failed', message: `The SQL engine could not start: ${text}` });
			throw error;
		}
	}
}

async function openDatabase(db: duckdb.AsyncDuckDB, path: string): Promise<boolean> {
	if (path.startsWith('opfs://') && typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function') {
		try {
			await db.open({
				path,
				accessMode: duckdb.DuckDBAccessMode.READ_WRITE,
				query: { castBigIntToDouble: false }
			});
			return true;
		} catch (error) {
			console.warn('OPFS database unavailable, falling back to memory:', error);
		}
	}
	await db.open({ path: ':memory:', query: { castBigIntToDouble: false } });
	return false;
}

async function attachCompanion(engine: Pick<Engine, 'db' | 'conn' | 'persistent'>, path: string, alias: string): Promise<void> {
	if (!engine.persistent) {
		await engine.conn.query(`ATTACH IF NOT EXISTS ':memory:' AS ${quoteIdent(alias)}`);
		return;
	}
	const file = companionPath(path, alias);
	// DuckDB-WASM opens OPFS files only through access handles registered beforehand. Not with
	// registerOPFSFileName: it keeps the handle of an empty file (a WAL not written yet) aside,
	// where dropFile never closes it, so the file could not be attached again or removed.
	const dir = await navigator.storage.getDirectory();
	for (const name of [file, `${file}.wal`]) {
		const handle = await dir.getFileHandle(name.replace(/^opfs:\/\//, ''), { create: true });
		await engine.db.registerFileHandle(name, handle, duckdb.DuckDBDataProtocol.BROWSER_FSACCESS, true);
	}
	await engine.conn.query(`ATTACH IF NOT EXISTS ${quoteString(file)} AS ${quoteIdent(alias)}`);
}

function terminate(engine: Engine) {
	void engine.db.terminate().catch(() => {});
	engine.worker.terminate();
}

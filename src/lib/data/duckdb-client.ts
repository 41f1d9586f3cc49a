// The one DuckDB-WASM instance of the page: its worker, its persistent OPFS database and its
// single connection. Every call that uses the engine waits its turn in one queue (#serialised):
// results must not interleave on the one connection. Queries stream through `send()` so they
// can be cancelled; a query that ignores the cancel is stopped by terminating the worker and
// reopening the database file (OPFS keeps everything committed). The client reports facts
// (EngineStatus, QueryError, CancelledError); engine-messages words them for the page.
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableToIPC, type RecordBatch } from 'apache-arrow';
import { ColumnCollector, columnsToIPC } from './arrow-columns';
import { appendRows, columnsOf } from './arrow-convert';
import { attachCompanion } from './attach-companion';
import { companionFiles, companionName, removeCompanionFiles, type CompanionDatabases } from './companion-databases';
import type { ColumnarClient, Columns } from './columnar-client';
import type { EngineStatus, RestartReason } from './engine-status';
import { asQueryError, CancelledError } from './query-error';
import { quoteIdent, quoteString } from './sql';
import type { QueryOptions, SqlClient } from './sql-client';
import { setVariable } from './set-variable';
import { startEngine, stopEngine, type Engine } from './start-engine';
import { streamQuery } from './stream-query';
import type { ColumnInfo, QueryResult, Row } from './value';
import { holdWorkspaceLock, workspaceLockName } from './workspace-lock';

export type { EngineStatus, RestartReason } from './engine-status';

export interface ClientOptions {
	/** `opfs://…` path of the persistent database; `:memory:` for none. */
	path: string;
	onStatus?: (status: EngineStatus) => void;
	/** How long a cancelled query may keep running before the worker is terminated. */
	hardCancelAfterMs?: number;
	/** Statements run on every (re)connect, e.g. schema and search_path set-up. */
	setup?: string[];
	/** The database's files are still being written (a prebuilt store copied into OPFS): the
	 *  engine's wasm compiles meanwhile, and the database opens once this settles. */
	filesReady?: Promise<unknown>;
}

export class DuckDBClient implements SqlClient, ColumnarClient, CompanionDatabases {
	#options: ClientOptions;
	#engine: Promise<Engine>;
	#queue: Promise<unknown> = Promise.resolve();
	#persistent = false;
	#releaseLock: () => void = () => {};
	/** Companion databases attached now, re-attached whenever the engine restarts. */
	#attached = new Set<string>();
	/** Variables set so far (the notebook's inputs), set again whenever the engine restarts:
	 *  they live in the engine's session, which a restart loses. */
	#variables = new Map<string, number | string>();
	/** Whether an engine has opened the database from OPFS: a restart must too. */
	#openedPersistent = false;

	private constructor(options: ClientOptions) {
		this.#options = options;
		this.#engine = this.#start('loading');
	}

	static async open(options: ClientOptions): Promise<DuckDBClient> {
		const release = options.path.startsWith('opfs://') ? await holdWorkspaceLock(workspaceLockName(options.path)) : () => {};
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

	// Registering and dropping files wait their turn too. The worker answers other messages
	// between the slices of a streamed query, so a file dropped or replaced out of turn could go
	// from under a query still reading it. The wait costs nothing: whoever registers a file
	// queries it next, and that query waits its turn anyway.

	/** Makes bytes readable by SQL under `name` (small files only: the bytes are copied). */
	registerFileBuffer(name: string, bytes: Uint8Array): Promise<void> {
		return this.#engineCall(`register file ${name}`, (engine) => engine.db.registerFileBuffer(name, bytes));
	}

	/** Makes a browser File readable by SQL under `name`, read lazily (never copied whole). */
	registerFile(name: string, file: File): Promise<void> {
		return this.#engineCall(`register file ${name}`, (engine) =>
			engine.db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true)
		);
	}

	dropFile(name: string): Promise<void> {
		return this.#engineCall(`drop file ${name}`, async (engine) => {
			await engine.db.dropFile(name);
		});
	}

	setVariable(name: string, value: number | string): Promise<void> {
		return this.#engineCall(`SET VARIABLE ${quoteIdent(name)} = ?`, async (engine) => {
			await setVariable(engine.conn, name, value);
			this.#variables.set(name, value);
		});
	}

	/** A query's result as CSV bytes, written by DuckDB's own CSV writer (exact decimals, ISO times). */
	exportCsv(sql: string): Promise<Uint8Array> {
		const file = 'cin-export.csv';
		return this.#engineCall(sql, async (engine) => {
			try {
				await engine.conn.query(`COPY (${sql}) TO ${quoteString(file)} (HEADER, DELIMITER ',')`);
				return await engine.db.copyFileToBuffer(file);
			} finally {
				await engine.db.dropFile(file).catch(() => {});
			}
		});
	}

	/** A query's result as an Arrow IPC stream (e.g. to write Parquet with parquet-wasm). */
	queryArrowIPC(sql: string): Promise<Uint8Array> {
		return this.#engineCall(sql, async (engine) => tableToIPC(await engine.conn.query(sql), 'stream'));
	}

	/** A numeric result as typed arrays, streamed so it can be cancelled (columnar-client.ts). */
	readColumns(sql: string, options: { signal?: AbortSignal } = {}): Promise<Columns> {
		const collector = new ColumnCollector();
		return this.#exclusive(sql, options.signal, (batch) => collector.add(batch)).then(() => collector.finish());
	}

	/** Creates or replaces `schema.table` from typed arrays. */
	writeColumns(schema: string, table: string, columns: Columns): Promise<void> {
		const target = `${quoteIdent(schema)}.${quoteIdent(table)}`;
		return this.#engineCall(`write columns into ${target}`, async (engine) => {
			await engine.conn.query(`DROP TABLE IF EXISTS ${target}`);
			await engine.conn.insertArrowFromIPCStream(columnsToIPC(columns), { schema, name: table, create: true });
		});
	}

	/** Appends one Arrow IPC stream (e.g. a Parquet row group) to `main.<table>`, creating it first if asked. */
	insertArrowIPC(table: string, ipc: Uint8Array, create: boolean): Promise<void> {
		return this.#engineCall(`insert Arrow into main.${table}`, (engine) =>
			engine.conn.insertArrowFromIPCStream(ipc, { name: table, schema: 'main', create })
		);
	}

	/**
	 * Attaches the companion database `name` (created if missing) as catalog `name`: a file
	 * beside this database in OPFS, or an in-memory one when the database is in memory. The
	 * store splits a dataset over several files because DuckDB-WASM corrupts files past 4 GiB.
	 */
	attach(name: string): Promise<void> {
		const alias = companionName(name);
		return this.#engineCall(`attach companion database ${alias}`, async (engine) => {
			if (this.#attached.has(alias)) return; // its files are registered: once is all they can be
			await attachCompanion(engine, this.#options.path, alias);
			this.#attached.add(alias);
		});
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
		const sql = `DETACH DATABASE IF EXISTS ${quoteIdent(alias)}`;
		const files = companionFiles(this.#options.path, alias);
		// One turn for the detach and the removal, so that no attach of the same companion
		// registers its files in between.
		return this.#serialised(async () => {
			const persistent = await this.#onEngine(sql, async (engine) => {
				await engine.conn.query(sql);
				this.#attached.delete(alias);
				// Closing DuckDB's file handles lets go of the OPFS access handles, so the files can go.
				if (engine.persistent) for (const file of [files.database, files.wal]) await engine.db.dropFile(file).catch(() => {});
				return engine.persistent;
			});
			if (!persistent || remove === 'none') return;
			await removeCompanionFiles(remove === 'all' ? [files.database, files.wal] : [files.wal]);
		});
	}

	/** Drops the engine and starts a fresh one on the same database file. Not a turn in the
	 *  queue: it is how a query that holds the queue and ignores its cancel gets stopped. */
	async restart(reason: RestartReason = 'requested'): Promise<void> {
		const old = await this.#engine.catch(() => null);
		this.#engine = this.#start('restarting', reason);
		if (old) stopEngine(old);
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

	/** The one queue: `job` starts once every call queued before it has settled. */
	#serialised<T>(job: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(job);
		this.#queue = run.catch(() => {});
		return run;
	}

	/** `work` on the engine, in its turn (see #onEngine). */
	#engineCall<T>(what: string, work: (engine: Engine) => Promise<T>, signal?: AbortSignal): Promise<T> {
		return this.#serialised(() => this.#onEngine(what, work, signal));
	}

	/**
	 * `work` on the current engine, raced against the worker dying so it never hangs. It fails
	 * with a CancelledError if `signal` was aborted, else with a QueryError carrying `what` (the
	 * SQL, or what the call did). Only ever called within a turn of the queue.
	 */
	async #onEngine<T>(what: string, work: (engine: Engine) => Promise<T>, signal?: AbortSignal): Promise<T> {
		if (signal?.aborted) throw new CancelledError();
		try {
			const engine = await this.#engine;
			return await Promise.race([work(engine), engine.crashed]);
		} catch (error) {
			if (signal?.aborted) throw error instanceof CancelledError ? error : new CancelledError();
			throw asQueryError(error, what);
		}
	}

	#exclusive(sql: string, signal: AbortSignal | undefined, onBatch: (b: RecordBatch) => void): Promise<ColumnInfo[]> {
		return this.#engineCall(
			sql,
			(engine) =>
				streamQuery(engine, sql, onBatch, {
					signal,
					hardCancelAfterMs: this.#options.hardCancelAfterMs ?? 1500,
					onHardCancel: () => void this.restart('cancel-timeout')
				}),
			signal
		);
	}

	async #start(phase: 'loading' | 'restarting', restartReason?: RestartReason): Promise<Engine> {
		const report = (s: Omit<EngineStatus, 'persistent'>) => this.#options.onStatus?.({ persistent: this.#persistent, ...s });
		report({ phase, restartReason });
		try {
			const { engine, timings } = await startEngine({
				path: this.#options.path,
				setup: this.#options.setup ?? [],
				companions: this.#attached,
				variables: this.#variables,
				persistentBefore: this.#openedPersistent,
				filesReady: this.#options.filesReady,
				onProgress: (p) => report({ phase, restartReason, loaded: p.loaded, total: p.total }),
				onCrash: (worker) => {
					// Restart only if this is still the current engine.
					void this.#engine.then(
						(current) => {
							if (current.worker === worker) void this.restart('crash');
						},
						() => {}
					);
				}
			});
			this.#persistent = engine.persistent;
			this.#openedPersistent ||= engine.persistent;
			report({ phase: 'ready', timings });
			return engine;
		} catch (error) {
			report({ phase: 'failed', error });
			throw error;
		}
	}
}

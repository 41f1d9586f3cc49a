// Starting one DuckDB-WASM engine: its worker, the wasm, the database (in OPFS if the browser
// has it, else in memory) and its single connection, set up for the app.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
// The engine's worker scripts are classic scripts; Vite copies them as hashed same-origin assets.
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { attachCompanion } from './attach-companion';
import { EngineCrashedError } from './engine-crashed-error';
import type { EngineTimings } from './engine-status';
import { prefetchWasm, startEngineWorker, type WasmProgress } from './engine-worker';
import { setVariable } from './set-variable';

/** How often, and how far apart, a restart tries to open the database file again. */
const REOPEN_ATTEMPTS = 25;
const REOPEN_DELAY_MS = 200;

export interface Engine {
	db: duckdb.AsyncDuckDB;
	conn: duckdb.AsyncDuckDBConnection;
	worker: Worker;
	/** Whether the database is the OPFS file (else it is in memory). */
	persistent: boolean;
	/** Rejects (with an EngineCrashedError) if the worker dies; calls race it so they never hang. */
	crashed: Promise<never>;
}

export interface EngineStart {
	/** `opfs://…` path of the persistent database; `:memory:` for none. */
	path: string;
	/** Statements run once connected, e.g. schema and search_path set-up. */
	setup: readonly string[];
	/** Companion databases to attach (again, after a restart), read once the database is open. */
	companions: Iterable<string>;
	/** Variables to set (again, after a restart: they live in the engine's session), bound as
	 *  parameters, never pasted into SQL. */
	variables?: Iterable<[name: string, value: number | string]>;
	/** The database was opened from OPFS before (this is a restart): open it again or fail, never
	 *  carry on in memory, where the tables are not. */
	persistentBefore?: boolean;
	/** Settles once the database's files are in place; the wasm compiles in the meantime. */
	filesReady?: Promise<unknown>;
	onProgress(progress: WasmProgress): void;
	/** The worker died (after `crashed` rejected). */
	onCrash(worker: Worker): void;
}

export async function startEngine(start: EngineStart): Promise<{ engine: Engine; timings: EngineTimings }> {
	const features = await duckdb.getPlatformFeatures();
	const eh = features.wasmExceptions;
	// Absolute: the worker runs from a blob, against which a path does not resolve.
	const wasmUrl = new URL(eh ? ehWasmUrl : mvpWasmUrl, location.href).href;
	const worker = startEngineWorker(eh ? ehWorkerUrl : mvpWorkerUrl);
	const crashed = new Promise<never>((_, reject) => {
		worker.addEventListener('error', (event) => {
			reject(new EngineCrashedError(event.message));
			start.onCrash(worker);
		});
	});
	crashed.catch(() => {});
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	const t0 = mark('cin:engine-start');
	await prefetchWasm(wasmUrl, start.onProgress);
	await db.instantiate(wasmUrl, null);
	const t1 = mark('cin:wasm-ready');
	await start.filesReady?.catch(() => {});
	const persistent = await openDatabase(db, start.path, start.persistentBefore ?? false);
	const t2 = mark('cin:database-open');
	const conn = await db.connect();
	// Extensions would be fetched from the internet: never. A mistake must fail at once.
	await conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
	for (const alias of start.companions) await attachCompanion({ db, conn, persistent }, start.path, alias);
	for (const statement of start.setup) await conn.query(statement);
	for (const [name, value] of start.variables ?? []) await setVariable(conn, name, value);
	mark('cin:engine-ready');
	const ms = (from: number, to: number) => Math.round(to - from);
	return {
		engine: { db, conn, worker, persistent, crashed },
		timings: { wasmMs: ms(t0, t1), openMs: ms(t1, t2), setupMs: ms(t2, performance.now()) }
	};
}

/** A named moment of the start on the page's performance timeline (the reload benchmark reads them). */
function mark(name: string): number {
	return performance.mark(name).startTime;
}

/** Stops an engine at once, without waiting for what it is doing. */
export function stopEngine(engine: Engine): void {
	void engine.db.terminate().catch(() => {});
	engine.worker.terminate();
}

/**
 * Whether the database is persistent: the OPFS file if the browser can open it, else memory.
 * A restart (`mustPersist`) opens the file again or fails: the worker it replaces lets go of
 * the file's OPFS access handles a moment after it is terminated, so a busy file is retried
 * for a few seconds, but never swapped for an empty database in memory.
 */
async function openDatabase(db: duckdb.AsyncDuckDB, path: string, mustPersist: boolean): Promise<boolean> {
	if (path.startsWith('opfs://') && typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function') {
		for (let attempt = 0; ; attempt++) {
			try {
				await db.open({
					path,
					accessMode: duckdb.DuckDBAccessMode.READ_WRITE,
					query: { castBigIntToDouble: false }
				});
				return true;
			} catch (error) {
				if (mustPersist && attempt < REOPEN_ATTEMPTS) {
					await new Promise((resolve) => setTimeout(resolve, REOPEN_DELAY_MS));
					continue;
				}
				if (mustPersist) throw error;
				console.warn('OPFS database unavailable, falling back to memory:', error);
				break;
			}
		}
	}
	if (mustPersist) throw new Error(`the database ${path} is no longer reachable in this browser's storage`);
	await db.open({ path: ':memory:', query: { castBigIntToDouble: false } });
	return false;
}

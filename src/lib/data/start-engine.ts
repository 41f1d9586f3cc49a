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
	const persistent = await openDatabase(db, start.path);
	const t2 = mark('cin:database-open');
	const conn = await db.connect();
	// Extensions would be fetched from the internet: never. A mistake must fail at once.
	await conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
	for (const alias of start.companions) await attachCompanion({ db, conn, persistent }, start.path, alias);
	for (const statement of start.setup) await conn.query(statement);
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

/** Whether the database is persistent: the OPFS file if the browser can open it, else memory. */
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

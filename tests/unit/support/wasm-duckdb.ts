// The real DuckDB-WASM engine (the same wasm the browser loads) under Node, for tests that check
// generated SQL and Arrow conversion without a browser.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as duckdbBlocking from '@duckdb/duckdb-wasm/blocking';

const require = createRequire(import.meta.url);
const duckdb: typeof duckdbBlocking = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

export type WasmConnection = duckdbBlocking.DuckDBConnection;

/** Opens a DuckDB-WASM database (in memory, or a file on disk) with extension autoloading off, as the app does. */
export async function openWasmDuckDB(
	file?: string
): Promise<{ conn: WasmConnection; registerFileBuffer(path: string, bytes: Uint8Array): void; dropFile(path: string): void; close(): void }> {
	const db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
			eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	db.open(file ? { path: file, accessMode: duckdb.DuckDBAccessMode.READ_WRITE } : {});
	const conn = db.connect();
	conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
	return {
		conn,
		// A file's bytes under a name, as the browser client registers a File the user chose.
		registerFileBuffer: (path, bytes) => db.registerFileBuffer(path, bytes),
		// Releases the engine's handle on a file (after DETACH), as the browser client does for OPFS.
		dropFile: (path) => db.dropFile(path),
		close() {
			conn.close();
			db.reset();
		}
	};
}

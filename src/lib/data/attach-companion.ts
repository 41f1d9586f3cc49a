import * as duckdb from '@duckdb/duckdb-wasm';
import { companionFiles } from './companion-databases';
import { opfsName } from './opfs-files';
import { quoteIdent, quoteString } from './sql';

/**
 * Attaches companion `alias` of the database at `path` as catalog `alias`, creating it if
 * missing: a file beside the database in OPFS, or an in-memory database when it is in memory.
 */
export async function attachCompanion(
	engine: { db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection; persistent: boolean },
	path: string,
	alias: string
): Promise<void> {
	if (!engine.persistent) {
		await engine.conn.query(`ATTACH IF NOT EXISTS ':memory:' AS ${quoteIdent(alias)}`);
		return;
	}
	const files = companionFiles(path, alias);
	// DuckDB-WASM opens OPFS files only through access handles registered beforehand. Not with
	// registerOPFSFileName: it keeps the handle of an empty file (a WAL not written yet) aside,
	// where dropFile never closes it, so the file could not be attached again or removed.
	const dir = await navigator.storage.getDirectory();
	for (const name of [files.database, files.wal]) {
		const handle = await dir.getFileHandle(opfsName(name), { create: true });
		await engine.db.registerFileHandle(name, handle, duckdb.DuckDBDataProtocol.BROWSER_FSACCESS, true);
	}
	await engine.conn.query(`ATTACH IF NOT EXISTS ${quoteString(files.database)} AS ${quoteIdent(alias)}`);
}

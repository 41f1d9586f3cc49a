// Companion databases: more database files beside a client's own, attached as catalogs. The
// store needs them because DuckDB-WASM corrupts OPFS files past 4 GiB (store/event-partitions).
import { opfsName, removeOpfsFiles } from './opfs-files';
import { quoteIdent } from './sql';
import type { SqlClient } from './sql-client';

/** Attaches and detaches the companion databases of a client's database (files beside it in
 *  OPFS or on disk, in memory when the database is). Names are catalog names: [a-z][a-z0-9_]*. */
export interface CompanionDatabases {
	/** Attaches companion `name` as catalog `name`, creating it if missing; again after a restart. */
	attach(name: string): Promise<void>;
	/** `remove`: delete the companion's files too. */
	detach(name: string, options?: { remove?: boolean }): Promise<void>;
	/** Leaves companion `name`, which will not be written again, whole in its database file,
	 *  with no WAL for the next open to replay (see DuckDBClient.finish). */
	finish(name: string): Promise<void>;
}

export type StoreClient = SqlClient & CompanionDatabases;

/** Checks a companion name: it becomes a catalog name and part of a file name. */
export function companionName(name: string): string {
	if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid companion database name: ${JSON.stringify(name)}`);
	return name;
}

/** `opfs://cin-x.duckdb` + `events_1` → `opfs://cin-x.events_1.duckdb` (the same for a disk path). */
export function companionPath(path: string, name: string): string {
	return `${path.replace(/\.duckdb$/, '')}.${companionName(name)}.duckdb`;
}

/** The files of companion `name` of the database at `path`: its database file and its WAL. */
export function companionFiles(path: string, name: string): { database: string; wal: string } {
	const database = companionPath(path, name);
	return { database, wal: `${database}.wal` };
}

/** Deletes companion files (`opfs://` paths) from OPFS; DuckDB must have let go of them first
 *  (detached, and their handles dropped). A missing file is fine. */
export async function removeCompanionFiles(paths: readonly string[]): Promise<void> {
	await removeOpfsFiles(paths.map(opfsName));
}

/** CHECKPOINTs every attached database: a bare CHECKPOINT covers only the default one, and
 *  DuckDB-WASM needs them to make writes durable in OPFS. */
export async function checkpointAll(client: SqlClient, signal?: AbortSignal): Promise<void> {
	const { rows } = await client.query(`SELECT database_name FROM duckdb_databases() WHERE NOT internal AND NOT readonly ORDER BY database_name`, { signal });
	for (const [name] of rows) await client.exec(`CHECKPOINT ${quoteIdent(String(name))}`, { signal });
}

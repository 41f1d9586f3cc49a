// DuckDB-WASM 1.32 reads an OPFS database file past 4 GiB back wrong: silently, and differently
// from run to run. Measured in headless Chromium: a 300M-row table of hashes (4.7 GiB file)
// summed to other values than native DuckDB in every run, with memory limits of 1.5 and 2.5 GiB;
// at 3.2 GiB (200M rows, 1 GiB memory limit, so read back from OPFS) the sums matched exactly,
// and two attached files of 2.4 GiB each (4.8 GiB in all) summed right too: the limit is per
// file. The 109.9M-row ingest into one file failed at about 80M rows with "Corrupt database
// file: computed checksum … in block at location 4383846400". So the store spreads a dataset
// over several files (event-partitions.ts), every file is checked after each ingest step, and
// a stored dataset with a file past the limit is flagged when opened.
import type { SqlClient } from '../data/sql-client';

/** Largest database file this app lets a dataset have in OPFS (a margin below 4 GiB). */
export const OPFS_DATABASE_LIMIT_BYTES = 3.75 * 1024 ** 3;

/** Each attached database's file size (every block it holds, used or free) and its WAL's, largest file first. */
export const DATABASE_FILES_SQL = `SELECT database_name, total_blocks * block_size AS bytes, coalesce(try_cast(wal_size AS BIGINT), 0) AS wal_bytes
FROM pragma_database_size() ORDER BY bytes DESC, database_name`;

export interface DatabaseFile {
	/** Catalog name: the main database's, or a companion's (`cin_events_2`…). */
	name: string;
	bytes: number;
	walBytes: number;
}

export async function databaseFiles(client: SqlClient, signal?: AbortSignal): Promise<DatabaseFile[]> {
	const { rows } = await client.query(DATABASE_FILES_SQL, { signal });
	return rows.map(([name, bytes, wal]) => ({ name: String(name), bytes: Number(bytes), walBytes: Number(wal) }));
}

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;

export class DatabaseSizeError extends Error {
	constructor(file: DatabaseFile, limit: number, rowsSoFar: number | null) {
		super(
			`The dataset's database file "${file.name}" reached ${gib(file.bytes)}${rowsSoFar === null ? '' : ` after ${rowsSoFar.toLocaleString('en-US')} events`}, ` +
				`past the ${gib(limit)} this app allows a file: DuckDB-WASM reads OPFS database files beyond 4 GiB back incorrectly, without an error. ` +
				`Nothing was kept. A single source file is staged whole in one database file (about 36 bytes a row), ` +
				`so split a very large file (one month per file, say), or open fewer rows.`
		);
		this.name = 'DatabaseSizeError';
	}
}

/** The warning for a stored dataset with a file already past the limit (built before this check existed). */
export function oversizeWarning(name: string, bytes: number): string {
	return (
		`Dataset "${name}" has a ${gib(bytes)} database file, past the ${gib(OPFS_DATABASE_LIMIT_BYTES)} DuckDB-WASM reads back correctly: ` +
		`its results may be wrong. Delete it under Datasets and open fewer rows.`
	);
}

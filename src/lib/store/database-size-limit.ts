// DuckDB-WASM 1.32 reads an OPFS database file past 4 GiB back wrong: silently, and differently
// from run to run. Measured in headless Chromium: a 300M-row table of hashes (4.7 GiB file)
// summed to other values than native DuckDB in every run, with memory limits of 1.5 and 2.5 GiB;
// at 3.2 GiB (200M rows, 1 GiB memory limit, so read back from OPFS) the sums matched exactly.
// The 109.9M-row ingest failed at about 80M rows with "Corrupt database file: computed checksum
// … in block at location 4383846400". Until the store spans several files, a dataset's database
// stays below this size, checked after every ingest step, and an existing one past it is flagged.
import type { SqlClient } from '../data/sql-client';

/** Largest database file this app lets a dataset have in OPFS (a margin below 4 GiB). */
export const OPFS_DATABASE_LIMIT_BYTES = 3.75 * 1024 ** 3;

/** The open database's file size: every block it holds (used or free) plus the header. */
export const DATABASE_FILE_BYTES_SQL = `SELECT total_blocks * block_size FROM pragma_database_size() WHERE database_name = current_database()`;

export async function databaseFileBytes(client: SqlClient, signal?: AbortSignal): Promise<number> {
	const { rows } = await client.query(DATABASE_FILE_BYTES_SQL, { signal });
	return Number(rows[0]?.[0] ?? 0);
}

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;

export class DatabaseSizeError extends Error {
	constructor(bytes: number, limit: number, rowsSoFar: number | null) {
		super(
			`The dataset's database reached ${gib(bytes)}${rowsSoFar === null ? '' : ` after ${rowsSoFar.toLocaleString('en-US')} events`}, ` +
				`past the ${gib(limit)} this app allows: DuckDB-WASM reads OPFS database files beyond 4 GiB back incorrectly, without an error. ` +
				`Nothing was kept. Open fewer rows (for example one month of the log, or a sample of its users); ` +
				`about 70 million events fit.`
		);
		this.name = 'DatabaseSizeError';
	}
}

/** The warning for a stored dataset already past the limit (built before this check existed). */
export function oversizeWarning(name: string, bytes: number): string {
	return (
		`Dataset "${name}" is stored in a ${gib(bytes)} database, past the ${gib(OPFS_DATABASE_LIMIT_BYTES)} DuckDB-WASM reads back correctly: ` +
		`its results may be wrong. Delete it under Datasets and open fewer rows.`
	);
}

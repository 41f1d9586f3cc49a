// A CSV that is not an event log (a lookup table of stores, say) becomes a table of the open
// dataset, named after the file, to join in SQL cells. Read lazily by DuckDB, never copied.
import type { DuckDBClient } from '../data/duckdb-client';
import { errorMessage } from '../data/error-message';
import { csvFileStem, isCsvFile } from '../datasets/data-file-types';
import { quoteIdent, quoteString } from '../data/sql';
import { STORE_TABLES } from '../store/store-tables';
import { DataFileError } from './data-file-error';

export interface OpenedFile {
	table: string;
	rows: number;
}

// The store's own tables: a lookup table must never overwrite them.
const RESERVED: readonly string[] = [...STORE_TABLES, 'events_rejected', 'events_staging', 'event_partitions', 'ingest_files', 'ingest_steps', 'store_report'];

/** A table name from a file name: `2019-Oct.csv.gz` → `t_2019_oct`. */
export function tableNameFor(fileName: string): string {
	const stem = csvFileStem(fileName).toLowerCase();
	const name = stem.replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'data';
	return /^[a-z_]/.test(name) ? name : `t_${name}`;
}

/** `file` has passed planFileIngest's checks (not empty, a CSV, none of the event columns). */
export async function openDataFile(client: DuckDBClient, file: File): Promise<OpenedFile> {
	if (!isCsvFile(file.name)) {
		throw new DataFileError(`${file.name} is not a CSV file (expected .csv, .tsv or .csv.gz).`);
	}
	const registered = `upload/${file.name}`;
	await client.registerFile(registered, file);
	try {
		const table = tableNameFor(file.name);
		if (RESERVED.includes(table)) {
			throw new DataFileError(`${file.name} would replace the dataset's table ${table}; rename the file and open it again.`);
		}
		await client.exec(`CREATE OR REPLACE TABLE main.${quoteIdent(table)} AS SELECT * FROM read_csv(${quoteString(registered)}, header = true)`);
		return { table, rows: await countRows(client, table) };
	} catch (error) {
		if (error instanceof DataFileError) throw error;
		throw new DataFileError(`${file.name} could not be read as CSV: ${errorMessage(error)}`);
	} finally {
		await client.dropFile(registered).catch(() => {});
	}
}

async function countRows(client: DuckDBClient, table: string): Promise<number> {
	const r = await client.query(`SELECT count(*) FROM main.${quoteIdent(table)}`);
	return Number(r.rows[0][0]);
}

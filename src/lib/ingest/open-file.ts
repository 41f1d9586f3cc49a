// Opening a data file the user picked: an event log (the Kaggle columns) replaces `events`;
// any other CSV becomes a table named after the file. The file is read lazily by DuckDB, never
// copied into memory. (Multi-file, Parquet and the optimised store come with the ingest work.)
import type { DuckDBClient } from '../data/duckdb-client';
import { quoteIdent, quoteString } from '../data/sql';
import { EVENT_COLUMNS, readEventsCsv } from './event-schema';

export interface OpenedFile {
	table: string;
	rows: number;
	isEventLog: boolean;
}

export class DataFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DataFileError';
	}
}

const CSV = /\.(csv|tsv|txt)(\.gz)?$/i;

/** A table name from a file name: `2019-Oct.csv.gz` → `t_2019_oct`. */
export function tableNameFor(fileName: string): string {
	const stem = fileName.replace(/\.(csv|tsv|txt)(\.gz)?$/i, '').toLowerCase();
	const name = stem.replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'data';
	return /^[a-z_]/.test(name) ? name : `t_${name}`;
}

export async function openDataFile(client: DuckDBClient, file: File): Promise<OpenedFile> {
	if (file.size === 0) {
		throw new DataFileError(`${file.name} is empty (0 bytes). Choose the exported data file itself, not a placeholder.`);
	}
	if (/\.parquet$/i.test(file.name)) {
		throw new DataFileError(
			`${file.name}: Parquet files are not readable in this version yet. Open the CSV export instead.`
		);
	}
	if (!CSV.test(file.name)) {
		throw new DataFileError(`${file.name} is not a CSV file (expected .csv, .tsv or .csv.gz).`);
	}
	const registered = `upload/${file.name}`;
	await client.registerFile(registered, file);
	try {
		const header = await client.query(`DESCRIBE SELECT * FROM read_csv(${quoteString(registered)}, header = true) LIMIT 0`);
		const names = header.rows.map((r) => String(r[0]).toLowerCase());
		const isEventLog = EVENT_COLUMNS.every(([name]) => names.includes(name));
		if (isEventLog) {
			await client.exec(`CREATE OR REPLACE TABLE main.events AS SELECT * FROM ${readEventsCsv(registered)} ORDER BY event_time`);
			return { table: 'events', rows: await countRows(client, 'events'), isEventLog };
		}
		const table = tableNameFor(file.name);
		await client.exec(`CREATE OR REPLACE TABLE main.${quoteIdent(table)} AS SELECT * FROM read_csv(${quoteString(registered)}, header = true)`);
		return { table, rows: await countRows(client, table), isEventLog };
	} catch (error) {
		if (error instanceof DataFileError) throw error;
		const message = error instanceof Error ? error.message : String(error);
		throw new DataFileError(`${file.name} could not be read as CSV: ${message}`);
	} finally {
		await client.dropFile(registered).catch(() => {});
	}
}

async function countRows(client: DuckDBClient, table: string): Promise<number> {
	const r = await client.query(`SELECT count(*) FROM main.${quoteIdent(table)}`);
	return Number(r.rows[0][0]);
}

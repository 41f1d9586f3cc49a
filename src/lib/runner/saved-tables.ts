// The cell tables a dataset's database already holds, read in one query. Reopening a dataset
// checks every named cell against this map instead of asking DuckDB once per cell: at 72 cells
// that is the difference between one round trip and 72 before the notebook is live.
import type { SqlClient } from '../data/sql-client';
import { qualified, quoteString } from '../data/sql';

export interface SavedTable {
	fingerprint: string;
	rowCount: number;
}

/** Metadata rows whose table still exists (a statement cell may have dropped one). */
export function savedTablesSql(schema: string): string {
	return (
		`SELECT m.name, m.fingerprint, m.row_count FROM ${qualified(schema, '_cells')} m ` +
		`JOIN duckdb_tables() t ON t.schema_name = ${quoteString(schema)} AND t.table_name = m.name`
	);
}

export async function readSavedTables(client: SqlClient, schema: string): Promise<Map<string, SavedTable>> {
	const { rows } = await client.query(savedTablesSql(schema));
	return new Map(rows.map((r) => [String(r[0]), { fingerprint: String(r[1]), rowCount: Number(r[2]) }]));
}

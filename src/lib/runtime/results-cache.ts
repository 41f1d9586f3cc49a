// The notebook's cell tables: a named SQL cell's result is the table `nb.<name>` of the dataset's
// database, recorded in `nb._cells` with the fingerprint it was built with, so a reload (or a
// run that is not forced) reuses a table whose fingerprint is current instead of running the
// query again. Every statement that creates, looks up or drops a cell table is in this file.
import { qualified, quoteString } from '../data/sql';
import type { SqlClient } from '../data/sql-client';

/** Schema holding the tables cells define; searched before `main`, where datasets live. */
export const CELL_SCHEMA = 'nb';
const META = qualified(CELL_SCHEMA, '_cells');

/** Run on every engine start: the schema, its metadata table and the search path. */
export const RESULTS_CACHE_SETUP = [
	`CREATE SCHEMA IF NOT EXISTS ${CELL_SCHEMA}`,
	`CREATE TABLE IF NOT EXISTS ${META} (name VARCHAR PRIMARY KEY, fingerprint VARCHAR, row_count BIGINT, built_at TIMESTAMP)`,
	`SET search_path = '${CELL_SCHEMA},main'`
];

export interface SavedTable {
	fingerprint: string;
	rowCount: number;
}

/** Metadata rows whose table still exists (a statement cell may have dropped one). */
export function savedTablesSql(): string {
	return (
		`SELECT m.name, m.fingerprint, m.row_count FROM ${META} m ` +
		`JOIN duckdb_tables() t ON t.schema_name = ${quoteString(CELL_SCHEMA)} AND t.table_name = m.name`
	);
}

export class ResultsCache {
	readonly #client: SqlClient;
	/** Every saved table, read in one query while a reopened notebook is restored; else null. */
	#known: ReadonlyMap<string, SavedTable> | null = null;

	constructor(client: SqlClient) {
		this.#client = client;
	}

	/** Reads every saved table in one query (72 cells: one round trip instead of 72). */
	async readAll(): Promise<Map<string, SavedTable>> {
		const { rows } = await this.#client.query(savedTablesSql());
		return new Map(rows.map((r) => [String(r[0]), { fingerprint: String(r[1]), rowCount: Number(r[2]) }]));
	}

	/** Answers lookups from `tables` (read by readAll) until `forget()`, without a query each. */
	remember(tables: ReadonlyMap<string, SavedTable>): void {
		this.#known = tables;
	}

	forget(): void {
		this.#known = null;
	}

	/** The saved table `name` if it was built with `fingerprint`, else null. */
	async lookup(name: string, fingerprint: string, signal?: AbortSignal): Promise<SavedTable | null> {
		if (this.#known) {
			const known = this.#known.get(name);
			return known?.fingerprint === fingerprint ? known : null;
		}
		const { rows } = await this.#client.query(`${savedTablesSql()} WHERE m.name = ${quoteString(name)} AND m.fingerprint = ${quoteString(fingerprint)}`, {
			signal
		});
		return rows.length === 1 ? { fingerprint, rowCount: Number(rows[0][2]) } : null;
	}

	/**
	 * Statements that build `nb.<name>` from `query` and record it; callers append the query whose
	 * result they want back, so table, metadata and preview take one request to the engine.
	 */
	materialiseSql(name: string, query: string, fingerprint: string): string {
		const table = qualified(CELL_SCHEMA, name);
		// The newline before ')' keeps a trailing line comment in the query from eating it.
		return `CREATE OR REPLACE TABLE ${table} AS (\n${query}\n);\n` + this.recordSql(name, fingerprint);
	}

	/** The statement that records the existing table `nb.<name>` as built with `fingerprint`. */
	recordSql(name: string, fingerprint: string): string {
		const table = qualified(CELL_SCHEMA, name);
		return `INSERT OR REPLACE INTO ${META} SELECT ${quoteString(name)}, ${quoteString(fingerprint)}, count(*), now()::TIMESTAMP FROM ${table};\n`;
	}

	/** The fingerprint the saved table `name` was built with, or null if there is none. */
	async fingerprintOf(name: string, signal?: AbortSignal): Promise<string | null> {
		const { rows } = await this.#client.query(`${savedTablesSql()} WHERE m.name = ${quoteString(name)}`, { signal });
		return rows.length === 1 ? String(rows[0][1]) : null;
	}

	async rowCount(name: string, signal?: AbortSignal): Promise<number> {
		const { rows } = await this.#client.query(`SELECT row_count FROM ${META} WHERE name = ${quoteString(name)}`, { signal });
		return Number(rows[0]?.[0] ?? 0);
	}

	/** Drops the table and its record (its cell was deleted or renamed). */
	async drop(name: string): Promise<void> {
		await this.#client.exec(`DROP TABLE IF EXISTS ${qualified(CELL_SCHEMA, name)}`);
		await this.#client.exec(`DELETE FROM ${META} WHERE name = ${quoteString(name)}`);
	}
}

// The notebook's cell tables: a named SQL cell's result is the table `nb.<name>` of the dataset's
// database (or the view `nb.<name>`, for a cell stored as a view), recorded in `nb._cells` with
// the fingerprint it was built with, so a reload (or a run that is not forced) reuses a result
// whose fingerprint is current instead of running the query again. Every statement that
// creates, looks up or drops a cell's table or view is in this file.
import { qualified, quoteString } from '../data/sql';
import type { SqlClient } from '../data/sql-client';
import type { CellStorage } from '../notebook';

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
	storage: CellStorage;
}

// The cell schema's tables and views, with which each is. A saved result counts only while its
// relation exists: a statement cell may have dropped one.
const RELATIONS =
	`SELECT table_name AS name, 'table' AS storage FROM duckdb_tables() WHERE schema_name = ${quoteString(CELL_SCHEMA)} ` +
	`UNION ALL SELECT view_name, 'view' FROM duckdb_views() WHERE schema_name = ${quoteString(CELL_SCHEMA)} AND NOT internal`;

/** Metadata rows whose table or view still exists. */
export function savedTablesSql(): string {
	return `SELECT m.name, m.fingerprint, m.row_count, t.storage FROM ${META} m JOIN (${RELATIONS}) t ON t.name = m.name`;
}

/**
 * DuckDB will not replace or drop a view as a table, nor a table as a view, even with `OR
 * REPLACE` or `IF EXISTS`: the error a cell gets when its storage changed since its last run.
 */
export function isStorageClash(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return /Existing object \S+ is of type (Table|View), trying to (replace|drop) (with )?type (Table|View)/.test(message);
}

function savedTable(row: readonly unknown[]): SavedTable {
	return { fingerprint: String(row[1]), rowCount: Number(row[2]), storage: row[3] === 'view' ? 'view' : 'table' };
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
		return new Map(rows.map((r) => [String(r[0]), savedTable(r)]));
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
		return rows.length === 1 ? savedTable(rows[0]) : null;
	}

	/**
	 * Statements that build `nb.<name>` from `query` and record it; callers append the query whose
	 * result they want back, so table, metadata and preview take one request to the engine.
	 */
	materialiseSql(name: string, query: string, fingerprint: string, storage: CellStorage = 'table'): string {
		const relation = qualified(CELL_SCHEMA, name);
		// The newline before ')' keeps a trailing line comment in the query from eating it.
		return `CREATE OR REPLACE ${storage === 'view' ? 'VIEW' : 'TABLE'} ${relation} AS (\n${query}\n);\n` + this.recordSql(name, fingerprint);
	}

	/**
	 * The statement that records the existing table or view `nb.<name>` as built with
	 * `fingerprint`. Its row count runs a view's query once; readers of a view that filters a
	 * table read only the columns they need, the count none but the filter's.
	 */
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

	/** Drops the table or view and its record (its cell was deleted, renamed or changed storage). */
	async drop(name: string): Promise<void> {
		const { rows } = await this.#client.query(`SELECT storage FROM (${RELATIONS}) WHERE name = ${quoteString(name)}`);
		for (const [storage] of rows) await this.#client.exec(`DROP ${storage === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS ${qualified(CELL_SCHEMA, name)}`);
		await this.#client.exec(`DELETE FROM ${META} WHERE name = ${quoteString(name)}`);
	}
}

// A SqlClient over the real DuckDB-WASM engine in Node (see wasm-duckdb.ts), converting
// results with the app's own Arrow conversion, so runner and catalog SQL run as in the browser.
import { tableToRows } from '../../../src/lib/data/arrow-convert';
import { QueryError } from '../../../src/lib/data/query-error';
import { quoteIdent } from '../../../src/lib/data/sql';
import type { QueryOptions, SqlClient } from '../../../src/lib/data/sql-client';
import type { QueryResult } from '../../../src/lib/data/value';
import { openWasmDuckDB, type WasmConnection } from './wasm-duckdb';

export class WasmTestClient implements SqlClient {
	readonly statements: string[] = [];
	private constructor(
		readonly conn: WasmConnection,
		readonly close: () => void
	) {}

	/** `file`: a database file on disk instead of memory (its size grows as on OPFS). */
	static async open(setup: string[] = [], file?: string): Promise<WasmTestClient> {
		const { conn, close } = await openWasmDuckDB(file);
		const client = new WasmTestClient(conn, close);
		for (const sql of setup) await client.exec(sql);
		return client;
	}

	async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
		if (options.signal?.aborted) throw new Error('cancelled');
		this.statements.push(sql);
		let table;
		try {
			table = this.conn.query(sql);
		} catch (error) {
			throw new QueryError(error instanceof Error ? error.message : String(error), sql);
		}
		const { columns, rows } = tableToRows(table);
		const kept = options.maxRows === undefined ? rows : rows.slice(0, options.maxRows);
		return { columns, rows: kept, rowCount: rows.length };
	}

	async setVariable(name: string, value: number | string): Promise<void> {
		const sql = `SET VARIABLE ${quoteIdent(name)} = ?`;
		this.statements.push(sql);
		const statement = this.conn.prepare(sql);
		try {
			statement.query(value);
		} finally {
			statement.close();
		}
	}

	async exec(sql: string, options: { signal?: AbortSignal } = {}): Promise<void> {
		await this.query(sql, options);
	}
}

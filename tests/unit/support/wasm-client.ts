// A SqlClient over the real DuckDB-WASM engine in Node (see wasm-duckdb.ts), converting
// results with the app's own Arrow conversion, so runner and catalog SQL run as in the browser.
import { rmSync } from 'node:fs';
import { ColumnCollector, columnsToIPC } from '../../../src/lib/data/arrow-columns';
import { tableToRows } from '../../../src/lib/data/arrow-convert';
import type { ColumnarClient, Columns } from '../../../src/lib/data/columnar-client';
import { companionName, companionPath, type CompanionDatabases } from '../../../src/lib/data/companion-databases';
import { QueryError } from '../../../src/lib/data/query-error';
import { quoteIdent, quoteString } from '../../../src/lib/data/sql';
import type { QueryOptions, SqlClient } from '../../../src/lib/data/sql-client';
import type { QueryResult } from '../../../src/lib/data/value';
import { openWasmDuckDB, type WasmConnection } from './wasm-duckdb';

export class WasmTestClient implements SqlClient, ColumnarClient, CompanionDatabases {
	readonly statements: string[] = [];
	private constructor(
		readonly conn: WasmConnection,
		readonly registerFileBuffer: (path: string, bytes: Uint8Array) => void,
		private readonly dropFileNow: (path: string) => void,
		readonly close: () => void,
		/** The database file, if not in memory: companions are files beside it. */
		readonly file: string | undefined
	) {}

	/** `file`: a database file on disk instead of memory (its size grows as on OPFS). */
	static async open(setup: string[] = [], file?: string): Promise<WasmTestClient> {
		const { conn, registerFileBuffer, dropFile, close } = await openWasmDuckDB(file);
		const client = new WasmTestClient(conn, registerFileBuffer, dropFile, close, file);
		for (const sql of setup) await client.exec(sql);
		return client;
	}

	/** A file the user chose, as the browser client registers it (here its bytes, read once). */
	async registerFile(name: string, file: Blob): Promise<void> {
		this.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
	}

	async dropFile(name: string): Promise<void> {
		this.dropFileNow(name);
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

	async readColumns(sql: string): Promise<Columns> {
		this.statements.push(sql);
		let table;
		try {
			table = this.conn.query(sql);
		} catch (error) {
			throw new QueryError(error instanceof Error ? error.message : String(error), sql);
		}
		const collector = new ColumnCollector();
		for (const batch of table.batches) collector.add(batch);
		return collector.finish();
	}

	async writeColumns(schema: string, table: string, columns: Columns): Promise<void> {
		await this.exec(`DROP TABLE IF EXISTS ${quoteIdent(schema)}.${quoteIdent(table)}`);
		this.conn.insertArrowFromIPCStream(columnsToIPC(columns), { schema, name: table, create: true });
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

	async attach(name: string): Promise<void> {
		const where = this.file ? companionPath(this.file, name) : ':memory:';
		await this.exec(`ATTACH IF NOT EXISTS ${quoteString(where)} AS ${quoteIdent(companionName(name))}`);
	}

	/** Tests never reopen a file of this client (the Node build cannot): no WAL to drop. */
	async finish(): Promise<void> {}

	async detach(name: string, options: { remove?: boolean } = {}): Promise<void> {
		await this.exec(`DETACH DATABASE IF EXISTS ${quoteIdent(companionName(name))}`);
		if (!this.file) return;
		const path = companionPath(this.file, name);
		for (const f of [path, `${path}.wal`]) {
			this.dropFileNow(f);
			if (options.remove) rmSync(f, { force: true });
		}
	}
}

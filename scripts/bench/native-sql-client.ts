// The app's SqlClient over native DuckDB (@duckdb/node-api), so the benchmark's native half can
// reuse the app's own helpers (writeStoreReport…) on the same SQL the browser runs.
import type { DuckDBConnection } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import { bigintToValue } from '../../src/lib/data/arrow-convert';
import { companionName, companionPath, type CompanionDatabases } from '../../src/lib/data/companion-databases';
import { quoteIdent, quoteString } from '../../src/lib/data/sql';
import type { QueryOptions, SqlClient } from '../../src/lib/data/sql-client';
import type { QueryResult, Value } from '../../src/lib/data/value';

const toValue = (v: unknown): Value => {
	if (typeof v === 'bigint') return bigintToValue(v);
	if (v === undefined) return null;
	return v as Value;
};

export class NativeSqlClient implements SqlClient, CompanionDatabases {
	/** `file`: the database's path, beside which companions are written. */
	constructor(
		readonly conn: DuckDBConnection,
		readonly file: string
	) {}

	async attach(name: string): Promise<void> {
		await this.conn.run(`ATTACH IF NOT EXISTS ${quoteString(companionPath(this.file, name))} AS ${quoteIdent(companionName(name))}`);
	}

	/** Native DuckDB removes a checkpointed WAL itself. */
	async finish(): Promise<void> {}

	async detach(name: string, options: { remove?: boolean } = {}): Promise<void> {
		await this.conn.run(`DETACH DATABASE IF EXISTS ${quoteIdent(companionName(name))}`);
		if (options.remove) {
			const path = companionPath(this.file, name);
			for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
		}
	}

	async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
		const reader = await this.conn.runAndReadAll(sql);
		const all = reader.getRowsJS();
		const rows = (options.maxRows === undefined ? all : all.slice(0, options.maxRows)).map((row) => row.map(toValue));
		const types = reader.columnTypes();
		const columns = reader.columnNames().map((name, i) => ({ name, type: String(types[i]), kind: 'other' as const }));
		return { columns, rows, rowCount: all.length };
	}

	async exec(sql: string): Promise<void> {
		await this.conn.run(sql);
	}

	/** As the browser does it (DuckDBClient.setVariable): a prepared-statement parameter, typed
	 *  the way DuckDB-WASM binds a JS value (every number as DOUBLE, measured). */
	async setVariable(name: string, value: number | string): Promise<void> {
		const statement = await this.conn.prepare(`SET VARIABLE ${quoteIdent(name)} = $1`);
		if (typeof value === 'string') statement.bindVarchar(1, value);
		else statement.bindDouble(1, value);
		await statement.run();
	}
}

// Native DuckDB (@duckdb/node-api) helpers for the generator tests.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Statement } from '../../../src/lib/generator/index';

export async function openNative(): Promise<{ conn: DuckDBConnection; close(): void }> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
	const conn = await instance.connect();
	return {
		conn,
		close() {
			conn.closeSync();
			instance.closeSync();
		}
	};
}

export async function runAll(conn: DuckDBConnection, statements: Statement[]): Promise<void> {
	for (const s of statements) await conn.run(s.sql);
}

/** Rows as plain objects; BIGINTs become numbers when safe, else strings. */
export async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
	const result = await conn.runAndReadAll(sql);
	return result.getRowObjectsJS().map((r) =>
		Object.fromEntries(
			Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : String(v)) : v])
		)
	);
}

import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { quoteIdent } from './sql';

/** `SET VARIABLE name = value`, the value bound through a prepared statement (never pasted into SQL). */
export async function setVariable(conn: Pick<AsyncDuckDBConnection, 'prepare'>, name: string, value: number | string): Promise<void> {
	const statement = await conn.prepare(`SET VARIABLE ${quoteIdent(name)} = ?`);
	try {
		await statement.query(value);
	} finally {
		await statement.close().catch(() => {});
	}
}

import type { QueryResult } from './value';

export interface QueryOptions {
	signal?: AbortSignal;
	/** Keep at most this many rows in memory; the rest are counted, not kept. */
	maxRows?: number;
}

/**
 * What the runner, catalog and table views need of a database. The browser's DuckDBClient
 * implements it over DuckDB-WASM in a worker; tests implement it over the same wasm in Node.
 */
export interface SqlClient {
	query(sql: string, options?: QueryOptions): Promise<QueryResult>;
	exec(sql: string, options?: { signal?: AbortSignal }): Promise<void>;
	/** Sets a DuckDB variable (read as getvariable(name)) through a prepared-statement
	 *  parameter, so the value is never pasted into SQL text. */
	setVariable(name: string, value: number | string): Promise<void>;
}

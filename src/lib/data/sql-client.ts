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
}

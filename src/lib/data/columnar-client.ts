// Large numeric results (a model's feature columns, its scores) move between DuckDB and
// JavaScript as typed arrays, never as row objects: 3M rows × 17 features as objects would be
// gigabytes of garbage and seconds of conversion on the page's thread.
import type { SqlClient } from './sql-client';

export type NumericArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** Equal-length typed arrays, one per named column. */
export interface Columns {
	names: string[];
	arrays: NumericArray[];
	rows: number;
}

export interface ColumnarClient {
	/**
	 * A query's result as one typed array per column. Every column must be numeric (cast in the
	 * SQL); a NULL in a floating-point column reads as NaN, in any other column it is an error.
	 */
	readColumns(sql: string, options?: { signal?: AbortSignal }): Promise<Columns>;
	/** Creates or replaces `schema.table` holding `columns` (FLOAT, DOUBLE, INTEGER, UTINYINT). */
	writeColumns(schema: string, table: string, columns: Columns): Promise<void>;
}

export function isColumnarClient(client: SqlClient): client is SqlClient & ColumnarClient {
	const c = client as Partial<ColumnarClient>;
	return typeof c.readColumns === 'function' && typeof c.writeColumns === 'function';
}

/** The client as a ColumnarClient, or an error saying what cannot run on it. */
export function columnarClient(client: SqlClient, what: string): SqlClient & ColumnarClient {
	if (!isColumnarClient(client)) throw new Error(`${what} needs an engine that moves columns as typed arrays; this one cannot`);
	return client;
}

/** A cell value after conversion from Arrow: plain JSON-friendly JS, Dates for temporal types. */
export type Value = number | string | boolean | Date | null | Value[] | { [key: string]: Value };

/** How the UI treats a column: alignment, formatting, sorting, chart scales. */
export type ColumnKind = 'number' | 'string' | 'boolean' | 'date' | 'timestamp' | 'time' | 'nested' | 'other';

export interface ColumnInfo {
	name: string;
	/** DuckDB-style type name, e.g. BIGINT, DECIMAL(18,2), TIMESTAMP. */
	type: string;
	kind: ColumnKind;
}

export type Row = Value[];

export interface QueryResult {
	columns: ColumnInfo[];
	rows: Row[];
	/** Rows the query produced; larger than rows.length when the result was capped. */
	rowCount: number;
}

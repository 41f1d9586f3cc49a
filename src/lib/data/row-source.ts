// A result the table view pages through. Named cells page from DuckDB (ORDER BY … LIMIT …
// OFFSET …), so a 100M-row result costs one screen of rows; in-memory results sort in JS.
import type { SqlClient } from './sql-client';
import { qualified, quoteIdent } from './sql';
import type { ColumnInfo, Row, Value } from './value';

export interface SortKey {
	column: number;
	descending: boolean;
}

export interface RowSource {
	readonly columns: ColumnInfo[];
	readonly rowCount: number;
	/** Rows [offset, offset + limit) in the given order. */
	rows(offset: number, limit: number, sort: SortKey | null): Promise<Row[]>;
	/**
	 * The same rows at once when no query is needed, else null: a table shown again after a
	 * re-run renders its rows in the same frame instead of going blank while they load.
	 */
	rowsAtHand(offset: number, limit: number, sort: SortKey | null): Row[] | null;
}

export function localRowSource(columns: ColumnInfo[], all: Row[], rowCount = all.length): RowSource {
	let sortedFor: string | null = null;
	let sorted = all;
	const rowsAtHand = (offset: number, limit: number, sort: SortKey | null) => {
		const key = sort ? `${sort.column}:${sort.descending}` : null;
		if (key !== sortedFor) {
			sorted = sort ? sortRows(all, sort) : all;
			sortedFor = key;
		}
		return sorted.slice(offset, offset + limit);
	};
	return {
		columns,
		rowCount,
		rowsAtHand,
		rows: async (offset, limit, sort) => rowsAtHand(offset, limit, sort)
	};
}

export function tableRowSource(
	client: SqlClient,
	schema: string,
	table: string,
	columns: ColumnInfo[],
	rowCount: number,
	preview: Row[]
): RowSource {
	// A preview holding every row (most cell results) answers any window: asking DuckDB instead
	// queued a query behind the next cell's on every run.
	const complete = preview.length >= rowCount;
	const rowsAtHand = (offset: number, limit: number, sort: SortKey | null) =>
		!sort && (complete || offset + limit <= preview.length) ? preview.slice(offset, offset + limit) : null;
	return {
		columns,
		rowCount,
		rowsAtHand,
		async rows(offset, limit, sort) {
			const atHand = rowsAtHand(offset, limit, sort);
			if (atHand) return atHand;
			const order = sort
				? `ORDER BY ${quoteIdent(columns[sort.column].name)} ${sort.descending ? 'DESC' : 'ASC'} NULLS LAST`
				: '';
			const result = await client.query(
				`SELECT * FROM ${qualified(schema, table)} ${order} LIMIT ${Math.max(0, limit)} OFFSET ${Math.max(0, offset)}`
			);
			return result.rows;
		}
	};
}

/** Stable sort, nulls last in both directions (as DuckDB's NULLS LAST). */
export function sortRows(rows: Row[], { column, descending }: SortKey): Row[] {
	const sign = descending ? -1 : 1;
	return rows
		.map((row, index) => ({ row, index }))
		.sort((a, b) => {
			const x = a.row[column];
			const y = b.row[column];
			if (x == null || y == null) return x == null ? (y == null ? a.index - b.index : 1) : -1;
			return sign * compareValues(x, y) || a.index - b.index;
		})
		.map((entry) => entry.row);
}

export function compareValues(x: Value, y: Value): number {
	if (typeof x === 'number' && typeof y === 'number') return x - y;
	if (x instanceof Date && y instanceof Date) return x.getTime() - y.getTime();
	// Exact big integers and decimals arrive as strings (see arrow-convert); compare them as numbers.
	if (isInteger(x) && isInteger(y)) {
		const d = BigInt(x) - BigInt(y);
		return d === 0n ? 0 : d < 0n ? -1 : 1;
	}
	if (isNumeric(x) && isNumeric(y)) return Number(x) - Number(y);
	return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

function isInteger(v: Value): v is number | string {
	return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v));
}

function isNumeric(v: Value): boolean {
	return typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v));
}

// Small tables a kind computes in JavaScript (a stats method's answer, a model's metrics),
// written to the cell schema as a VALUES query, so they are tables like any SQL cell's.
import { quoteIdent, quoteString } from '../../data/sql';

export type ResultValue = number | string | boolean | null;

export interface ResultColumn {
	name: string;
	type: 'DOUBLE' | 'BIGINT' | 'VARCHAR' | 'BOOLEAN';
}

export interface ResultTable {
	/** The table's name after the cell's: '' for the cell's own table, `_summary` for `<name>_summary`. */
	suffix: string;
	columns: ResultColumn[];
	rows: ResultValue[][];
}

function literal(value: ResultValue, type: ResultColumn['type']): string {
	if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return `CAST(NULL AS ${type})`;
	if (type === 'VARCHAR') return quoteString(String(value));
	if (type === 'BOOLEAN') return value ? 'true' : 'false';
	if (typeof value !== 'number') throw new Error(`invalid ${type} value ${JSON.stringify(value)}`);
	return type === 'BIGINT' ? `CAST(${Math.round(value)} AS BIGINT)` : `CAST(${value} AS DOUBLE)`;
}

/** A query yielding the table's rows with its column names and types (no rows: an empty table). */
export function resultTableQuery(table: ResultTable): string {
	const names = table.columns.map((c) => quoteIdent(c.name));
	for (const row of table.rows) {
		if (row.length !== table.columns.length) throw new Error(`invalid result row: ${row.length} values for ${table.columns.length} columns`);
	}
	if (table.rows.length === 0) {
		return `SELECT ${table.columns.map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdent(c.name)}`).join(', ')} WHERE false`;
	}
	const rows = table.rows.map((row) => `(${row.map((v, i) => literal(v, table.columns[i].type)).join(', ')})`);
	return `SELECT * FROM (VALUES ${rows.join(',\n  ')}) AS t(${names.join(', ')})`;
}

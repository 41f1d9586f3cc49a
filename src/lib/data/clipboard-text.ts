// What a result table puts on the clipboard: values unformatted (full precision, no grouping),
// exact strings for big integers and decimals as they arrived, dates and times in ISO 8601.
// A value alone is what the cell holds (NULL as NULL); a row is tab-separated for spreadsheets
// (NULL as an empty field) or a JSON object keyed by column name.
import type { ColumnInfo, Row, Value } from './value';

/** A value as text: what the table shows, without its display formatting. */
export function valueText(value: Value, column: ColumnInfo): string {
	if (value === null) return 'NULL';
	if (value instanceof Date) return isoDate(value, column.kind === 'date');
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return String(value);
	return JSON.stringify(jsonValue(value, column));
}

/** A row as one line of tab-separated values, no header; fields with tabs, newlines or quotes quoted. */
export function rowTsv(row: Row, columns: ColumnInfo[]): string {
	return columns.map((column, i) => (row[i] === null ? '' : tsvField(valueText(row[i], column)))).join('\t');
}

/** A row as a JSON object keyed by column name (exact strings stay strings, dates ISO 8601). */
export function rowJson(row: Row, columns: ColumnInfo[]): string {
	return JSON.stringify(Object.fromEntries(columns.map((column, i) => [column.name, jsonValue(row[i], column)])));
}

function tsvField(text: string): string {
	return /[\t\n\r"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function jsonValue(value: Value, column: ColumnInfo): unknown {
	if (value instanceof Date) return isoDate(value, column.kind === 'date');
	if (typeof value === 'number' && !Number.isFinite(value)) return String(value); // JSON has no NaN or Infinity
	if (Array.isArray(value)) return value.map((v) => jsonValue(v, column));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValue(v, column)]));
	}
	return value;
}

/** `2019-10-01` for a DATE; `2019-10-01T00:00:03.000Z` otherwise (values are UTC, as DuckDB's). */
function isoDate(d: Date, dateOnly: boolean): string {
	return dateOnly ? d.toISOString().slice(0, 10) : d.toISOString();
}

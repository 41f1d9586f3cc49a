// Display text for a converted value, by column. Exact strings stay exact; numbers get grouping
// except identifiers, which read better ungrouped (user_id 512345678, not 512,345,678).
import type { ColumnInfo, Value } from './value';

const ID_COLUMN = /(^|_)id$/i;

export function formatValue(value: Value, column: ColumnInfo): string {
	if (value === null) return 'NULL';
	if (value instanceof Date) return formatDate(value, column.kind === 'date');
	if (typeof value === 'number') return formatNumber(value, ID_COLUMN.test(column.name));
	if (typeof value === 'string' || typeof value === 'boolean') return String(value);
	return JSON.stringify(value, (_, v) => (v instanceof Date ? formatDate(v, false) : v));
}

// toLocaleString builds a formatter on every call; a result preview formats thousands of
// numbers, so the formatters are made once.
const INTEGER = new Intl.NumberFormat('en-US');
const FRACTION = new Map([2, 3, 4].map((digits) => [digits, new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })]));

/** A count with thousands grouping: 1,234,567. */
export function formatCount(n: number): string {
	return INTEGER.format(n);
}

export function formatNumber(n: number, isId = false): string {
	if (!Number.isFinite(n)) return String(n);
	if (Number.isInteger(n)) return isId ? String(n) : INTEGER.format(n);
	const abs = Math.abs(n);
	return FRACTION.get(abs >= 100 ? 2 : abs >= 1 ? 3 : 4)!.format(n);
}

/** UTC, as DuckDB prints it: `2019-10-01` or `2019-10-01 00:00:03`. */
export function formatDate(d: Date, dateOnly: boolean): string {
	const iso = d.toISOString(); // 2019-10-01T00:00:03.000Z
	if (dateOnly) return iso.slice(0, 10);
	const ms = iso.slice(19, 23) === '.000' ? '' : iso.slice(19, 23);
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms}`;
}

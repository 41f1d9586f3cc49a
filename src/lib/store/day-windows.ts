// Day windows sized by rows. Windows of equal spans of days (monthWindows) are unequal in rows
// when traffic is: at 109.9M events the window holding mid-November's peak days ran the daily
// build out of its 2 GiB memory limit. Packing whole days by their measured row counts bounds
// every window instead.
import { quoteString } from '../data/sql';
import { DEFAULT_SCHEMA, storeTable } from './store-tables';

/** A day with events: `YYYY-MM-DD` and its rows. */
export type DayCount = readonly [day: string, rows: number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Rows a window of days holds at most (a bigger day is a window of its own). Measured: the
 *  daily build of 8.5M-row windows peaked at 3.1 GiB renderer RSS with a 2 GiB memory limit. */
export const ROWS_PER_WINDOW = 8_000_000;

/** One row per day with events, in order: the input of dayWindows. */
export function dayCountsSql(schema: string = DEFAULT_SCHEMA): string {
	return `SELECT strftime(CAST(event_time AS DATE), '%Y-%m-%d') AS day, count(*) AS rows
FROM ${storeTable(schema, 'events')} WHERE event_time IS NOT NULL GROUP BY ALL ORDER BY day`;
}

/**
 * Conditions on event_time that pack the days, in order, into as few windows as keep each
 * at most `rowsPerWindow` rows. Together they cover every row with a time: the first window is
 * open below and the last open above.
 */
export function dayWindows(days: readonly DayCount[], rowsPerWindow: number = ROWS_PER_WINDOW): string[] {
	if (!(rowsPerWindow > 0)) throw new Error(`invalid rowsPerWindow: ${rowsPerWindow}`);
	for (const [day, rows] of days) {
		if (!DAY.test(day)) throw new Error(`invalid day: ${day}`);
		if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`invalid rows for ${day}: ${rows}`);
	}
	const sorted = [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	// Each bound is the first day of a window after the first.
	const bounds: string[] = [];
	let rows = 0;
	for (const [day, n] of sorted) {
		if (rows > 0 && rows + n > rowsPerWindow) {
			bounds.push(day);
			rows = 0;
		}
		rows += n;
	}
	const at = (day: string) => `TIMESTAMP ${quoteString(day)}`;
	return Array.from({ length: bounds.length + 1 }, (_, k) => {
		const parts = [k > 0 ? `event_time >= ${at(bounds[k - 1])}` : 'event_time IS NOT NULL'];
		if (k < bounds.length) parts.push(`event_time < ${at(bounds[k])}`);
		return parts.join(' AND ');
	});
}

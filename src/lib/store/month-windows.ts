import { quoteString } from '../data/sql';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_MS = 86_400_000;

/** Checks `YYYY-MM` month names; returns them sorted, without repeats. */
export function normaliseMonths(months: readonly string[]): string[] {
	for (const m of months) if (!MONTH.test(m)) throw new Error(`invalid month: ${m}`);
	return [...new Set(months)].sort();
}

/** The first instant of a month (or of the month after it, with `next`), as epoch ms. */
function monthStartMs(month: string, next = false): number {
	const [, y, m] = MONTH.exec(month)!;
	return Date.UTC(Number(y), Number(m) - 1 + (next ? 1 : 0), 1);
}

function timestampLiteral(ms: number): string {
	return `TIMESTAMP ${quoteString(new Date(ms).toISOString().slice(0, 10))}`;
}

/** `event_time` within a month. */
export function inMonthSql(month: string): string {
	return `event_time >= ${timestampLiteral(monthStartMs(month))} AND event_time < ${timestampLiteral(monthStartMs(month, true))}`;
}

/**
 * Conditions on event_time that split the months into `count` runs of whole days (so a day
 * or an hour never straddles two windows) and together cover every row with a time: the first
 * window is open below and the last open above, for rows outside the listed months.
 */
export function monthWindows(months: readonly string[], count: number): string[] {
	const sorted = normaliseMonths(months);
	if (sorted.length === 0 || count <= 1) return ['event_time IS NOT NULL'];
	const first = monthStartMs(sorted[0]);
	const days = Math.round((monthStartMs(sorted.at(-1)!, true) - first) / DAY_MS);
	const n = Math.min(count, days);
	const bounds = Array.from({ length: n - 1 }, (_, i) => timestampLiteral(first + Math.round(((i + 1) * days) / n) * DAY_MS));
	return Array.from({ length: n }, (_, k) => {
		const parts = [k > 0 ? `event_time >= ${bounds[k - 1]}` : 'event_time IS NOT NULL'];
		if (k < n - 1) parts.push(`event_time < ${bounds[k]}`);
		return parts.join(' AND ');
	});
}

// The words and numbers of a result table's column summaries (ColumnSummary from
// data/column-summaries.ts), apart from the component that draws them.
import type { ColumnSummary, Histogram } from '../data/column-summaries';
import { formatCount, formatDate, formatNumber } from '../data/format-value';
import type { ColumnInfo } from '../data/value';

/** A share as a whole percentage that never reads 0% or 100% for a share that is neither. */
export function percentText(part: number, whole: number): string {
	if (whole <= 0 || part <= 0) return '0%';
	if (part >= whole) return '100%';
	const pct = (100 * part) / whole;
	return pct < 1 ? '<1%' : pct > 99 ? '>99%' : `${Math.round(pct)}%`;
}

export function nullText(s: ColumnSummary): string {
	if (s.rows === 0) return 'no rows';
	if (s.nulls === 0) return 'no nulls';
	if (s.nulls === s.rows) return 'all null';
	return `${percentText(s.nulls, s.rows)} null`;
}

const ROUGH = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 2 });

/**
 * An approximate distinct count as precise as it is: HyperLogLog is exact-ish below a thousand
 * and a few % off above (measured: 187,000 for 200,000 distinct values), so two digits there.
 */
export function distinctText(distinct: number): string {
	return `~${distinct < 1000 ? formatCount(distinct) : ROUGH.format(distinct)}`;
}

/** The second line under a column's name: NULLs, and distinct values where counted. */
export function countsText(s: ColumnSummary): string {
	return s.distinct === null || s.rows === 0 || s.nulls === s.rows ? nullText(s) : `${nullText(s)} · ${distinctText(s.distinct)} distinct`;
}

/** Top values with their shares of all rows, then how many other values there are. */
export function topText(s: ColumnSummary): string {
	if (!s.top) return '';
	const parts = s.top.values.map((v) => `${v.value} ${percentText(v.count, s.rows)}`);
	const others = s.top.otherValues;
	if (others > 0) parts.push(`${formatCount(others)} other${others === 1 ? '' : 's'}`);
	return parts.join(' · ');
}

/** min – max, numbers grouped as the table shows them where that is exact. */
export function rangeText(h: Histogram, column: ColumnInfo): string {
	const show = (text: string) => (h.temporal ? text : numberText(text, column));
	return h.min === h.max ? show(h.min) : `${show(h.min)} – ${show(h.max)}`;
}

/** Hover text for a whole summary: exact min and max, counts, and whether a sample was read. */
export function summaryTitle(s: ColumnSummary, column: ColumnInfo): string {
	const lines = [`${column.name} · ${column.type}`];
	if (s.histogram) lines.push(`min ${s.histogram.min}`, `max ${s.histogram.max}`);
	if (s.top) {
		for (const v of s.top.values) lines.push(`${v.value}: ${percentText(v.count, s.rows)} (${formatCount(v.count)} rows)`);
		if (s.top.otherRows > 0) lines.push(`${formatCount(s.top.otherValues)} other values: ${percentText(s.top.otherRows, s.rows)}`);
	}
	lines.push(`${nullText(s)}${s.nulls > 0 && s.nulls < s.rows ? ` (${formatCount(s.nulls)} of ${formatCount(s.rows)} rows)` : ''}`);
	if (s.distinct !== null) lines.push(`${distinctText(s.distinct)} distinct values (approximate)`);
	if (s.sampled) lines.push(`histogram and top values estimated from a random sample of ${formatCount(s.sampled)} rows`);
	return lines.join('\n');
}

/** Hover text of histogram bin i: its range and row count. */
export function binTitle(h: Histogram, i: number, column: ColumnInfo): string {
	const count = `${formatCount(h.bins[i])} row${h.bins[i] === 1 ? '' : 's'}`;
	if (h.bins.length === 1) return `${count}: ${h.temporal ? h.min : numberText(h.min, column)}`;
	if (h.perValue) return `${count}: ${formatNumber(h.low + i, isId(column))}`;
	const width = (h.high - h.low) / h.bins.length;
	const from = h.low + i * width;
	const to = i === h.bins.length - 1 ? h.high : h.low + (i + 1) * width;
	const at = (x: number) => (h.temporal ? formatDate(new Date(x * 1000), column.kind === 'date') : formatNumber(x, isId(column)));
	return `${count}: ${at(from)} to ${i === h.bins.length - 1 ? '' : 'below '}${at(to)}`;
}

const isId = (column: ColumnInfo) => /(^|_)id$/i.test(column.name);

function numberText(text: string, column: ColumnInfo): string {
	const n = Number(text);
	return Number.isSafeInteger(n) || (Number.isFinite(n) && !Number.isInteger(n) && String(n) === text.replace(/0+$/, '').replace(/\.$/, ''))
		? formatNumber(n, isId(column))
		: text;
}

// Per-column summaries of a stored result, as a result table's header shows them: the share of
// NULLs and an approximate distinct count for every column, a histogram for numbers and times,
// the most frequent values for text and booleans. One query per result, over the whole table,
// so a 100M-row result is summarised as exactly as a 10-row one. SQL and shaping only; the
// caller decides when to ask (never on a run's critical path).
import type { SqlClient } from './sql-client';
import { qualified } from './sql';
import type { ColumnInfo, QueryResult, Value } from './value';

/** Bins of a histogram: enough to show a shape in ~110 px, few enough to read each bar. */
export const HISTOGRAM_BINS = 16;
/** Most frequent values listed for a text or boolean column. */
export const TOP_VALUES = 3;
/**
 * Past this many rows, histograms and top values come from a seeded random sample of
 * SAMPLE_ROWS rows (counts, NULLs, distinct values, min and max still from every row): binning
 * and grouping every column of a 10M-row result took seconds of the engine's one queue
 * (DuckDB-WASM in Node, 1M rows × 7 columns: 2.5 s whole, 0.4 s with the sample).
 */
export const SAMPLE_ABOVE = 1_000_000;
export const SAMPLE_ROWS = 200_000;

export interface Histogram {
	/** The smallest and largest value as DuckDB writes them (exact: HUGEINT, DECIMAL, times). */
	min: string;
	max: string;
	/**
	 * The bins' range as numbers: the values themselves for numbers, seconds since the epoch for
	 * dates and timestamps. Bin i covers [low + i·w, low + (i+1)·w), the last one includes high.
	 */
	low: number;
	high: number;
	temporal: boolean;
	/** One bin per integer from low to high (integers spanning fewer values than bins). */
	perValue: boolean;
	/**
	 * Rows per bin: HISTOGRAM_BINS of them, one per value for integers spanning fewer values (no
	 * empty bins between 0 and 1 of a 0..6 column), one when every value is the same.
	 */
	bins: number[];
}

export interface TopValues {
	/** The most frequent values (as text), most frequent first; ties in value order. */
	values: { value: string; count: number }[];
	/** Non-NULL rows holding any other value (counts are estimates when the summary is sampled). */
	otherRows: number;
	/** How many other values there are (from the approximate distinct count). */
	otherValues: number;
}

export interface ColumnSummary {
	rows: number;
	/**
	 * Rows of the sample the histogram and top values were counted from, their counts scaled to
	 * the whole result (estimates); null when they were counted from every row.
	 */
	sampled: number | null;
	nulls: number;
	/** Distinct non-NULL values, approximate (HyperLogLog: a few % off on large counts). */
	distinct: number | null;
	histogram: Histogram | null;
	top: TopValues | null;
}

export interface SummaryOptions {
	bins?: number;
	/** Rows past which histograms and top values are counted from a sample. */
	sampleAbove?: number;
	sampleRows?: number;
}

const BOUNDS = ['min_text', 'max_text', 'low', 'high'];

type Plan = 'histogram' | 'top' | 'counts' | 'nulls';

/** What a column of this kind gets summarised with. */
function planFor(column: ColumnInfo): Plan {
	switch (column.kind) {
		case 'number':
		case 'date':
		case 'timestamp':
			return 'histogram';
		case 'string':
		case 'boolean':
			return 'top';
		case 'time':
			return 'counts';
		default:
			// Lists, structs, blobs, intervals: a distinct count of them means little.
			return 'nulls';
	}
}

/**
 * The one query summarising every column of `schema.table` (whose columns are `columns`, in
 * order). Columns are renamed by position (`AS r(c0, c1, …)`), so no user-written name is ever
 * spliced into the SQL and duplicate names cannot clash. Rows come back ordered by column.
 */
export function columnSummariesSql(schema: string, table: string, columns: ColumnInfo[], rowCount: number, options: SummaryOptions = {}): string {
	if (columns.length === 0) throw new Error('a result without columns has nothing to summarise');
	const { bins = HISTOGRAM_BINS, sampleAbove = SAMPLE_ABOVE, sampleRows = SAMPLE_ROWS } = options;
	const plans = columns.map(planFor);
	const sampled = rowCount > sampleAbove;
	const col = (i: number) => `c${i}`;
	// The measure binned: the number itself, or a time as seconds since the epoch.
	const measure = (i: number) => (columns[i].kind === 'number' ? `CAST(${col(i)} AS DOUBLE)` : `epoch(${col(i)})`);
	const stats: string[] = ['count(*) AS row_count'];
	const ctes: string[] = [];
	const selects: string[] = [];
	columns.forEach((_, i) => {
		const plan = plans[i];
		const c = col(i);
		stats.push(`count(${c}) AS nn${i}`);
		if (plan !== 'nulls') stats.push(`approx_count_distinct(${c}) AS d${i}`);
		let histogram = 'NULL';
		let top = 'NULL';
		let bounds = ['NULL', 'NULL', 'NULL', 'NULL'];
		if (plan === 'histogram') {
			// Non-finite doubles (inf, NaN) would stretch the range to nothing: binned without them.
			stats.push(
				`CAST(min(${c}) AS VARCHAR) AS min${i}`,
				`CAST(max(${c}) AS VARCHAR) AS max${i}`,
				`min(${measure(i)}) FILTER (WHERE isfinite(${measure(i)})) AS lo${i}`,
				`max(${measure(i)}) FILTER (WHERE isfinite(${measure(i)})) AS hi${i}`
			);
			ctes.push(
				`h${i} AS (SELECT list({b: b, n: n}) AS v FROM (` +
					`SELECT CAST(CASE WHEN s.hi${i} = s.lo${i} THEN 0 ` +
					(isIntegral(columns[i]) ? `WHEN s.hi${i} - s.lo${i} < ${bins} THEN m - s.lo${i} ` : '') +
					`ELSE least(${bins - 1}, floor((m - s.lo${i}) / (s.hi${i} - s.lo${i}) * ${bins})) END AS INTEGER) AS b, count(*) AS n ` +
					`FROM (SELECT ${measure(i)} AS m FROM w) AS x, s WHERE isfinite(m) GROUP BY b))`
			);
			histogram = `(SELECT v FROM h${i})`;
			bounds = [`s.min${i}`, `s.max${i}`, `s.lo${i}`, `s.hi${i}`];
		} else if (plan === 'top') {
			ctes.push(
				`k${i} AS (SELECT list({v: v, n: n} ORDER BY n DESC, v) AS v FROM (` +
					`SELECT CAST(${c} AS VARCHAR) AS v, count(*) AS n FROM w WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY n DESC, v LIMIT ${TOP_VALUES}))`
			);
			top = `(SELECT v FROM k${i})`;
		}
		selects.push(
			`SELECT ${i} AS col, s.row_count, s.sample_rows, s.nn${i} AS non_null, ${plan === 'nulls' ? 'NULL' : `s.d${i}`} AS distinct_values, ` +
				`${bounds.map((e, k) => `CAST(${e} AS ${k < 2 ? 'VARCHAR' : 'DOUBLE'}) AS ${BOUNDS[k]}`).join(', ')}, ` +
				`CAST(${histogram} AS STRUCT(b INTEGER, n BIGINT)[]) AS bins, ` +
				`CAST(${top} AS STRUCT(v VARCHAR, n BIGINT)[]) AS top FROM s`
		);
	});
	const renamed = columns.map((_, i) => col(i)).join(', ');
	// t is read by each column's pass: not materialised (a copy of the whole result), read again.
	// w, the rows binned and grouped: t itself, or the sample, kept once for every pass.
	return [
		`WITH t AS NOT MATERIALIZED (SELECT * FROM ${qualified(schema, table)} AS r(${renamed})),`,
		sampled
			? `w AS MATERIALIZED (SELECT * FROM t USING SAMPLE reservoir(${sampleRows} ROWS) REPEATABLE (42)),`
			: `w AS NOT MATERIALIZED (SELECT * FROM t),`,
		`s AS MATERIALIZED (SELECT ${stats.join(', ')}, ${sampled ? `(SELECT count(*) FROM w)` : 'CAST(NULL AS BIGINT)'} AS sample_rows FROM t)${ctes.length ? ',' : ''}`,
		ctes.join(',\n'),
		selects.join('\nUNION ALL\n'),
		'ORDER BY col'
	]
		.filter((line) => line.length > 0)
		.join('\n');
}

/** Integers (DuckDB ships HUGEINT as DECIMAL(38,0)): one bin per value when they are few. */
function isIntegral(column: ColumnInfo): boolean {
	return column.kind === 'number' && /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DECIMAL\(\d+,0\))$/.test(column.type);
}

const toNumber = (v: Value): number => (typeof v === 'number' ? v : v === null ? 0 : Number(v));

/** The summaries in `columns` order, from the result of columnSummariesSql. */
export function shapeColumnSummaries(result: QueryResult, columns: ColumnInfo[], options: SummaryOptions = {}): ColumnSummary[] {
	const bins = options.bins ?? HISTOGRAM_BINS;
	if (result.rows.length !== columns.length) {
		throw new Error(`column summaries: ${result.rows.length} rows for ${columns.length} columns`);
	}
	const at = (name: string) => {
		const i = result.columns.findIndex((c) => c.name === name);
		if (i < 0) throw new Error(`column summaries: no ${name} column`);
		return i;
	};
	const [iCol, iRows, iSample, iNonNull, iDistinct, iBins, iTop] = ['col', 'row_count', 'sample_rows', 'non_null', 'distinct_values', 'bins', 'top'].map(at);
	const iBounds = BOUNDS.map(at);
	return result.rows.map((row, n) => {
		if (toNumber(row[iCol]) !== n) throw new Error(`column summaries: row ${n} is column ${String(row[iCol])}`);
		const rows = toNumber(row[iRows]);
		const nonNull = toNumber(row[iNonNull]);
		const sampled = row[iSample] === null ? null : toNumber(row[iSample]);
		// Counts from a sample are scaled to the whole result: estimates, flagged by `sampled`.
		const scale = (count: number) => (sampled ? Math.round((count * rows) / sampled) : count);
		const distinct = row[iDistinct] === null ? null : Math.min(toNumber(row[iDistinct]), nonNull);
		let histogram: Histogram | null = null;
		const [min, max, low, high] = iBounds.map((i) => row[i]);
		if (min !== null && max !== null && low !== null && high !== null) {
			const span = toNumber(high) - toNumber(low);
			const perValue = span > 0 && isIntegral(columns[n]) && span < bins;
			const counts = new Array<number>(span === 0 ? 1 : perValue ? span + 1 : bins).fill(0);
			for (const entry of (row[iBins] as { b: Value; n: Value }[] | null) ?? []) counts[toNumber(entry.b)] = scale(toNumber(entry.n));
			histogram = { min: String(min), max: String(max), low: toNumber(low), high: toNumber(high), temporal: columns[n].kind !== 'number', perValue, bins: counts };
		}
		let top: TopValues | null = null;
		const listed = row[iTop] as { v: Value; n: Value }[] | null;
		if (listed !== null || planFor(columns[n]) === 'top') {
			const values = (listed ?? []).map((entry) => ({ value: String(entry.v), count: Math.min(nonNull, scale(toNumber(entry.n))) }));
			const inTop = Math.min(nonNull, values.reduce((sum, v) => sum + v.count, 0));
			// A sample's estimates need not add up: with every distinct value listed there are no others.
			const allListed = distinct !== null && distinct <= values.length;
			const otherRows = sampled && allListed ? 0 : nonNull - inTop;
			top = { values, otherRows, otherValues: otherRows > 0 ? Math.max(1, (distinct ?? 0) - values.length) : 0 };
		}
		return { rows, sampled, nulls: rows - nonNull, distinct, histogram, top };
	});
}

/** Summarises every column of the stored result `schema.table` of `rowCount` rows: one query. */
export async function summarizeColumns(
	client: SqlClient,
	schema: string,
	table: string,
	columns: ColumnInfo[],
	rowCount: number,
	options: SummaryOptions & { signal?: AbortSignal } = {}
): Promise<ColumnSummary[]> {
	const result = await client.query(columnSummariesSql(schema, table, columns, rowCount, options), { signal: options.signal });
	return shapeColumnSummaries(result, columns, options);
}

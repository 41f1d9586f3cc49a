// Two headless runs of the same notebook on the same files (e.g. the browser engine and the
// native one) compared cell by cell: status, row count, columns, and a checksum of the rows.
// The checksum is order-insensitive unless the cell's result has an order (a SQL cell whose
// query ends in ORDER BY; a model or stats cell, whose rows the app writes in order), and
// numbers are rounded to `digits` significant digits first, because floating aggregates summed
// in another order (other threads, another DuckDB version) differ in their last bits.
import { createHash } from 'node:crypto';
import { tokenizeSql } from '../../src/lib/notebook/sql-tokens';
import type { NotebookDocument } from '../../src/lib/notebook';
import type { CellJson, JsonValue, ResultsJson } from './results-json';

export interface CellComparison {
	/** The cell's name, or `(kind) n` for an unnamed one (n: its place among reported cells). */
	cell: string;
	kind: string;
	ordered: boolean;
	rowCounts: [number | null, number | null];
	/** Null when the rows were not all in the results (raise --rows) or the cell has none. */
	checksums: [string, string] | null;
	/** What differs, one sentence each; empty when the cell agrees. */
	differences: string[];
}

export interface CompareOptions {
	/** Significant digits numbers are rounded to before they are compared (default 6). */
	digits?: number;
	/** Columns, by cell, that measure the engine rather than the data: left out of the checksum. */
	measured?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The default notebook's columns that measure the engine, not the data: how long each ingest
 * step and the model's training took, and how many bytes DuckDB's storage gave `events` (its
 * compression differs between DuckDB versions: 8.24 MB in DuckDB-WASM 1.4.3 against 8.43 MB in
 * native 1.5.6 for the bundled sample's events; every other table's bytes agreed).
 */
export const MEASURED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
	optimisation_summary: ['events_bytes', 'store_bytes', 'events_compression_x'],
	optimisation_tables: ['stored_bytes', 'bytes_per_row', 'pct_of_source'],
	optimisation_tables_chart: ['stored_bytes', 'bytes_per_row', 'pct_of_source'],
	optimisation_columns: ['compression', 'bytes', 'bytes_per_row'],
	optimisation_steps: ['seconds'],
	propensity: ['seconds']
};

/** Names (lower case) of the cells whose row order is part of their result. */
export function orderedCells(doc: NotebookDocument): Set<string> {
	const names = new Set<string>();
	for (const cell of doc.cells) {
		if (!cell.name) continue;
		if (cell.kind === 'model' || cell.kind === 'stats' || (cell.kind === 'sql' && hasTopLevelOrderBy(cell.source))) names.add(cell.name.toLowerCase());
	}
	return names;
}

/** Whether the query's result is sorted: an ORDER BY outside every parenthesis (not a window's, an aggregate's or a subquery's). */
export function hasTopLevelOrderBy(sql: string): boolean {
	let depth = 0;
	const tokens = tokenizeSql(sql);
	for (const [i, t] of tokens.entries()) {
		if (t.kind === 'punct' && t.value === '(') depth++;
		else if (t.kind === 'punct' && t.value === ')') depth--;
		else if (depth === 0 && t.kind === 'word' && t.value === 'order' && tokens[i + 1]?.kind === 'word' && tokens[i + 1].value === 'by') return true;
	}
	return false;
}

export function compareResults(a: ResultsJson, b: ResultsJson, ordered: ReadonlySet<string>, options: CompareOptions = {}): CellComparison[] {
	const digits = options.digits ?? 6;
	const keyed = (r: ResultsJson) => new Map(r.cells.map((c, i) => [cellKey(c, i), c]));
	const [left, right] = [keyed(a), keyed(b)];
	const out: CellComparison[] = [];
	for (const key of new Set([...left.keys(), ...right.keys()])) {
		const [x, y] = [left.get(key), right.get(key)];
		if (!x || !y) {
			out.push({ cell: key, kind: (x ?? y)!.kind, ordered: false, rowCounts: [x?.rowCount ?? null, y?.rowCount ?? null], checksums: null, differences: [`only in the ${x ? 'first' : 'second'} run`] });
			continue;
		}
		const skip = new Set(options.measured?.[x.name ?? ''] ?? []);
		// Rows sorted by a measured column (tables by stored bytes) are in a measured order too.
		const isOrdered = x.name !== null && ordered.has(x.name.toLowerCase()) && skip.size === 0;
		const differences: string[] = [];
		if (x.status !== y.status) differences.push(`status ${x.status} vs ${y.status}${x.error || y.error ? ` (${x.error ?? y.error})` : ''}`);
		if (x.rowCount !== y.rowCount) differences.push(`${x.rowCount} vs ${y.rowCount} rows`);
		const columns = (c: CellJson) => c.columns.map((col) => `${col.name} ${col.type}`).join(', ');
		if (columns(x) !== columns(y)) differences.push(`columns (${columns(x)}) vs (${columns(y)})`);
		let checksums: [string, string] | null = null;
		const whole = (c: CellJson) => c.rowCount !== null && c.rows.length === c.rowCount;
		if (whole(x) && whole(y) && x.rowCount! > 0) {
			const keep = (c: CellJson) => c.columns.map((col, i) => (skip.has(col.name) ? -1 : i)).filter((i) => i >= 0);
			const [rx, ry] = [canonicalRows(x.rows, keep(x), digits), canonicalRows(y.rows, keep(y), digits)];
			if (!isOrdered) {
				rx.sort();
				ry.sort();
			}
			checksums = [digest(rx), digest(ry)];
			if (checksums[0] !== checksums[1] && x.rowCount === y.rowCount) differences.push(describeRows(rx, ry, isOrdered));
		}
		out.push({ cell: key, kind: x.kind, ordered: isOrdered, rowCounts: [x.rowCount, y.rowCount], checksums, differences });
	}
	return out;
}

const cellKey = (c: CellJson, i: number) => c.name ?? `(${c.kind}) ${i + 1}`;

/** Each row's `columns` as text: numbers at `digits` significant digits, everything else as its JSON. */
function canonicalRows(rows: readonly JsonValue[][], columns: readonly number[], digits: number): string[] {
	return rows.map((row) => JSON.stringify(columns.map((i) => canonical(row[i], digits))));
}

function canonical(value: JsonValue, digits: number): JsonValue {
	if (typeof value === 'number') return value === 0 ? 0 : Number(value.toPrecision(digits));
	if (Array.isArray(value)) return value.map((v) => canonical(v, digits));
	if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v, digits)]));
	return value;
}

function digest(rows: readonly string[]): string {
	const hash = createHash('sha256');
	for (const row of rows) hash.update(row).update('\n');
	return hash.digest('hex').slice(0, 16);
}

/** The first row that differs (in order), or how many rows each side has that the other lacks. */
function describeRows(x: string[], y: string[], ordered: boolean): string {
	if (ordered) {
		const sameSet = [...x].sort().join('\n') === [...y].sort().join('\n');
		const i = x.findIndex((row, k) => row !== y[k]);
		return sameSet ? `the same rows in another order (first at row ${i + 1}: ${x[i]} vs ${y[i]})` : `row ${i + 1}: ${x[i]} vs ${y[i]}`;
	}
	const count = (rows: string[]) => rows.reduce((m, r) => m.set(r, (m.get(r) ?? 0) + 1), new Map<string, number>());
	const [cx, cy] = [count(x), count(y)];
	const onlyIn = (a: Map<string, number>, b: Map<string, number>) => [...a].flatMap(([r, n]) => Array(Math.max(0, n - (b.get(r) ?? 0))).fill(r) as string[]);
	const [ox, oy] = [onlyIn(cx, cy), onlyIn(cy, cx)];
	return `${ox.length} of ${x.length} rows differ, e.g. ${ox[0]} vs ${oy[0]}`;
}

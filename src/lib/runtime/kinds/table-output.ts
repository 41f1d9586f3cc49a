// The output of a cell that writes a table of the cell schema (SQL, stats and model cells): a
// preview of its first rows and its row count, paged from DuckDB on demand by the page.
import { qualified } from '../../data/sql';
import type { QueryResult } from '../../data/value';
import type { CellStorage } from '../../notebook';
import { PREVIEW_ROWS, type CellOutput } from '../cell-output';
import { CELL_SCHEMA, type ResultsCache } from '../results-cache';
import type { RunContext } from './cell-kind';

export const previewSql = (name: string) => `SELECT * FROM ${qualified(CELL_SCHEMA, name)} LIMIT ${PREVIEW_ROWS}`;

/** `rowCount` null: read it from the metadata unless the preview already holds every row (most results). */
export async function tableOutput(
	cache: ResultsCache,
	name: string,
	preview: QueryResult,
	rowCount: number | null,
	cached: boolean,
	signal: AbortSignal
): Promise<CellOutput> {
	const count = rowCount ?? (preview.rows.length < PREVIEW_ROWS ? preview.rows.length : await cache.rowCount(name, signal));
	return { kind: 'table', schema: CELL_SCHEMA, table: name, columns: preview.columns, rowCount: count, preview: preview.rows, cached };
}

/**
 * The saved table `name`, when it was built with the cell's current fingerprint and the run is
 * not forced: what an earlier session showed for it, or a fresh preview. Null: the cell must run.
 * A cell writing several tables (`others` too) is saved only if they all are current: a run cut
 * short between them (a closed tab, a crashed engine, a cancel) left some from an older run.
 * `storage`: how the cell keeps `name` now; a result kept the other way is built again.
 */
export async function savedTableOutput(
	name: string,
	ctx: RunContext,
	others: readonly string[] = [],
	storage: CellStorage = 'table'
): Promise<CellOutput | null> {
	if (ctx.force) return null;
	const saved = await ctx.cache.lookup(name, ctx.fingerprint, ctx.signal);
	if (saved?.storage !== storage) return null;
	for (const other of others) if (!(await ctx.cache.lookup(other, ctx.fingerprint, ctx.signal))) return null;
	const shown = ctx.shownBefore;
	if (shown?.kind === 'table' && shown.table === name) return { ...shown, rowCount: saved.rowCount, cached: true };
	return tableOutput(ctx.cache, name, await ctx.client.query(previewSql(name), { signal: ctx.signal }), saved.rowCount, true, ctx.signal);
}

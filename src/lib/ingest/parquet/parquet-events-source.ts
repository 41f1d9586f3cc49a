// The SQL relation that turns a table of inserted Parquet batches (file columns, Arrow types as
// DuckDB-WASM mapped them) into the event columns with their event-schema types: the Parquet
// counterpart of eventsCsvSource, for ingestEvents' OpenedSource.relation.
import { quoteIdent } from '../../data/sql';
import { EVENT_COLUMNS } from '../../store/event-columns';
import type { ParquetLayout } from './check-parquet-schema';

/** `table`: the (quoted, possibly schema-qualified) table holding the inserted batches. */
export function parquetEventsSource(table: string, layout: ParquetLayout): string {
	const select = EVENT_COLUMNS.map(([name]) => `${layout.expressions[name]} AS ${quoteIdent(name)}`).join(', ');
	return `(SELECT ${select} FROM ${table})`;
}

/**
 * For event_time stored as text: a query giving one value (as `example`) that is in none of the
 * accepted formats, or no row. Run it on a first sample (readParquetBatches' `limit`) to refuse a
 * file with an unreadable time format before the ingest, instead of setting every row aside.
 * Null when event_time is not text (timestamps need no check).
 */
export function badEventTimeSql(table: string, layout: ParquetLayout): string | null {
	const source = quoteIdent(layout.sources.event_time);
	if (!layout.expressions.event_time.startsWith('try_strptime(')) return null;
	return `SELECT CAST(${source} AS VARCHAR) AS example FROM ${table} WHERE ${source} IS NOT NULL AND ${layout.expressions.event_time} IS NULL LIMIT 1`;
}

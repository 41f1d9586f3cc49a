/**
 * One row per column of events: type, NULLs (count and %), distinct values and how they were
 * counted, lowest and highest value as text. Reads the column_stats fact table, counted once
 * when the store is built (store/column-stats-table.ts), so a run never scans events: distinct
 * users, sessions and products are the rows of their fact tables, event_time counts UTC days
 * (rows of daily), the other columns are counted exactly.
 */
export function explorerColumnsSql(): string {
	return `SELECT column_name, type, nulls, round(100 * nulls / nullif(events, 0), 2) AS null_pct,
	distinct_values, distinct_counted, min_value, max_value
FROM column_stats
ORDER BY column_index`;
}

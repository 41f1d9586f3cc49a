/**
 * Exact duplicate rows (equal to an earlier row in every column) and what they add to
 * purchases and revenue, from daily's raw and *_dedup columns.
 */
export function explorerDuplicatesSql(): string {
	return `SELECT sum(events)::BIGINT AS rows,
	sum(duplicate_rows)::BIGINT AS duplicate_rows,
	round(100 * sum(duplicate_rows) / nullif(sum(events), 0), 2) AS duplicate_pct,
	count(*) FILTER (WHERE duplicate_rows > 0) AS days_with_duplicates,
	sum(purchases)::BIGINT AS purchases,
	sum(purchases_dedup)::BIGINT AS purchases_dedup,
	sum(revenue) AS revenue,
	sum(revenue_dedup) AS revenue_dedup,
	sum(revenue) - sum(revenue_dedup) AS duplicate_revenue
FROM daily`;
}

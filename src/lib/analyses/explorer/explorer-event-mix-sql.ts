/** Rows per event type and their share, from daily's counts (exact duplicate rows included). */
export function explorerEventMixSql(): string {
	return `WITH totals AS (
	SELECT sum(views) AS views, sum(carts) AS carts, sum(removes) AS removes, sum(purchases) AS purchases
	FROM daily
),
mix AS (
	SELECT unnest(['view', 'cart', 'remove_from_cart', 'purchase']) AS event_type,
		unnest([views, carts, removes, purchases])::BIGINT AS events
	FROM totals
)
SELECT event_type, events, round(100 * events / nullif(sum(events) OVER (), 0), 2) AS share_pct
FROM mix
ORDER BY events DESC, event_type`;
}

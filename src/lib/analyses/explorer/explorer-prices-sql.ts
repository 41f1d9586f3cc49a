/**
 * Price quality per event type and over all rows (`all`): zero, negative and missing prices,
 * lowest and highest. Reads the price_counts fact table.
 */
export function explorerPricesSql(): string {
	return `WITH by_type AS (
	SELECT event_type AS kind,
		sum(events)::BIGINT AS events,
		coalesce(sum(events) FILTER (WHERE price = 0), 0)::BIGINT AS zero_price,
		coalesce(sum(events) FILTER (WHERE price < 0), 0)::BIGINT AS negative_price,
		coalesce(sum(events) FILTER (WHERE price IS NULL), 0)::BIGINT AS null_price,
		min(price) AS min_price,
		max(price) AS max_price
	FROM price_counts
	GROUP BY ROLLUP (event_type)
)
SELECT coalesce(kind::VARCHAR, 'all') AS event_type, events, zero_price, negative_price, null_price,
	round(100 * (zero_price + negative_price + null_price) / events, 2) AS not_positive_pct,
	min_price, max_price
FROM by_type
ORDER BY kind NULLS LAST`;
}

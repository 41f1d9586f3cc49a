/**
 * The price histogram over events with a positive price. Prices are heavy-tailed (cents to
 * thousands), so bins are logarithmic: three a decade with edges 1-2-5 (…, 10, 20, 50, 100, …),
 * from 0.01 up; a bin holds prices ≥ price_from and < price_to. Zero and negative prices are
 * counted by explorerPricesSql. Reads the price_counts fact table.
 */
export function explorerPriceBinsSql(): string {
	return `WITH prices AS (
	SELECT price, sum(events) AS events
	FROM price_counts
	WHERE price > 0
	GROUP BY price
),
edges AS (
	SELECT round(m * 10 ** k, 2)::DECIMAL(12,2) AS price_from
	FROM range(-2, 8) AS d(k), (VALUES (1), (2), (5)) AS s(m)
),
bins AS (
	SELECT price_from, lead(price_from) OVER (ORDER BY price_from) AS price_to
	FROM edges
)
SELECT printf('%.10g–%.10g', price_from, price_to) AS price_range, price_from, price_to,
	sum(events)::BIGINT AS events,
	round(100 * sum(events) / sum(sum(events)) OVER (), 2) AS events_pct
FROM bins JOIN prices ON price >= price_from AND (price < price_to OR price_to IS NULL)
GROUP BY ALL
ORDER BY price_from`;
}

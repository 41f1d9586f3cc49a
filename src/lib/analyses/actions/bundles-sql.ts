/**
 * Bundles: every triple of category codes (or brands) bought together in at least `minBaskets`
 * baskets, from the store's item_triples, best first by lift. For items A, B, C (A < B < C):
 *   support = baskets(A, B, C) / N;
 *   lift = baskets(A, B, C) · N² / (baskets(A) · baskets(B) · baskets(C)): how much more often
 *     the three meet than if each were bought independently;
 *   attach rate of C to {A, B} = baskets(A, B, C) / baskets(A, B): of the baskets holding the
 *     pair, the share that also hold the third. Each triple shows its best add-on (the item with
 *     the highest attach rate to the other two) and that rule's lift, attach rate / support(C).
 * Every count comes from the same baskets (item_triples keeps them together), so the ratios agree.
 */
export function bundlesSql(p: { itemLevel: string; basket: string; minBaskets: string }): string {
	return `WITH chosen AS (
	SELECT CASE WHEN CAST(${p.itemLevel} AS VARCHAR) IN ('category_code', 'brand') THEN CAST(${p.itemLevel} AS VARCHAR)
			ELSE error('invalid bundle level ' || coalesce('"' || CAST(${p.itemLevel} AS VARCHAR) || '"', 'NULL') || ': use category_code or brand') END AS item_level,
		CASE WHEN CAST(${p.basket} AS VARCHAR) IN ('session', 'user') THEN CAST(${p.basket} AS VARCHAR)
			ELSE error('invalid basket ' || coalesce('"' || CAST(${p.basket} AS VARCHAR) || '"', 'NULL') || ': use session or user') END AS basket,
		CAST(${p.minBaskets} AS INTEGER) AS min_baskets
),
kept AS (
	SELECT t.*,
		t.baskets / t.baskets_bc AS attach_a, t.baskets / t.baskets_ac AS attach_b, t.baskets / t.baskets_ab AS attach_c
	FROM item_triples t JOIN chosen c ON t.level = c.basket AND t.item_level = c.item_level
	WHERE t.baskets >= c.min_baskets
),
-- The best add-on without a row per rule: items are in name order, so on a tie the first of
-- a, b, c holding the highest attach rate is the one first by name.
best AS (
	SELECT *,
		CASE WHEN attach_a = greatest(attach_a, attach_b, attach_c) THEN item_a
			WHEN attach_b = greatest(attach_a, attach_b, attach_c) THEN item_b ELSE item_c END AS add_on,
		greatest(attach_a, attach_b, attach_c) AS attach_rate,
		CASE WHEN attach_a = greatest(attach_a, attach_b, attach_c) THEN baskets_a
			WHEN attach_b = greatest(attach_a, attach_b, attach_c) THEN baskets_b ELSE baskets_c END AS add_on_baskets
	FROM kept
)
SELECT item_level, level AS basket,
	item_a || ' + ' || item_b || ' + ' || item_c AS bundle,
	baskets,
	baskets / total_baskets AS support,
	(baskets::DOUBLE * total_baskets * total_baskets) / (baskets_a::DOUBLE * baskets_b * baskets_c) AS lift,
	add_on,
	attach_rate,
	attach_rate / (add_on_baskets / total_baskets) AS add_on_lift,
	item_a, item_b, item_c, baskets_ab, baskets_ac, baskets_bc, baskets_a, baskets_b, baskets_c, total_baskets
FROM best
ORDER BY lift DESC, baskets DESC, bundle`;
}

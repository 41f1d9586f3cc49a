import { ALSO_BOUGHT_ITEMS } from './also-bought-items-sql';

/**
 * The partners of one item, ranked by lift: every item bought in the same baskets as the chosen
 * one at least `minPairs` times. `item` is `level:item` from the items list, or '' for the
 * default, the most bought product. For the chosen item X and a partner Y:
 *   baskets_ab = baskets with X and Y; support = baskets_ab / all baskets;
 *   confidence = baskets_ab / baskets with X (of X's baskets, the share that also hold Y);
 *   lift = confidence / (baskets with Y / all baskets).
 * Reads the pair counts the store made once (purchase_pairs for products, item_pairs for
 * category codes and brands), so an answer is a filter of one stored table, not a scan of events.
 */
export function alsoBoughtSql(p: { item: string; basket: string; minPairs: string }): string {
	return `WITH asked AS (
	SELECT coalesce(nullif(CAST(${p.item} AS VARCHAR), ''),
			(SELECT value FROM ${ALSO_BOUGHT_ITEMS} WHERE level = 'product' ORDER BY purchases DESC, TRY_CAST(item AS INTEGER) LIMIT 1)) AS chosen,
		CAST(${p.basket} AS VARCHAR) AS basket,
		CAST(${p.minPairs} AS INTEGER) AS min_pairs
),
chosen AS (
	SELECT CASE WHEN chosen IS NULL THEN error('nothing was bought in this data set, so no item has partners: also bought needs purchase events')
			WHEN split_part(chosen, ':', 1) IN ('product', 'category', 'brand') THEN split_part(chosen, ':', 1)
			ELSE error('invalid item ' || coalesce('"' || chosen || '"', 'NULL') || ': pick one from ${ALSO_BOUGHT_ITEMS} (product:<id>, category:<code> or brand:<name>)') END AS level,
		substr(chosen, strpos(chosen, ':') + 1) AS item,
		TRY_CAST(substr(chosen, strpos(chosen, ':') + 1) AS INTEGER) AS item_id,
		CASE WHEN basket IN ('session', 'user') THEN basket
			ELSE error('invalid basket ' || coalesce('"' || basket || '"', 'NULL') || ': use session or user') END AS basket,
		min_pairs
	FROM asked
),
product_pairs AS (
	SELECT c.level, c.basket, c.item,
		CASE WHEN pp.product_a = c.item_id THEN pp.product_b ELSE pp.product_a END AS partner_id,
		pp.baskets AS baskets_ab,
		CASE WHEN pp.product_a = c.item_id THEN pp.baskets_a ELSE pp.baskets_b END AS baskets_item,
		CASE WHEN pp.product_a = c.item_id THEN pp.baskets_b ELSE pp.baskets_a END AS baskets_partner,
		pp.total_baskets,
		CAST(NULL AS VARCHAR) AS partner
	FROM purchase_pairs pp JOIN chosen c ON pp.level = c.basket
	WHERE c.level = 'product' AND c.item_id IN (pp.product_a, pp.product_b) AND pp.baskets >= c.min_pairs
),
label_pairs AS (
	SELECT c.level, c.basket, c.item,
		CAST(NULL AS INTEGER) AS partner_id,
		CASE WHEN ip.item_a = c.item THEN ip.item_b ELSE ip.item_a END AS partner,
		ip.baskets AS baskets_ab,
		CASE WHEN ip.item_a = c.item THEN ip.baskets_a ELSE ip.baskets_b END AS baskets_item,
		CASE WHEN ip.item_a = c.item THEN ip.baskets_b ELSE ip.baskets_a END AS baskets_partner,
		ip.total_baskets
	FROM item_pairs ip JOIN chosen c ON ip.level = c.basket AND ip.item_level = CASE c.level WHEN 'category' THEN 'category_code' ELSE c.level END
	WHERE c.item IN (ip.item_a, ip.item_b) AND ip.baskets >= c.min_pairs
),
pairs AS (
	SELECT * REPLACE (CAST(partner_id AS VARCHAR) AS partner) FROM product_pairs
	UNION ALL BY NAME
	SELECT * FROM label_pairs
)
SELECT p.level, p.basket, p.item, p.partner,
	pb.brand AS partner_brand, pb.category_code AS partner_category,
	p.baskets_ab,
	p.baskets_ab / p.total_baskets AS support,
	p.baskets_ab / p.baskets_item AS confidence,
	(p.baskets_ab::DOUBLE * p.total_baskets) / (p.baskets_item::DOUBLE * p.baskets_partner) AS lift,
	p.baskets_item, p.baskets_partner, p.total_baskets,
	pa.brand AS item_brand, pa.category_code AS item_category,
	CASE WHEN p.level = 'product' THEN concat_ws(' ', p.partner, pb.brand, regexp_extract(pb.category_code, '[^.]+$')) ELSE p.partner END AS partner_label
FROM pairs p
-- Joined on integer ids alone (NULL for category and brand rows): a condition on the level in
-- the ON clause of these outer joins made DuckDB compare every partner with every product, 15 s
-- for the 14,911 partners of the most bought product at 109.9M events.
LEFT JOIN products pa ON pa.product_id = (SELECT item_id FROM chosen WHERE level = 'product')
LEFT JOIN products pb ON pb.product_id = p.partner_id
ORDER BY lift DESC, p.baskets_ab DESC, p.partner`;
}

import { quoteString } from '../../data/sql';
import { rfmChosenMapCte } from './rfm-chosen-map-cte';
import { RFM_BUYERS } from './rfm-buyers-sql';
import { RFM_MAP_TEN } from './rfm-maps';

/**
 * One row per segment of the map `map` (an SQL expression: a literal or `$rfm_map`, by default
 * the standard ten segments; the buyers' segments must come from the same map), every segment
 * even when empty, in display order: buyers, their share, average and total spend (sum of
 * purchase prices), share of all buyers' spend, average recency and frequency. Reads the
 * segmented buyers (rfmBuyersSql()'s rows).
 */
export function rfmSegmentSummarySql(p: { buyers?: string; map?: string } = {}): string {
	const buyers = p.buyers ?? RFM_BUYERS;
	const map = p.map ?? quoteString(RFM_MAP_TEN);
	return `WITH ${rfmChosenMapCte(map)},
segments AS (
  SELECT segment, list_position(chosen.segments, segment) AS position
  FROM chosen, unnest(chosen.segments) AS t(segment)
),
totals AS (SELECT count(*) AS buyers, sum(monetary) AS spend FROM ${buyers})
SELECT s.segment,
  count(b.user_id) AS users,
  round(100 * count(b.user_id) / t.buyers, 2) AS share_pct,
  round(avg(b.monetary), 2) AS avg_spend,
  coalesce(sum(b.monetary), 0) AS total_spend,
  round(100 * coalesce(sum(b.monetary), 0) / t.spend, 2) AS spend_share_pct,
  round(avg(b.recency_days), 1) AS avg_recency_days,
  round(avg(b.frequency), 2) AS avg_frequency
FROM segments AS s
CROSS JOIN totals AS t
LEFT JOIN ${buyers} AS b ON b.segment = s.segment
GROUP BY s.segment, s.position, t.buyers, t.spend
ORDER BY s.position`;
}

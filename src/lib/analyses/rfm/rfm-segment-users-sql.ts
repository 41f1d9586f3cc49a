import { quoteString } from '../../data/sql';
import { rfmChosenMapCte } from './rfm-chosen-map-cte';
import { RFM_MAP_TEN } from './rfm-maps';
import { rfmBuyersSql } from './rfm-buyers-sql';
import { rfmScoresSql } from './rfm-scores-sql';

/**
 * The buyers of one segment, for export: user_id, recency_days, frequency, monetary, r, f, m,
 * highest spend first. `segment` and `map` are SQL expressions (literals, or `$rfm_segment` and
 * `$rfm_map`; the map is by default the standard one); a name that is not a segment of that map
 * fails the query, naming the map's segments, since the segment input offers every map's names.
 * Buyers come from `buyers` (rfmBuyersSql()'s rows under the same map, e.g. the rfm_buyers
 * cell) or, by default, are scored over all buyers first, so a segment's scores are those of
 * the full ranking.
 */
export function rfmSegmentUsersSql(p: { segment: string; buyers?: string; map?: string }): string {
	const map = p.map ?? quoteString(RFM_MAP_TEN);
	const buyers = p.buyers ?? `(\n${rfmBuyersSql({ scores: `(\n${rfmScoresSql()}\n)`, map })}\n)`;
	return `WITH ${rfmChosenMapCte(map)},
names AS (
  SELECT map, segments, CAST(${p.segment} AS VARCHAR) AS s
  FROM chosen
),
picked AS (
  SELECT CASE WHEN list_contains(segments, s) THEN s
    ELSE error('RFM segment ' || coalesce('"' || s || '"', 'NULL') || ' is not in the map "' || map || '"; expected one of ' || array_to_string(segments, ', '))
  END AS segment
  FROM names
)
SELECT b.user_id, b.recency_days, b.frequency, b.monetary, b.r, b.f, b.m
FROM ${buyers} AS b
JOIN picked ON b.segment = picked.segment
ORDER BY b.monetary DESC, b.user_id`;
}

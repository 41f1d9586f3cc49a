import { RFM_SEGMENT_LIST } from './rfm-segments';
import { rfmScoresSql } from './rfm-scores-sql';

/**
 * The buyers of one segment, for export: user_id, recency_days, frequency, monetary, r, f, m,
 * highest spend first. `segment` is an SQL expression (a literal or `$rfm_segment`); a name
 * that is not a segment fails the query, naming the segments. Scores come from `scores` (a
 * table with rfmScoresSql()'s rows, e.g. the rfm_scores cell) or, by default, are computed
 * over all buyers first, so a segment's scores are those of the full ranking.
 */
export function rfmSegmentUsersSql(p: { segment: string; scores?: string }): string {
	const scores = p.scores ?? `(\n${rfmScoresSql()}\n)`;
	return `WITH names AS (
  SELECT ${RFM_SEGMENT_LIST} AS segments, CAST(${p.segment} AS VARCHAR) AS s
),
chosen AS (
  SELECT CASE WHEN list_contains(segments, s) THEN s
    ELSE error('unknown RFM segment ' || coalesce('"' || s || '"', 'NULL') || '; expected one of ' || array_to_string(segments, ', '))
  END AS segment
  FROM names
)
SELECT b.user_id, b.recency_days, b.frequency, b.monetary, b.r, b.f, b.m
FROM ${scores} AS b
JOIN chosen ON b.segment = chosen.segment
ORDER BY b.monetary DESC, b.user_id`;
}

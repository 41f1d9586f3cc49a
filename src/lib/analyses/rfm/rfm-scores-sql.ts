import { quoteString } from '../../data/sql';
import { rfmByMapSql, rfmChosenMapCte } from './rfm-chosen-map-cte';
import { RFM_MAP_TEN } from './rfm-maps';
import { rfmSegmentSql } from './rfm-segments';

/**
 * One row per buyer (a user with at least one purchase row): last purchase time, recency_days,
 * frequency, monetary, the R, F and M quintile scores and the segment, as the RFM section's text defines them.
 * `map` (an SQL expression: a literal or `$rfm_map`) picks the segment map, by default the
 * standard ten segments; a value that is not a map fails the query. The scores do not depend on it.
 * Reads `users`; the reference time needs the last event time to the second (hourly keeps the
 * hour, column_stats keeps it as text), so it is one max() over `events` restricted to the last
 * hour: events are stored in time order, and the bound reaches each partition's scan, whose zone
 * maps skip the row groups before it, so it reads the last hour's rows whatever the log's size.
 */
export function rfmScoresSql(p: { map?: string } = {}): string {
	const map = p.map ?? quoteString(RFM_MAP_TEN);
	return `WITH reference AS (
  SELECT max(event_time) + INTERVAL 1 DAY AS reference_time
  FROM events
  WHERE event_time >= (SELECT max(hour) FROM hourly)
),
${rfmChosenMapCte(map)},
buyers AS (
  SELECT user_id, last_purchase,
    date_diff('day', last_purchase, reference_time) AS recency_days,
    orders AS frequency,
    revenue AS monetary
  FROM users, reference
  WHERE purchases > 0
),
scored AS (
  SELECT *,
    NTILE(5) OVER (ORDER BY recency_days DESC, user_id) AS r,
    NTILE(5) OVER (ORDER BY frequency, monetary, user_id) AS f,
    NTILE(5) OVER (ORDER BY monetary, user_id) AS m
  FROM buyers
)
SELECT user_id, last_purchase, recency_days, frequency, monetary, r, f, m,
  ${rfmByMapSql('chosen.map', (m) => rfmSegmentSql('r', 'f', m.segments))} AS segment
FROM scored, chosen
ORDER BY user_id`;
}

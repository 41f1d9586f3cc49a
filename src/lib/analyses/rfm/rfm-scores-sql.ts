/** The cell (or table) holding rfmScoresSql()'s rows. */
export const RFM_SCORES = 'rfm_scores';

/**
 * One row per buyer (a user with at least one purchase row): last purchase time, recency_days,
 * frequency, monetary and the R, F and M quintile scores, as the RFM section's text defines them.
 * No segment: the segment map only relabels (R, F) pairs, so rfmBuyersSql() adds it over these
 * rows and choosing another map never ranks the buyers again. The rows are not sorted: each of
 * the three rankings is a sort of every buyer already, and a fourth one by user_id would cost
 * about as much again for an order nothing downstream relies on.
 * Reads `users`; the reference time needs the last event time to the second (hourly keeps the
 * hour, column_stats keeps it as text), so it is one max() over `events` restricted to the last
 * hour: events are stored in time order, and the bound reaches each partition's scan, whose zone
 * maps skip the row groups before it, so it reads the last hour's rows whatever the log's size.
 */
export function rfmScoresSql(): string {
	return `WITH reference AS (
  SELECT max(event_time) + INTERVAL 1 DAY AS reference_time
  FROM events
  WHERE event_time >= (SELECT max(hour) FROM hourly)
),
buyers AS (
  SELECT user_id, last_purchase,
    date_diff('day', last_purchase, reference_time) AS recency_days,
    orders AS frequency,
    revenue AS monetary
  FROM users, reference
  WHERE purchases > 0
)
SELECT *,
  NTILE(5) OVER (ORDER BY recency_days DESC, user_id) AS r,
  NTILE(5) OVER (ORDER BY frequency, monetary, user_id) AS f,
  NTILE(5) OVER (ORDER BY monetary, user_id) AS m
FROM buyers`;
}

/** Where the lab reads its users from: a features table (one row per user, segment as of the cut). */
export interface LabWindow {
	/** The features cell whose rows are the users as of the cut (with rfm_segment, label, spend). */
	features: string;
	/** SQL expressions of the DATEs the outcome window starts and ends (before). */
	cut: string;
	end: string;
	/** SQL expression of the segment name. */
	segment: string;
}

/**
 * One row per user of the segment as of the cut: `returned` = 1 if they bought in the outcome
 * window (the features table's label), `pre_spend` their spend before the cut (the CUPED
 * covariate) and `post_spend` their spend in the outcome window.
 *
 * Only the segment's users are summed over the window: a segment is thousands of users, and
 * summing every user's days in the window first (millions of groups) was most of the cell's time.
 */
export function labPopulationSql({ features, cut, end, segment }: LabWindow): string {
	return `WITH population AS (
  SELECT user_id, label, spend FROM ${features} WHERE rfm_segment = ${segment}
)
SELECT f.user_id, f.label AS returned, f.spend AS pre_spend, coalesce(p.post_spend, 0) AS post_spend
FROM population f
LEFT JOIN (
  SELECT user_id, CAST(sum(revenue) AS DOUBLE) AS post_spend
  FROM user_days
  WHERE day >= ${cut} AND day < ${end} AND user_id IN (SELECT user_id FROM population)
  GROUP BY user_id
) p USING (user_id)
ORDER BY f.user_id`;
}

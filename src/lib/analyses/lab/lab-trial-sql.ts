/**
 * A simulated trial on the segment's real users, to show how a readout reads: each user is put
 * in A or B by a seeded hash of their id, and in B a non-returner returns with probability
 * (target − baseline) / (1 − baseline), the planned effect, spending what a returner spends on
 * average. One row: users, conversions and spend (mean, SD) per group.
 */
export function labTrialSql({ population, plan, seed }: { population: string; plan: string; seed: string }): string {
	return `WITH users AS (
  SELECT returned, post_spend,
    CASE WHEN hash(user_id, ${seed}, 'group') % 2 = 0 THEN 'A' ELSE 'B' END AS grp,
    (hash(user_id, ${seed}, 'effect') % 1000000) / 1e6 AS draw
  FROM ${population}
),
outcomes AS (
  SELECT grp,
    grp = 'B' AND returned = 0 AND draw < (p.target - p.baseline) / (1 - p.baseline) AS planted,
    CASE WHEN planted THEN 1 ELSE returned END AS converted,
    CASE WHEN planted THEN coalesce(p.spend_per_returner, 0) ELSE post_spend END AS spend
  FROM users, ${plan} p
)
SELECT
  count(*) FILTER (WHERE grp = 'A') AS a_users,
  coalesce(sum(converted) FILTER (WHERE grp = 'A'), 0) AS a_conversions,
  avg(spend) FILTER (WHERE grp = 'A') AS a_mean_spend,
  stddev_samp(spend) FILTER (WHERE grp = 'A') AS a_sd_spend,
  count(*) FILTER (WHERE grp = 'B') AS b_users,
  coalesce(sum(converted) FILTER (WHERE grp = 'B'), 0) AS b_conversions,
  avg(spend) FILTER (WHERE grp = 'B') AS b_mean_spend,
  stddev_samp(spend) FILTER (WHERE grp = 'B') AS b_sd_spend
FROM outcomes`;
}

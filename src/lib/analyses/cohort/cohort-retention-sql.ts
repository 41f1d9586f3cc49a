/** Weeks after the cohort week that retention covers: 0 … COHORT_WEEKS. */
export const COHORT_WEEKS = 8;

/**
 * One row per cohort and week_number 0…8 that the data reaches: the cohort's users, and how many
 * (and what share) had any event, and a purchase, in that week. Cohort = the ISO week (Monday,
 * UTC) of a user's first event; week n = the n-th week after it. A week starting after the last
 * week of the data is left out rather than shown as 0%. Reads `user_weeks` only.
 */
export function cohortRetentionSql(): string {
	return `WITH cells AS (
  SELECT first_week AS cohort_week, (week - first_week) // 7 AS week_number,
    count(*) AS active_users,
    count(*) FILTER (WHERE purchases > 0) AS buyers
  FROM user_weeks
  WHERE week - first_week <= 7 * ${COHORT_WEEKS}
  GROUP BY ALL
),
cohorts AS (
  SELECT cohort_week, active_users AS cohort_users FROM cells WHERE week_number = 0
),
data_end AS (
  SELECT max(week) AS last_week FROM user_weeks
)
SELECT c.cohort_week, w.week_number, c.cohort_users,
  coalesce(x.active_users, 0) AS active_users,
  round(100 * coalesce(x.active_users, 0) / c.cohort_users, 2) AS active_pct,
  coalesce(x.buyers, 0) AS buyers,
  round(100 * coalesce(x.buyers, 0) / c.cohort_users, 2) AS buyer_pct
FROM cohorts AS c
CROSS JOIN range(${COHORT_WEEKS + 1}) AS w(week_number)
CROSS JOIN data_end AS d
LEFT JOIN cells AS x ON x.cohort_week = c.cohort_week AND x.week_number = w.week_number
WHERE c.cohort_week + CAST(7 * w.week_number AS INTEGER) <= d.last_week
ORDER BY c.cohort_week, w.week_number`;
}

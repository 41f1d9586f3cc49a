/** The cell (or table) holding cohortRetentionSql()'s rows. */
export const COHORT_RETENTION = 'cohort_retention';

/**
 * Week n retention over all cohorts that reach week n, weighted by cohort size: per week_number
 * and activity ('any event' or 'purchase'), users retained / users in those cohorts. Reads the
 * retention table.
 */
export function cohortCurveSql(p: { retention?: string } = {}): string {
	const retention = p.retention ?? COHORT_RETENTION;
	return `SELECT week_number, activity, sum(cohort_users) AS cohort_users, sum(retained) AS retained_users,
  round(100 * sum(retained) / sum(cohort_users), 2) AS retained_pct
FROM (
  SELECT week_number, 'any event' AS activity, cohort_users, active_users AS retained FROM ${retention}
  UNION ALL
  SELECT week_number, 'purchase' AS activity, cohort_users, buyers AS retained FROM ${retention}
)
GROUP BY ALL
ORDER BY activity, week_number`;
}

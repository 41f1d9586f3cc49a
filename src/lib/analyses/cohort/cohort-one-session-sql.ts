/**
 * Users who never return: the share of users with exactly one session, per cohort (ISO week of
 * the first event, UTC) and over all users (last row, cohort 'all'). Users whose events all lack
 * a session have 0 sessions and count only in the totals. Reads `users`.
 */
export function cohortOneSessionSql(): string {
	return `SELECT coalesce(strftime(cohort_week, '%Y-%m-%d'), 'all') AS cohort,
  count(*) AS users,
  count(*) FILTER (WHERE sessions = 1) AS one_session_users,
  round(100 * count(*) FILTER (WHERE sessions = 1) / count(*), 2) AS one_session_pct
FROM (SELECT CAST(date_trunc('week', first_seen) AS DATE) AS cohort_week, sessions FROM users)
GROUP BY GROUPING SETS ((cohort_week), ())
ORDER BY cohort_week NULLS LAST`;
}

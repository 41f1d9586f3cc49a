/**
 * Per month of session start (UTC; `month` is its first day): the share of sessions whose events touch one category, several
 * categories, or none (every event without a category_id). Reads `sessions` (n_categories).
 */
export function categoryBreadthSql(): string {
	return `SELECT month, breadth, sessions,
  round(100 * sessions / sum(sessions) OVER (PARTITION BY month), 2) AS share_pct
FROM (
  SELECT CAST(date_trunc('month', start_time) AS DATE) AS month,
    CASE WHEN n_categories = 1 THEN 'one category' WHEN n_categories > 1 THEN 'several categories' ELSE 'no category' END AS breadth,
    count(*) AS sessions
  FROM sessions
  GROUP BY ALL
)
ORDER BY month, list_position(['one category', 'several categories', 'no category'], breadth)`;
}

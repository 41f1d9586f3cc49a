/** Sessions by how many distinct users they hold (sessions.n_users); above 1 the session is shared. */
export function explorerSharedSessionsSql(): string {
	return `SELECT n_users,
	count(*) AS sessions,
	round(100 * count(*) / sum(count(*)) OVER (), 2) AS sessions_pct,
	sum(events)::BIGINT AS events,
	count(*) FILTER (WHERE has_purchase) AS purchase_sessions
FROM sessions
GROUP BY n_users
ORDER BY n_users`;
}

/** One row per UTC day, from daily: DAU (distinct users with any event), revenue raw and de-duplicated. */
export function overviewDailySql(): string {
	return `SELECT day, users AS dau, sessions, buyers, purchases, revenue, revenue_dedup
FROM daily
ORDER BY day`;
}

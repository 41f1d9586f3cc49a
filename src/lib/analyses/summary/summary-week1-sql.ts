/** Week-1 churn: the share of new users with no event in the week after their first week. */
export function summaryWeek1Sql(p: { curve?: string } = {}): string {
	const curve = p.curve ?? 'cohort_curve';
	return `SELECT round(100 - retained_pct, 2) AS week1_churn_pct, cohort_users
FROM ${curve}
WHERE activity = 'any event' AND week_number = 1`;
}

/**
 * The headline numbers, one row. Reads daily (revenue: it is the only fact table with the
 * de-duplicated sum, and it keeps rows without a user or session), users and sessions.
 *   revenue       sum of purchase prices, exact duplicate rows included
 *   revenue_dedup the same without rows that repeat an earlier row exactly
 *   buyers        users with at least one purchase; orders: sessions with at least one purchase
 *   user_conversion_pct = buyers / users, session_conversion_pct = orders / sessions
 *   aov = revenue / orders (aov_dedup from revenue_dedup)
 */
export function overviewKpisSql(): string {
	return `WITH money AS (
	SELECT min(day) AS first_day, max(day) AS last_day,
		sum(revenue) AS revenue, sum(revenue_dedup) AS revenue_dedup
	FROM daily
),
people AS (
	SELECT count(*) AS users, count(*) FILTER (WHERE purchases > 0) AS buyers
	FROM users
),
visits AS (
	SELECT count(*) AS sessions, count(*) FILTER (WHERE has_purchase) AS orders
	FROM sessions
)
SELECT first_day, last_day, revenue, revenue_dedup, users, sessions, buyers, orders,
	round(100 * buyers / nullif(users, 0), 2) AS user_conversion_pct,
	round(100 * orders / nullif(sessions, 0), 2) AS session_conversion_pct,
	round(revenue / nullif(orders, 0), 2) AS aov,
	round(revenue_dedup / nullif(orders, 0), 2) AS aov_dedup
FROM money, people, visits`;
}

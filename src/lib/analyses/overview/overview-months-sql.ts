/**
 * The headline numbers per calendar month (UTC) of the data; the months are whatever months
 * daily holds. Each count comes from the fact table that answers it without reading events:
 *   revenue, revenue_dedup  daily, by the day of the purchase
 *   users                   users.active_YYYY_MM: users with any event in the month
 *   sessions                sessions, by the month the session starts in
 *   buyers, orders          basket_items, by purchase time: distinct users and sessions with a
 *                           purchase in the month (a session buying in two months counts in both)
 */
export function overviewMonthsSql(): string {
	return `WITH money AS (
	SELECT date_trunc('month', day)::DATE AS month_start,
		sum(revenue) AS revenue, sum(revenue_dedup) AS revenue_dedup
	FROM daily
	GROUP BY ALL
),
active AS (
	-- users has one active_YYYY_MM flag per month of the data
	SELECT strptime(replace(flag, 'active_', ''), '%Y_%m')::DATE AS month_start, n::BIGINT AS users
	FROM (SELECT count_if(COLUMNS('^active_[0-9]{4}_[0-9]{2}$')) FROM users)
	UNPIVOT (n FOR flag IN (COLUMNS(*)))
),
visits AS (
	SELECT date_trunc('month', start_time)::DATE AS month_start, count(*) AS sessions
	FROM sessions
	GROUP BY ALL
),
bought AS (
	SELECT date_trunc('month', purchased_at)::DATE AS month_start,
		count(DISTINCT user_id) AS buyers, count(DISTINCT session_id) AS orders
	FROM basket_items
	GROUP BY ALL
)
SELECT strftime(month_start, '%Y-%m') AS month,
	revenue, revenue_dedup,
	coalesce(users, 0) AS users, coalesce(sessions, 0) AS sessions,
	coalesce(buyers, 0) AS buyers, coalesce(orders, 0) AS orders,
	round(100 * buyers / nullif(users, 0), 2) AS user_conversion_pct,
	round(100 * orders / nullif(sessions, 0), 2) AS session_conversion_pct,
	round(revenue / nullif(orders, 0), 2) AS aov,
	round(revenue_dedup / nullif(orders, 0), 2) AS aov_dedup
FROM money
LEFT JOIN active USING (month_start)
LEFT JOIN visits USING (month_start)
LEFT JOIN bought USING (month_start)
ORDER BY month`;
}

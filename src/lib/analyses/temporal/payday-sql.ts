/**
 * Paydays (the 1st, the 15th and the last day of a month) against all other days: per-day
 * averages over every UTC calendar day from the first to the last day of the data (a day
 * without events counts as zero), buyer conversion (buyers / active users, pooled over the
 * days), and each group's average revenue relative to other days'. Reads `daily`.
 */
export function paydaySql(): string {
	return `WITH calendar AS (
  SELECT CAST(unnest(generate_series(min(day)::TIMESTAMP, max(day)::TIMESTAMP, INTERVAL 1 DAY)) AS DATE) AS day
  FROM daily
),
days AS (
  SELECT c.day, dayofmonth(c.day) IN (1, 15) OR c.day = last_day(c.day) AS payday,
    coalesce(d.events, 0) AS events, coalesce(d.purchases, 0) AS purchases, coalesce(d.revenue, 0) AS revenue,
    coalesce(d.users, 0) AS users, coalesce(d.buyers, 0) AS buyers
  FROM calendar AS c
  LEFT JOIN daily AS d ON d.day = c.day
),
groups AS (
  SELECT payday, count(*) AS days, avg(events) AS events, avg(purchases) AS purchases, avg(revenue) AS revenue,
    avg(users) AS users, avg(buyers) AS buyers, sum(buyers) / nullif(sum(users), 0) AS conversion
  FROM days
  GROUP BY payday
)
SELECT CASE WHEN g.payday THEN 'payday' ELSE 'other day' END AS day_type,
  g.days,
  round(g.events, 1) AS avg_events,
  round(g.purchases, 1) AS avg_purchases,
  round(g.revenue, 2) AS avg_revenue,
  round(g.users, 1) AS avg_users,
  round(g.buyers, 1) AS avg_buyers,
  round(100 * g.conversion, 2) AS buyer_conversion_pct,
  round(g.revenue / nullif(o.revenue, 0), 3) AS revenue_vs_other_days
FROM groups AS g
LEFT JOIN groups AS o ON NOT o.payday
ORDER BY g.payday DESC`;
}

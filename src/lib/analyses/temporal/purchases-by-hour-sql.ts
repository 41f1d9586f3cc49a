import { localHoursSql } from './local-hours';

/**
 * Hour of day in local time (24 rows): purchases, their share of all purchases, revenue, and
 * purchase conversion (buying user-hours / active user-hours, as in the heatmap). Reads `hourly`.
 */
export function purchasesByHourSql(p: { tzOffsetHours: string }): string {
	return `WITH local AS (
  ${localHoursSql(p.tzOffsetHours)}
),
hours AS (
  SELECT hour(local_hour) AS hour, sum(purchases) AS purchases, sum(revenue) AS revenue,
    sum(users) AS user_hours, sum(buyers) AS buyer_hours
  FROM local
  GROUP BY ALL
)
SELECT h.hour,
  coalesce(x.purchases, 0) AS purchases,
  round(100 * coalesce(x.purchases, 0) / sum(x.purchases) OVER (), 2) AS purchase_share_pct,
  coalesce(x.revenue, 0) AS revenue,
  round(100 * x.buyer_hours / x.user_hours, 2) AS conversion_pct
FROM range(24) AS h(hour)
LEFT JOIN hours AS x ON x.hour = h.hour
ORDER BY h.hour`;
}

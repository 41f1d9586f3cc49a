import { localHoursSql, WEEKDAY_NAMES } from './local-hours';

/**
 * Weekday × hour of day in local time (168 rows, Monday 0:00 first): events, events per day
 * (over every calendar day of that weekday from the first to the last local day of the data),
 * purchases, and purchase conversion = buying user-hours / active user-hours: of the users
 * active in one clock hour, the share who bought in that hour, pooled over the days.
 * Reads `hourly` only.
 */
export function temporalHeatmapSql(p: { tzOffsetHours: string }): string {
	return `WITH local AS (
  ${localHoursSql(p.tzOffsetHours)}
),
calendar AS (
  SELECT isodow(day) AS weekday, count(*) AS days
  FROM (
    SELECT unnest(generate_series(date_trunc('day', min(local_hour)), date_trunc('day', max(local_hour)), INTERVAL 1 DAY)) AS day
    FROM local
  )
  GROUP BY ALL
),
cells AS (
  SELECT isodow(local_hour) AS weekday, hour(local_hour) AS hour,
    sum(events) AS events, sum(purchases) AS purchases, sum(users) AS user_hours, sum(buyers) AS buyer_hours
  FROM local
  GROUP BY ALL
)
SELECT c.weekday, ${WEEKDAY_NAMES}[c.weekday] AS day_name, h.hour, c.days,
  coalesce(x.events, 0) AS events,
  round(coalesce(x.events, 0) / c.days, 1) AS events_per_day,
  coalesce(x.purchases, 0) AS purchases,
  coalesce(x.user_hours, 0) AS user_hours,
  coalesce(x.buyer_hours, 0) AS buyer_hours,
  round(100 * x.buyer_hours / x.user_hours, 2) AS conversion_pct
FROM calendar AS c
CROSS JOIN range(24) AS h(hour)
LEFT JOIN cells AS x ON x.weekday = c.weekday AND x.hour = h.hour
ORDER BY c.weekday, h.hour`;
}

import type { LabWindow } from './lab-population-sql';

/**
 * The segment measured: its users, the share who returned (bought) in the outcome window (the
 * baseline a campaign must beat), spend per returning user, the correlation of pre-period spend
 * with the outcome (what CUPED can remove), and eligible users per day: segment users with an
 * event that day, averaged over the window's days with any event.
 */
export function labBaselineSql({ population, cut, end, segment }: Omit<LabWindow, 'features'> & { population: string }): string {
	return `WITH visits AS (
  SELECT d.day, count(*) AS users
  FROM user_days d JOIN ${population} p USING (user_id)
  WHERE d.day >= ${cut} AND d.day < ${end}
  GROUP BY d.day
),
days AS (
  SELECT count(*) AS days FROM daily WHERE day >= ${cut} AND day < ${end}
)
SELECT ${segment} AS segment,
  count(*) AS users,
  coalesce(sum(returned), 0) AS returned,
  avg(returned) AS baseline,
  avg(post_spend) FILTER (WHERE returned = 1) AS spend_per_returner,
  avg(pre_spend) AS avg_pre_spend,
  corr(pre_spend, returned) AS rho_returned,
  corr(pre_spend, post_spend) AS rho_spend,
  (SELECT coalesce(sum(users), 0) FROM visits) / nullif((SELECT days FROM days), 0) AS daily_eligible
FROM ${population}`;
}

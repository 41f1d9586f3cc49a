/**
 * The funnel step that loses the most users: of the users who reached the step before, the
 * share who did not reach it (100 − its step rate), with the users lost.
 */
export function summaryFunnelSql(p: { steps?: string } = {}): string {
	const steps = p.steps ?? 'funnel_steps';
	return `SELECT prev_step || ' → ' || step AS step,
  prev_reached - reached AS users_lost,
  round(100 - pct_of_previous, 2) AS lost_pct
FROM (
  SELECT step, reached, pct_of_previous,
    lag(step) OVER (ORDER BY step_no) AS prev_step, lag(reached) OVER (ORDER BY step_no) AS prev_reached
  FROM ${steps} WHERE unit = 'users'
)
WHERE prev_step IS NOT NULL
ORDER BY lost_pct DESC, step
LIMIT 1`;
}

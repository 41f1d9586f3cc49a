/**
 * Users and sessions at each funnel step, view → cart → purchase, from users and sessions.
 *   reached          units with at least one event of the step's type
 *   pct_of_previous  reached / reached at the step before (the step rate)
 *   pct_of_first     reached / reached at view
 *   all_steps        units with an event of this step and of every step before it
 * A purchase needs no cart event in this log, so reached can exceed all_steps.
 */
export function funnelStepsSql(): string {
	return `WITH counts AS (
	SELECT 'users' AS unit,
		count(*) FILTER (WHERE views > 0) AS viewed,
		count(*) FILTER (WHERE carts > 0) AS carted,
		count(*) FILTER (WHERE purchases > 0) AS bought,
		count(*) FILTER (WHERE views > 0 AND carts > 0) AS viewed_carted,
		count(*) FILTER (WHERE views > 0 AND carts > 0 AND purchases > 0) AS viewed_carted_bought
	FROM users
	UNION ALL
	SELECT 'sessions',
		count(*) FILTER (WHERE views > 0),
		count(*) FILTER (WHERE has_cart),
		count(*) FILTER (WHERE has_purchase),
		count(*) FILTER (WHERE views > 0 AND has_cart),
		count(*) FILTER (WHERE views > 0 AND has_cart AND has_purchase)
	FROM sessions
),
steps AS (
	SELECT unit,
		unnest([1, 2, 3]) AS step_no,
		unnest(['view', 'cart', 'purchase']) AS step,
		unnest([viewed, carted, bought]) AS reached,
		unnest([viewed, viewed_carted, viewed_carted_bought]) AS all_steps
	FROM counts
)
SELECT unit, step_no, step, reached,
	round(100 * reached / nullif(lag(reached) OVER w, 0), 2) AS pct_of_previous,
	round(100 * reached / nullif(first_value(reached) OVER w, 0), 2) AS pct_of_first,
	all_steps
FROM steps
WINDOW w AS (PARTITION BY unit ORDER BY step_no)
ORDER BY unit DESC, step_no`;
}

import { audienceCaseSql } from './audiences';

/** The cell (or table) holding audienceMembersSql()'s rows. */
export const AUDIENCE_MEMBERS = 'audience_members';

/**
 * One row per user in an audience, as of the model's test cut: their RFM segment then, spend
 * and purchases before the cut, the model's score, its decile over all users and the user's
 * peer_decile (among buyers or among non-buyers before the cut; see audiences.ts) (when `scores` is given, e.g. the
 * model cell's `propensity_scores`; otherwise NULL, and the audiences use recency and frequency
 * only), and:
 *   spend_per_purchase = their spend / purchases before the cut, or, for users without a
 *     purchase, that of all purchases before the cut;
 *   expected_value = score × spend_per_purchase (NULL without a model);
 *   bought_after, revenue_after = whether they bought, and their revenue, from the cut to the
 *     window's end: what actually happened, to hold each audience's expectation against;
 *   favourite_category = the category code they bought most often before the cut (ties: the
 *     first by name); its cross-sell partner is joined to one audience's users at a time
 *     (audience-users-sql.ts), so a change of the pair threshold re-runs that list, not this
 *     table of every audience.
 * `users` is the table of users as of the cut (the model's `features_test`); `cut` and `end`
 * are SQL DATE expressions of the test window.
 */
export function audienceMembersSql(p: { users: string; scores?: string; cut: string; end: string }): string {
	const withModel = p.scores !== undefined;
	return `WITH overall AS (
  SELECT sum(spend) / nullif(sum(purchases), 0) AS spend_per_purchase FROM ${p.users} WHERE purchases > 0
),
after AS (
  SELECT user_id, sum(revenue) AS revenue
  FROM user_days
  WHERE day >= ${p.cut} AND day < ${p.end} AND purchases > 0
  GROUP BY user_id
),
favourite AS (
  SELECT user_id, category_code AS favourite_category
  FROM (SELECT user_id, category_code, count(*) AS bought FROM basket_items
    WHERE category_code IS NOT NULL AND purchased_at < ${p.cut} GROUP BY ALL)
  QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY bought DESC, category_code) = 1
),
scored AS (
  SELECT u.user_id, u.rfm_segment, u.days_since_last_event, u.purchases, u.spend,
    ${
			withModel
				? 's.score, s.decile, NTILE(10) OVER (PARTITION BY u.purchases > 0 ORDER BY s.score DESC, u.user_id) AS peer_decile'
				: 'CAST(NULL AS DOUBLE) AS score, CAST(NULL AS INTEGER) AS decile, CAST(NULL AS BIGINT) AS peer_decile'
		},
    coalesce(u.spend / nullif(u.purchases, 0), o.spend_per_purchase) AS spend_per_purchase,
    u.label AS bought_after,
    coalesce(a.revenue, 0) AS revenue_after,
    f.favourite_category
  FROM ${p.users} u
  CROSS JOIN overall o
  ${withModel ? `JOIN ${p.scores} s USING (user_id)` : ''}
  LEFT JOIN after a USING (user_id)
  LEFT JOIN favourite f USING (user_id)
)
SELECT user_id, audience, rfm_segment, decile, peer_decile, score, purchases, spend, spend_per_purchase,
  score * spend_per_purchase AS expected_value,
  bought_after, revenue_after, favourite_category
FROM (SELECT *, ${audienceCaseSql(withModel)} AS audience FROM scored)
WHERE audience IS NOT NULL
ORDER BY audience, expected_value DESC NULLS LAST, spend DESC, user_id`;
}

import { AUDIENCE_MEMBERS } from './audience-members-sql';
import { AUDIENCE_ROWS } from './audiences';

/**
 * One row per audience, every audience even when empty, in order: its action, users, their mean
 * score, expected buyers (Σ score) and expected value (Σ score × spend per purchase), then what
 * happened after the cut: buyers and revenue. Reads the members table.
 */
export function audienceSummarySql(p: { members?: string } = {}): string {
	const members = p.members ?? AUDIENCE_MEMBERS;
	return `WITH audiences(audience, action, position) AS (VALUES
    ${AUDIENCE_ROWS}
)
SELECT a.audience, a.action,
  count(m.user_id) AS users,
  round(avg(m.score), 4) AS avg_score,
  round(sum(m.score), 1) AS expected_buyers,
  round(sum(m.expected_value), 2) AS expected_value,
  coalesce(sum(m.bought_after), 0) AS buyers_after,
  round(coalesce(sum(m.revenue_after), 0), 2) AS revenue_after,
  round(avg(m.spend), 2) AS avg_spend_before
FROM audiences a
LEFT JOIN ${members} m USING (audience)
GROUP BY a.audience, a.action, a.position
ORDER BY a.position`;
}

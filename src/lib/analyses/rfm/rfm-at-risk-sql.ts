import { quoteString } from '../../data/sql';
import { rfmChosenMapCte } from './rfm-chosen-map-cte';
import { RFM_BUYERS } from './rfm-buyers-sql';
import { RFM_MAP_TEN } from './rfm-maps';
import { AT_RISK_SEGMENTS } from './rfm-segments';

/**
 * At-risk value: total spend of the chosen map's at-risk segments (standard map: "At risk" and
 * "Can't lose them"; original map: "Can't lose them", the same buyers), with the "At risk" and
 * "Can't lose them" parts (null when the map has no such segment, which is not the same as an
 * empty one) and the value's share of all buyers' spend. `map` is an SQL expression (a literal
 * or `$rfm_map`, by default the standard map); the buyers' segments must come from the same map.
 * Reads the segmented buyers (rfmBuyersSql()'s rows); one row even without buyers.
 */
export function rfmAtRiskSql(p: { buyers?: string; map?: string } = {}): string {
	const buyers = p.buyers ?? RFM_BUYERS;
	const map = p.map ?? quoteString(RFM_MAP_TEN);
	const [atRisk, cantLose] = AT_RISK_SEGMENTS.map(quoteString);
	const inMap = (segment: string) => `list_contains(c.segments, ${segment})`;
	return `WITH ${rfmChosenMapCte(map)}
SELECT
  CASE WHEN ${inMap(atRisk)} THEN count(b.user_id) FILTER (WHERE b.segment = ${atRisk}) END AS at_risk_users,
  CASE WHEN ${inMap(atRisk)} THEN coalesce(sum(b.monetary) FILTER (WHERE b.segment = ${atRisk}), 0) END AS at_risk_spend,
  CASE WHEN ${inMap(cantLose)} THEN count(b.user_id) FILTER (WHERE b.segment = ${cantLose}) END AS cant_lose_users,
  CASE WHEN ${inMap(cantLose)} THEN coalesce(sum(b.monetary) FILTER (WHERE b.segment = ${cantLose}), 0) END AS cant_lose_spend,
  coalesce(sum(b.monetary) FILTER (WHERE list_contains(c.at_risk, b.segment)), 0) AS at_risk_value,
  round(100 * coalesce(sum(b.monetary) FILTER (WHERE list_contains(c.at_risk, b.segment)), 0) / sum(b.monetary), 2) AS at_risk_value_pct
FROM chosen AS c
LEFT JOIN ${buyers} AS b ON true
GROUP BY c.segments, c.at_risk`;
}

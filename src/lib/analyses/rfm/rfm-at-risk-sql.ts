import { quoteString } from '../../data/sql';
import { RFM_SCORES } from './rfm-segment-summary-sql';
import { AT_RISK_SEGMENTS } from './rfm-segments';

/**
 * At-risk value: total spend of the "At risk" and "Can't lose them" buyers, with each part and
 * its share of all buyers' spend. Reads the scores table.
 */
export function rfmAtRiskSql(p: { scores?: string } = {}): string {
	const scores = p.scores ?? RFM_SCORES;
	const [atRisk, cantLose] = AT_RISK_SEGMENTS.map(quoteString);
	return `SELECT
  count(*) FILTER (WHERE segment = ${atRisk}) AS at_risk_users,
  coalesce(sum(monetary) FILTER (WHERE segment = ${atRisk}), 0) AS at_risk_spend,
  count(*) FILTER (WHERE segment = ${cantLose}) AS cant_lose_users,
  coalesce(sum(monetary) FILTER (WHERE segment = ${cantLose}), 0) AS cant_lose_spend,
  coalesce(sum(monetary) FILTER (WHERE segment IN (${atRisk}, ${cantLose})), 0) AS at_risk_value,
  round(100 * coalesce(sum(monetary) FILTER (WHERE segment IN (${atRisk}, ${cantLose})), 0) / sum(monetary), 2) AS at_risk_value_pct
FROM ${scores}`;
}

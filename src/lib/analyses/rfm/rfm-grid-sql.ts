import { RFM_SCORES } from './rfm-segment-summary-sql';

/**
 * The R × F grid (at most 25 rows) for the R/F/M scatter: buyers, mean M score and average spend
 * per cell, with the cell's segment. Plotting cells instead of buyers keeps the chart light at
 * hundreds of thousands of buyers. Reads the scores table.
 */
export function rfmGridSql(p: { scores?: string } = {}): string {
	const scores = p.scores ?? RFM_SCORES;
	return `SELECT r, f, count(*) AS users, round(avg(m), 2) AS avg_m, round(avg(monetary), 2) AS avg_spend, min(segment) AS segment
FROM ${scores}
GROUP BY r, f
ORDER BY r, f`;
}

import { RFM_BUYERS } from './rfm-buyers-sql';

/**
 * The R × F grid (at most 25 rows) for the R/F/M scatter: buyers, mean M score and average spend
 * per cell, with the cell's segment. Plotting cells instead of buyers keeps the chart light at
 * hundreds of thousands of buyers. Reads the segmented buyers (rfmBuyersSql()'s rows).
 */
export function rfmGridSql(p: { buyers?: string } = {}): string {
	const buyers = p.buyers ?? RFM_BUYERS;
	return `SELECT r, f, count(*) AS users, round(avg(m), 2) AS avg_m, round(avg(monetary), 2) AS avg_spend, min(segment) AS segment
FROM ${buyers}
GROUP BY r, f
ORDER BY r, f`;
}

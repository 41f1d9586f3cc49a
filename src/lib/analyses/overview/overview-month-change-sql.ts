import { quoteString } from '../../data/sql';

/** The KPIs compared month over month, in display order, with the expression computing each
 *  from a row of overview_months (rates from the counts, so changes are not of rounded values). */
export const MONTH_KPIS: readonly (readonly [label: string, expr: string])[] = [
	['revenue', 'revenue'],
	['revenue (dedup)', 'revenue_dedup'],
	['users', 'users'],
	['sessions', 'sessions'],
	['buyers', 'buyers'],
	['orders', 'orders'],
	['user conversion %', '100 * buyers / nullif(users, 0)'],
	['session conversion %', '100 * orders / nullif(sessions, 0)'],
	['AOV', 'revenue / nullif(orders, 0)'],
	['AOV (dedup)', 'revenue_dedup / nullif(orders, 0)']
];

/**
 * Each month against the month before it, one row per (month, KPI): both values and the
 * relative change in %. Reads the overview_months cell; the first month has no row.
 */
export function overviewMonthChangeSql(): string {
	const labels = MONTH_KPIS.map(([label]) => quoteString(label)).join(', ');
	const values = MONTH_KPIS.map(([, expr]) => `\t\t\t${/^\w+$/.test(expr) ? expr : `(${expr})`}::DOUBLE`).join(',\n');
	return `WITH kpis AS (
	SELECT month,
		unnest(range(1, ${MONTH_KPIS.length + 1})) AS kpi_no,
		unnest([${labels}]) AS kpi,
		unnest([
${values}
		]) AS value
	FROM overview_months
),
compared AS (
	SELECT kpi_no, kpi, lag(month) OVER w AS previous_month, month,
		lag(value) OVER w AS previous_value, value
	FROM kpis
	WINDOW w AS (PARTITION BY kpi_no ORDER BY month)
)
SELECT month, previous_month, kpi,
	round(previous_value, 2) AS previous_value, round(value, 2) AS value,
	round(100 * (value / nullif(previous_value, 0) - 1), 2) AS change_pct
FROM compared
WHERE previous_month IS NOT NULL
ORDER BY month, kpi_no`;
}

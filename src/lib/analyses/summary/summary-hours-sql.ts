/** The three local hours with the most purchases, their share of all purchases, and the offset used. */
export function summaryHoursSql(p: { byHour?: string; tzOffsetHours: string }): string {
	const byHour = p.byHour ?? 'temporal_by_hour';
	return `SELECT string_agg(lpad(CAST(hour AS VARCHAR), 2, '0') || ':00', ', ' ORDER BY purchases DESC, hour) AS peak_hours,
  round(sum(purchase_share_pct), 2) AS share_pct,
  'UTC' || CASE WHEN ${p.tzOffsetHours} < 0 THEN '−' ELSE '+' END || regexp_replace(CAST(abs(${p.tzOffsetHours}) AS VARCHAR), '\.0+$', '') AS time_zone
FROM (SELECT * FROM ${byHour} ORDER BY purchases DESC, hour LIMIT 3)`;
}

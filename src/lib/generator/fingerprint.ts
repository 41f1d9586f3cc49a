// Aggregate fingerprints of an events table that are equal iff the rows are equal (up to order),
// and that any DuckDB version computes the same way: counts, integer sums, and an md5 of the
// rows rendered as CSV text in a total order. (hash() differs across DuckDB versions.)

/** One row per month: month, rows, users, sessions, price_cents, checksum. */
export function fingerprintSql(table = 'events'): string {
	const line = `concat_ws(',', strftime(event_time, '%Y-%m-%d %H:%M:%S'), event_type, product_id, category_id,
		coalesce(category_code, ''), coalesce(brand, ''), price::DECIMAL(10, 2), user_id, coalesce(user_session, ''))`;
	return `SELECT strftime(event_time, '%Y-%m') AS month,
	count(*)::BIGINT AS rows,
	count(DISTINCT user_id)::BIGINT AS users,
	count(DISTINCT user_session)::BIGINT AS sessions,
	sum(round(price * 100))::BIGINT AS price_cents,
	md5(string_agg(${line}, chr(10) ORDER BY ${line})) AS checksum
FROM ${table} GROUP BY 1 ORDER BY 1`;
}

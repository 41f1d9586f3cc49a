/**
 * One row per column of events: type, NULLs (count and %), distinct values and how they were
 * counted, lowest and highest value as text. Reads events once (no fact table keeps their NULL
 * counts) for the columns no fact table covers, a streaming aggregate whose only state is a few
 * small distinct sets: category_id, category_code and brand have thousands of values at most
 * and are counted exactly on events. event_type and price come exactly from price_counts
 * (events per pair); users, sessions and products are counted as the rows of their fact tables
 * and event_time by its days (rows of daily), since their distinct sets run to millions.
 */
export function explorerColumnsSql(): string {
	return `WITH priced AS (
	SELECT sum(events) FILTER (WHERE event_type IS NOT NULL) AS event_type_n,
		min(event_type)::VARCHAR AS event_type_min, max(event_type)::VARCHAR AS event_type_max,
		count(DISTINCT event_type) AS event_type_d,
		sum(events) FILTER (WHERE price IS NOT NULL) AS price_n,
		min(price)::VARCHAR AS price_min, max(price)::VARCHAR AS price_max,
		count(DISTINCT price) AS price_d
	FROM price_counts
),
scanned AS (
	SELECT count(*) AS n,
		count(event_time) AS event_time_n, min(event_time)::VARCHAR AS event_time_min, max(event_time)::VARCHAR AS event_time_max,
		count(product_id) AS product_id_n, min(product_id)::VARCHAR AS product_id_min, max(product_id)::VARCHAR AS product_id_max,
		count(category_id) AS category_id_n, min(category_id)::VARCHAR AS category_id_min, max(category_id)::VARCHAR AS category_id_max,
		count(DISTINCT category_id) AS category_id_d,
		count(category_code) AS category_code_n, min(category_code) AS category_code_min, max(category_code) AS category_code_max,
		count(DISTINCT category_code) AS category_code_d,
		count(brand) AS brand_n, min(brand) AS brand_min, max(brand) AS brand_max,
		count(DISTINCT brand) AS brand_d,
		count(user_id) AS user_id_n, min(user_id)::VARCHAR AS user_id_min, max(user_id)::VARCHAR AS user_id_max,
		count(session_id) AS session_id_n, min(session_id)::VARCHAR AS session_id_min, max(session_id)::VARCHAR AS session_id_max
	FROM events
),
stats AS (
	SELECT * FROM scanned, priced
),
cols AS (
	SELECT n, unnest([
		{column_name: 'event_time', type: 'TIMESTAMP', nulls: n - event_time_n,
			distinct_values: (SELECT count(*) FROM daily), distinct_counted: 'UTC days (rows of daily)', min_value: event_time_min, max_value: event_time_max},
		{column_name: 'event_type', type: 'ENUM', nulls: n - event_type_n,
			distinct_values: event_type_d, distinct_counted: 'exact', min_value: event_type_min, max_value: event_type_max},
		{column_name: 'product_id', type: 'INTEGER', nulls: n - product_id_n,
			distinct_values: (SELECT count(*) FROM products), distinct_counted: 'rows of products', min_value: product_id_min, max_value: product_id_max},
		{column_name: 'category_id', type: 'BIGINT', nulls: n - category_id_n,
			distinct_values: category_id_d, distinct_counted: 'exact', min_value: category_id_min, max_value: category_id_max},
		{column_name: 'category_code', type: 'VARCHAR', nulls: n - category_code_n,
			distinct_values: category_code_d, distinct_counted: 'exact', min_value: category_code_min, max_value: category_code_max},
		{column_name: 'brand', type: 'VARCHAR', nulls: n - brand_n,
			distinct_values: brand_d, distinct_counted: 'exact', min_value: brand_min, max_value: brand_max},
		{column_name: 'price', type: 'DECIMAL(9,2)', nulls: n - price_n,
			distinct_values: price_d, distinct_counted: 'exact', min_value: price_min, max_value: price_max},
		{column_name: 'user_id', type: 'INTEGER', nulls: n - user_id_n,
			distinct_values: (SELECT count(*) FROM users), distinct_counted: 'rows of users', min_value: user_id_min, max_value: user_id_max},
		{column_name: 'session_id', type: 'INTEGER', nulls: n - session_id_n,
			distinct_values: (SELECT count(*) FROM sessions), distinct_counted: 'rows of sessions (one per user_session)', min_value: session_id_min, max_value: session_id_max}
	]) AS c
	FROM stats
)
SELECT c.column_name, c.type, c.nulls, round(100 * c.nulls / nullif(n, 0), 2) AS null_pct,
	c.distinct_values, c.distinct_counted, c.min_value, c.max_value
FROM cols`;
}

// The headline numbers, computed twice: from the notebook's own cell tables (DuckDB-WASM,
// optimised store, fact tables) and by plain SQL written separately here, run by native DuckDB
// over the raw generator files (user_session strings, no store, no fact tables). Both sides are
// cast to text, so a difference in type or rounding shows.
import { DuckDBInstance } from '@duckdb/node-api';
import { readEventsCsv } from '../../../src/lib/ingest/event-schema';

export interface NativeRaw {
	(sql: string): Promise<string[][]>;
	close(): void;
}

/** Native DuckDB with table `raw`: the files as read with the event schema, nothing else. */
export async function nativeRaw(files: readonly string[]): Promise<NativeRaw> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	await conn.run(`CREATE TABLE raw AS SELECT * FROM ${readEventsCsv(files)}`);
	const run = (async (sql: string) => {
		const result = await conn.runAndReadAll(`SELECT COLUMNS(*)::VARCHAR FROM (${sql})`);
		return result.getRows().map((row) => row.map((v) => String(v)));
	}) as NativeRaw;
	run.close = () => {
		conn.closeSync();
		instance.closeSync();
	};
	return run;
}

const PURCHASE = `event_type = 'purchase'`;

/** [what, the notebook's cell tables (WASM), independent SQL over `raw` (native)]. */
export const HEADLINES: readonly (readonly [string, string, string])[] = [
	[
		'revenue raw and de-duplicated, users, sessions, buyers, orders',
		`SELECT revenue, revenue_dedup, users, sessions, buyers, orders FROM nb.overview_kpis`,
		`SELECT (SELECT sum(price::DECIMAL(9,2)) FROM raw WHERE ${PURCHASE}) AS revenue,
			(SELECT sum(price::DECIMAL(9,2)) FROM (SELECT DISTINCT * FROM raw WHERE ${PURCHASE})) AS revenue_dedup,
			count(DISTINCT user_id) AS users, count(DISTINCT user_session) AS sessions,
			count(DISTINCT user_id) FILTER (WHERE ${PURCHASE}) AS buyers,
			count(DISTINCT user_session) FILTER (WHERE ${PURCHASE}) AS orders
		FROM raw`
	],
	[
		'funnel: users and sessions reaching view, cart, purchase',
		`SELECT unit, step, reached FROM nb.funnel_steps ORDER BY unit, step_no`,
		`SELECT unit, step, n FROM (
			SELECT 'sessions' AS unit, 1 AS k, 'view' AS step, count(DISTINCT user_session) FILTER (WHERE event_type = 'view') AS n FROM raw
			UNION ALL SELECT 'sessions', 2, 'cart', count(DISTINCT user_session) FILTER (WHERE event_type = 'cart') FROM raw
			UNION ALL SELECT 'sessions', 3, 'purchase', count(DISTINCT user_session) FILTER (WHERE ${PURCHASE}) FROM raw
			UNION ALL SELECT 'users', 1, 'view', count(DISTINCT user_id) FILTER (WHERE event_type = 'view') FROM raw
			UNION ALL SELECT 'users', 2, 'cart', count(DISTINCT user_id) FILTER (WHERE event_type = 'cart') FROM raw
			UNION ALL SELECT 'users', 3, 'purchase', count(DISTINCT user_id) FILTER (WHERE ${PURCHASE}) FROM raw
		) ORDER BY unit, k`
	],
	[
		'RFM segment sizes',
		`SELECT segment, users FROM nb.rfm_segments WHERE users > 0 ORDER BY segment`,
		`WITH reference AS (SELECT max(event_time) + INTERVAL 1 DAY AS t FROM raw),
		buyers AS (
			SELECT user_id, max(event_time) AS last_purchase, count(DISTINCT user_session) AS frequency, sum(price::DECIMAL(9,2)) AS monetary
			FROM raw WHERE ${PURCHASE} AND user_id IS NOT NULL GROUP BY user_id
		),
		scored AS (
			SELECT user_id, date_diff('day', last_purchase, (SELECT t FROM reference)) AS recency_days, frequency, monetary FROM buyers
		),
		ranked AS (
			SELECT NTILE(5) OVER (ORDER BY recency_days DESC, user_id) AS r, NTILE(5) OVER (ORDER BY frequency, monetary, user_id) AS f FROM scored
		)
		SELECT segment, count(*) AS users FROM (
			SELECT CASE
				WHEN r <= 2 AND f <= 2 THEN 'Hibernating'
				WHEN r <= 2 AND f <= 4 THEN 'At risk'
				WHEN r <= 2 THEN 'Can''t lose them'
				WHEN r = 3 AND f <= 2 THEN 'About to sleep'
				WHEN r = 3 AND f = 3 THEN 'Need attention'
				WHEN r <= 4 AND f >= 4 THEN 'Loyal customers'
				WHEN r = 4 AND f = 1 THEN 'Promising'
				WHEN r = 5 AND f = 1 THEN 'New customers'
				WHEN f <= 3 THEN 'Potential loyalists'
				ELSE 'Champions' END AS segment
			FROM ranked
		) GROUP BY segment ORDER BY segment`
	],
	[
		'cohort week-1 retention (users with any event in their second week)',
		`SELECT cohort_week, cohort_users, active_users FROM nb.cohort_retention WHERE week_number = 1 ORDER BY cohort_week`,
		`WITH firsts AS (SELECT user_id, CAST(date_trunc('week', min(event_time)) AS DATE) AS cohort FROM raw WHERE user_id IS NOT NULL GROUP BY user_id),
		last_week AS (SELECT CAST(date_trunc('week', max(event_time)) AS DATE) AS w FROM raw),
		second_week AS (
			SELECT DISTINCT f.user_id FROM raw e JOIN firsts f USING (user_id)
			WHERE e.event_time >= f.cohort + INTERVAL 7 DAY AND e.event_time < f.cohort + INTERVAL 14 DAY
		)
		SELECT f.cohort, count(*) AS cohort_users, count(s.user_id) AS active_users
		FROM firsts f LEFT JOIN second_week s USING (user_id)
		WHERE f.cohort + INTERVAL 7 DAY <= (SELECT w FROM last_week)
		GROUP BY f.cohort ORDER BY f.cohort`
	],
	[
		'top category pair by lift (purchase sessions)',
		`SELECT item_a, item_b, baskets_ab, round(lift, 9) FROM nb.basket_top_pairs ORDER BY lift DESC, baskets_ab DESC, item_a, item_b LIMIT 1`,
		`WITH baskets AS (SELECT DISTINCT user_session AS basket, category_code AS item FROM raw WHERE ${PURCHASE} AND user_session IS NOT NULL AND category_code IS NOT NULL),
		singles AS (SELECT item, count(*) AS n FROM baskets GROUP BY item),
		total AS (SELECT count(DISTINCT basket) AS n FROM baskets),
		pairs AS (SELECT a.item AS item_a, b.item AS item_b, count(*) AS ab FROM baskets a JOIN baskets b ON a.basket = b.basket AND a.item < b.item GROUP BY ALL HAVING count(*) >= 2)
		SELECT item_a, item_b, ab, round((ab::DOUBLE * (SELECT n FROM total)) / (sa.n::DOUBLE * sb.n), 9) AS lift
		FROM pairs JOIN singles sa ON sa.item = item_a JOIN singles sb ON sb.item = item_b
		ORDER BY lift DESC, ab DESC, item_a, item_b LIMIT 1`
	]
];

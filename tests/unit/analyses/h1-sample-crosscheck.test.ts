// Sections 2-4 on the committed sample, against independent plain SQL over the raw CSV rows
// (user_session strings, no store, no fact tables).
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { explorerColumnsSql, explorerDuplicatesSql, explorerPriceBinsSql } from '../../../src/lib/analyses/explorer';
import { funnelByBrandSql, funnelByCategorySql, funnelLeaksSql, funnelStepsSql } from '../../../src/lib/analyses/funnel';
import { overviewKpisSql, overviewMonthsSql } from '../../../src/lib/analyses/overview';
import { readEventsCsv } from '../../../src/lib/ingest/event-schema';
import { appendEventsSql, buildStorePlan, eventMonthsSql } from '../../../src/lib/store';
import { WasmTestClient } from '../support/wasm-client';
import { objects, runSteps } from '../store/store-kit';

const FILES = ['2019-Oct.csv.gz', '2019-Nov.csv.gz'].map((f) => path.resolve('sample-data', f));

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
	await db.exec(`CREATE TABLE raw AS SELECT * REPLACE (price::DECIMAL(9,2) AS price) FROM ${readEventsCsv(FILES)}`);
	for (const file of FILES) await runSteps(db, appendEventsSql(readEventsCsv(file)));
	const months = (await db.query(eventMonthsSql())).rows.map((r) => String(r[0]));
	await runSteps(db, buildStorePlan({ rows: 325_431, months }));
}, 180_000);
afterAll(() => db.close());

const same = async (ours: string, independent: string) => expect(await objects(db, ours)).toEqual(await objects(db, independent));

it('overview: revenue raw and de-duplicated, users, sessions, buyers, orders, rates, AOV', async () => {
	await same(
		`SELECT * EXCLUDE (first_day, last_day) FROM (${overviewKpisSql()})`,
		`WITH k AS (
			SELECT sum(price) FILTER (WHERE event_type = 'purchase') AS revenue,
				(SELECT sum(price) FILTER (WHERE event_type = 'purchase') FROM (SELECT DISTINCT * FROM raw)) AS revenue_dedup,
				count(DISTINCT user_id) AS users, count(DISTINCT user_session) AS sessions,
				count(DISTINCT user_id) FILTER (WHERE event_type = 'purchase') AS buyers,
				count(DISTINCT user_session) FILTER (WHERE event_type = 'purchase') AS orders
			FROM raw
		)
		SELECT revenue, revenue_dedup, users, sessions, buyers, orders,
			round(100 * buyers / users, 2) AS user_conversion_pct, round(100 * orders / sessions, 2) AS session_conversion_pct,
			round(revenue / orders, 2) AS aov, round(revenue_dedup / orders, 2) AS aov_dedup
		FROM k`
	);
});

it('overview months: events, sessions by first event, purchases by purchase time, per calendar month', async () => {
	await same(
		overviewMonthsSql(),
		`WITH m AS (SELECT *, strftime(event_time, '%Y-%m') AS month FROM raw),
		starts AS (SELECT strftime(min(event_time), '%Y-%m') AS month FROM raw WHERE user_session IS NOT NULL GROUP BY user_session),
		k AS (
			SELECT month,
				sum(price) FILTER (WHERE event_type = 'purchase') AS revenue,
				(SELECT sum(price) FILTER (WHERE event_type = 'purchase') FROM (SELECT DISTINCT * FROM m) AS d WHERE d.month = m.month) AS revenue_dedup,
				count(DISTINCT user_id) AS users,
				(SELECT count(*) FROM starts WHERE starts.month = m.month) AS sessions,
				count(DISTINCT user_id) FILTER (WHERE event_type = 'purchase') AS buyers,
				count(DISTINCT user_session) FILTER (WHERE event_type = 'purchase') AS orders
			FROM m GROUP BY month
		)
		SELECT month, revenue, revenue_dedup, users, sessions, buyers, orders,
			round(100 * buyers / users, 2) AS user_conversion_pct, round(100 * orders / sessions, 2) AS session_conversion_pct,
			round(revenue / orders, 2) AS aov, round(revenue_dedup / orders, 2) AS aov_dedup
		FROM k ORDER BY month`
	);
});

it('funnel: users and sessions at each step, the strict count, and purchases without a cart', async () => {
	const independent = (unit: string, key: string) => `
		SELECT ${key} AS k, bool_or(event_type = 'view') AS v, bool_or(event_type = 'cart') AS c, bool_or(event_type = 'purchase') AS p
		FROM raw WHERE ${key} IS NOT NULL GROUP BY ${key}`;
	const steps = (unit: string, key: string) => `
		SELECT '${unit}' AS unit, unnest([1, 2, 3]) AS step_no, unnest([count_if(v), count_if(c), count_if(p)]) AS reached,
			unnest([count_if(v), count_if(v AND c), count_if(v AND c AND p)]) AS all_steps
		FROM (${independent(unit, key)})`;
	await same(
		`SELECT unit, step_no, reached, all_steps FROM (${funnelStepsSql()})`,
		`SELECT * FROM (${steps('users', 'user_id')} UNION ALL ${steps('sessions', 'user_session')}) ORDER BY unit DESC, step_no`
	);
	await same(
		`SELECT purchase_sessions, purchase_sessions_without_cart, buyers, buyers_without_cart FROM (${funnelLeaksSql()})`,
		`SELECT (SELECT count_if(p) FROM (${independent('sessions', 'user_session')})) AS purchase_sessions,
			(SELECT count_if(p AND NOT c) FROM (${independent('sessions', 'user_session')})) AS purchase_sessions_without_cart,
			(SELECT count_if(p) FROM (${independent('users', 'user_id')})) AS buyers,
			(SELECT count_if(p AND NOT c) FROM (${independent('users', 'user_id')})) AS buyers_without_cart`
	);
});

it('funnel by category code and brand: the top 10 by views, labels as on the rows', async () => {
	// The sample labels every row of a product alike, so grouping rows by their own label
	// equals grouping products by their latest one.
	for (const [sql, label] of [[funnelByCategorySql({ topN: '10' }), 'category_code'], [funnelByBrandSql({ topN: '10' }), 'brand']]) {
		await same(
			`SELECT ${label}, views, carts, purchases, revenue FROM (${sql})`,
			`SELECT ${label}, count_if(event_type = 'view') AS views, count_if(event_type = 'cart') AS carts,
				count_if(event_type = 'purchase') AS purchases, coalesce(sum(price) FILTER (WHERE event_type = 'purchase'), 0) AS revenue
			FROM raw WHERE ${label} IS NOT NULL GROUP BY ${label}
			ORDER BY views DESC, ${label} LIMIT 10`
		);
	}
});

it('explorer: NULLs and distinct values per column, duplicate rows, price histogram', async () => {
	const cols = ['event_time', 'event_type', 'product_id', 'category_id', 'category_code', 'brand', 'price', 'user_id', 'user_session'];
	await same(
		`SELECT column_name, nulls, CASE WHEN column_name = 'event_time' THEN NULL ELSE distinct_values END AS distinct_values FROM (${explorerColumnsSql()})`,
		cols
			.map(
				(c) =>
					`SELECT '${c === 'user_session' ? 'session_id' : c}' AS column_name, count(*) - count(${c}) AS nulls, ${c === 'event_time' ? 'NULL::BIGINT' : `count(DISTINCT ${c})`} AS distinct_values FROM raw`
			)
			.join(' UNION ALL ')
	);
	await same(
		`SELECT rows, duplicate_rows, purchases, purchases_dedup FROM (${explorerDuplicatesSql()})`,
		`SELECT count(*) AS rows, count(*) - (SELECT count(*) FROM (SELECT DISTINCT * FROM raw)) AS duplicate_rows,
			count_if(event_type = 'purchase') AS purchases,
			(SELECT count_if(event_type = 'purchase') FROM (SELECT DISTINCT * FROM raw)) AS purchases_dedup
		FROM raw`
	);
	// Bins from the digits of the price in cents: the leading digit picks 1, 2 or 5, the
	// number of digits the decade.
	await same(
		`SELECT price_from, events FROM (${explorerPriceBinsSql()})`,
		`WITH c AS (SELECT (price * 100)::BIGINT::VARCHAR AS cents FROM raw WHERE price > 0),
		b AS (
			SELECT (CASE WHEN cents[1] = '1' THEN 1 WHEN cents[1] IN ('2', '3', '4') THEN 2 ELSE 5 END * 10 ** (length(cents) - 1) / 100)::DECIMAL(12,2) AS price_from
			FROM c
		)
		SELECT price_from, count(*) AS events FROM b GROUP BY ALL ORDER BY price_from`
	);
});

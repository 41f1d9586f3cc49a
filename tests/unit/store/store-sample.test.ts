// The whole store over the committed sample, checked against plain SQL on the raw CSV, and
// built twice: in one pass, and sliced into three passes everywhere.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEventsCsv } from '../../../src/lib/ingest/event-schema';
import { appendEventsSql, buildStorePlan, eventMonthsSql, STORE_TABLES } from '../../../src/lib/store';
import { WasmTestClient } from '../support/wasm-client';
import { objects, runSteps, scalar } from './store-kit';

const [OCT, NOV] = ['2019-Oct.csv.gz', '2019-Nov.csv.gz'].map((f) => path.resolve('sample-data', f));

let db: WasmTestClient;
let rows: number;
beforeAll(async () => {
	db = await WasmTestClient.open();
	await db.exec(`CREATE TABLE raw_oct AS SELECT * FROM ${readEventsCsv(OCT)}; CREATE TABLE raw_nov AS SELECT * FROM ${readEventsCsv(NOV)};
		CREATE VIEW raw AS SELECT * FROM raw_oct UNION ALL SELECT * FROM raw_nov`);
	rows = Number(await scalar(db, `SELECT count(*) FROM raw`));
	// "one": files read by the stage step, one pass everywhere.
	await runSteps(db, appendEventsSql(readEventsCsv(OCT), { schema: 'one' }));
	await runSteps(db, appendEventsSql(readEventsCsv(NOV), { schema: 'one' }));
	const months = (await db.query(eventMonthsSql('one'))).rows.map((r) => String(r[0]));
	await runSteps(db, buildStorePlan({ schema: 'one', rows, months, partitions: 1 }));
	// "three": pre-staged tables, three slices or partitions everywhere.
	await runSteps(db, appendEventsSql('raw_oct', { schema: 'three', staged: true, passes: 3 }));
	await runSteps(db, appendEventsSql('raw_nov', { schema: 'three', staged: true, passes: 3 }));
	await runSteps(db, buildStorePlan({ schema: 'three', rows, months, partitions: 3 }));
}, 120_000);
afterAll(() => db.close());

describe('the store built from the committed sample', () => {
	it('holds every row of each month and finds both months', async () => {
		expect(await objects(db, `SELECT strftime(event_time, '%Y-%m') AS month, count(*) AS n FROM one.events GROUP BY ALL ORDER BY ALL`)).toEqual(
			await objects(db, `SELECT strftime(event_time, '%Y-%m') AS month, count(*) AS n FROM raw GROUP BY ALL ORDER BY ALL`)
		);
		expect(await objects(db, eventMonthsSql('one'))).toEqual([{ month: '2019-10' }, { month: '2019-11' }]);
	});

	it('agrees with plain SQL on the CSV: revenue, buyers, users, sessions, orders, duplicates', async () => {
		const expected = await objects(
			db,
			`WITH distinct_rows AS MATERIALIZED (SELECT DISTINCT * FROM raw)
			SELECT
				(SELECT sum(price) FILTER (WHERE event_type = 'purchase') FROM raw)::DECIMAL(18,2) AS revenue,
				(SELECT sum(price) FILTER (WHERE event_type = 'purchase') FROM distinct_rows)::DECIMAL(18,2) AS revenue_dedup,
				(SELECT count(DISTINCT user_id) FILTER (WHERE event_type = 'purchase') FROM raw) AS buyers,
				(SELECT count(DISTINCT user_id) FROM raw) AS users,
				(SELECT count(DISTINCT user_session) FROM raw) AS sessions,
				(SELECT count(DISTINCT user_session) FILTER (WHERE event_type = 'purchase') FROM raw) AS orders,
				(SELECT count(*) FROM raw) - (SELECT count(*) FROM distinct_rows) AS duplicates,
				(SELECT count(DISTINCT product_id) FROM raw) AS products`
		);
		const store = await objects(
			db,
			`SELECT
				(SELECT sum(revenue) FROM one.daily) AS revenue,
				(SELECT sum(revenue_dedup) FROM one.daily) AS revenue_dedup,
				(SELECT count(*) FILTER (WHERE purchases > 0) FROM one.users) AS buyers,
				(SELECT count(*) FROM one.users) AS users,
				(SELECT count(*) FROM one.sessions) AS sessions,
				(SELECT count(*) FILTER (WHERE has_purchase) FROM one.sessions) AS orders,
				(SELECT sum(duplicate_rows) FROM one.daily) AS duplicates,
				(SELECT count(*) FROM one.products) AS products`
		);
		expect(store).toEqual(expected);
		expect(expected[0].buyers).toBeGreaterThan(1000);
		for (const table of ['sessions', 'users', 'products']) {
			expect(await scalar(db, `SELECT sum(revenue) FROM one.${table}`), table).toBe(expected[0].revenue);
		}
		expect(await scalar(db, `SELECT sum(orders) FROM one.users`)).toBe(expected[0].orders);
	});

	it('agrees with plain SQL on daily active users and on basket items', async () => {
		expect(await objects(db, `SELECT day, users FROM one.daily ORDER BY day`)).toEqual(
			await objects(db, `SELECT event_time::DATE AS day, count(DISTINCT user_id) AS users FROM raw GROUP BY ALL ORDER BY day`)
		);
		expect(await scalar(db, `SELECT count(*) FROM one.basket_items`)).toBe(
			await scalar(db, `SELECT count(*) FROM (SELECT DISTINCT user_session, user_id, product_id FROM raw WHERE event_type = 'purchase')`)
		);
	});

	it('is identical when every step is sliced into three passes', async () => {
		for (const table of STORE_TABLES.filter((t) => t !== 'store_build')) {
			const [a, b] = [`one.${table}`, `three.${table}`];
			expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b})`), table).toBe(0);
			expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a})`), table).toBe(0);
		}
	});
});

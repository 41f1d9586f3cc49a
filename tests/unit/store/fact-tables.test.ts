import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	appendEventsSql,
	BASKET_ITEM_COLUMNS,
	BASKET_STAT_COLUMNS,
	buildStorePlan,
	DAILY_COLUMNS,
	dayCountsSql,
	dayWindows,
	HOURLY_COLUMNS,
	ITEM_PAIR_COLUMNS,
	ITEM_TRIPLE_COLUMNS,
	PRICE_COUNT_COLUMNS,
	PRODUCT_COLUMNS,
	PURCHASE_PAIR_COLUMNS,
	SESSION_COLUMNS,
	USER_COLUMNS,
	USER_DAY_COLUMNS
} from '../../../src/lib/store';
import { upgradeStore } from '../../../src/lib/ingest/upgrade-store';
import { WasmTestClient } from '../support/wasm-client';
import { A, B, C, LIGHTS, NO_CODE, NOVEMBER, OCTOBER, P1, P2, P3, P4, PHONES, layout, objects, rawEvents, resetDatabase, runSteps, scalar } from './store-kit';

const MONTHS = ['2019-10', '2019-11'];
const FACTS = ['sessions', 'users', 'user_weeks', 'user_days', 'user_features', 'daily', 'hourly', 'products', 'price_counts', 'column_stats', 'basket_items', 'purchase_pairs', 'basket_stats', 'item_pairs', 'item_triples'];
const PHONE = 'electronics.smartphone';

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
});
afterAll(() => db.close());

async function build(options: { partitions?: number; minPairBaskets?: number; months?: string[] } = {}) {
	await runSteps(db, appendEventsSql(rawEvents(OCTOBER)));
	await runSteps(db, appendEventsSql(rawEvents(NOVEMBER)));
	await runSteps(db, buildStorePlan({ rows: 14, months: options.months ?? MONTHS, minPairBaskets: 1, ...options }));
}

const row = (names: readonly { name: string }[], values: unknown[]) => Object.fromEntries(names.map((c, i) => [c.name, values[i]]));

describe('fact tables on the hand-built log (3 users, 4 sessions, 2 months)', () => {
	beforeAll(async () => {
		await resetDatabase(db);
		await build();
	});

	it('sessions: one row per session, purchase without cart and a session over midnight included', async () => {
		expect(await objects(db, `SELECT * FROM sessions ORDER BY session_id`)).toEqual(
			[
				[1, A, 1, '2019-10-05 10:00:00', '2019-10-05 10:05:00', 4, 1, 2, 0, 1, 489.07, 1, 1, true, true, PHONE],
				[2, B, 1, '2019-10-31 23:58:00', '2019-11-01 00:02:00', 4, 1, 0, 0, 3, 433.42, 2, 2, false, true, PHONE],
				[3, A, 1, '2019-11-03 09:00:00', '2019-11-03 09:10:00', 2, 1, 0, 0, 1, 130.76, 1, 1, false, true, PHONE],
				[4, C, 1, '2019-11-10 20:00:00', '2019-11-10 20:06:00', 4, 2, 1, 1, 0, 0, 2, 2, true, false, PHONE]
			].map((v) => row(SESSION_COLUMNS, v))
		);
	});

	it('users: totals, orders as purchase sessions, active days and a flag per month', async () => {
		const columns = [...USER_COLUMNS, { name: 'active_2019_10' }, { name: 'active_2019_11' }];
		expect(await objects(db, `SELECT * FROM users ORDER BY user_id`)).toEqual(
			[
				[A, '2019-10-05 10:00:00', '2019-11-03 09:10:00', 2, 6, 2, 2, 0, 2, 2, 619.83, '2019-10-05 10:05:00', '2019-11-03 09:10:00', 2, true, true],
				[B, '2019-10-31 23:58:00', '2019-11-01 00:02:00', 1, 4, 1, 0, 0, 3, 1, 433.42, '2019-11-01 00:01:00', '2019-11-01 00:02:00', 2, true, true],
				[C, '2019-11-10 20:00:00', '2019-11-10 20:06:00', 1, 4, 2, 1, 1, 0, 0, 0, null, null, 1, false, true]
			].map((v) => row(columns, v))
		);
	});

	it('user_days: one row per user and UTC day, a session over midnight split, distinct categories and brands kept', async () => {
		const sql = `SELECT * EXCLUDE (categories, brand_hashes), len(categories) AS n_categories, len(brand_hashes) AS n_brands
			FROM user_days ORDER BY user_id, day`;
		const columns = [...USER_DAY_COLUMNS.filter((c) => !['categories', 'brand_hashes'].includes(c.name)), { name: 'n_categories' }, { name: 'n_brands' }];
		expect(await objects(db, sql)).toEqual(
			[
				[A, '2019-10-05', '2019-10-05 10:00:00', '2019-10-05 10:05:00', 4, 1, 2, 0, 1, 489.07, '2019-10-05 10:05:00', 489.07, 4, 1, 1],
				[A, '2019-11-03', '2019-11-03 09:00:00', '2019-11-03 09:10:00', 2, 1, 0, 0, 1, 130.76, '2019-11-03 09:10:00', 130.76, 2, 1, 0],
				[B, '2019-10-31', '2019-10-31 23:58:00', '2019-10-31 23:58:00', 1, 1, 0, 0, 0, 0, null, 171.9, 0, 1, 1],
				[B, '2019-11-01', '2019-11-01 00:01:00', '2019-11-01 00:02:00', 3, 0, 0, 0, 3, 433.42, '2019-11-01 00:02:00', 0, 2, 2, 1],
				[C, '2019-11-10', '2019-11-10 20:00:00', '2019-11-10 20:06:00', 4, 2, 1, 1, 0, 0, null, 532.52, 1, 2, 2]
			].map((v) => row(columns, v))
		);
	});

	it('daily: DAU, buyers, revenue raw and without exact duplicate rows', async () => {
		expect(await objects(db, `SELECT * FROM daily ORDER BY day`)).toEqual(
			[
				['2019-10-05', 4, 1, 2, 0, 1, 1, 1, 1, 489.07, 1, 1, 489.07],
				['2019-10-31', 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0],
				['2019-11-01', 3, 0, 0, 0, 3, 1, 1, 1, 433.42, 1, 2, 302.66],
				['2019-11-03', 2, 1, 0, 0, 1, 1, 1, 1, 130.76, 0, 1, 130.76],
				['2019-11-10', 4, 2, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0]
			].map((v) => row(DAILY_COLUMNS, v))
		);
	});

	it('hourly: one row per UTC hour with events', async () => {
		expect(await objects(db, `SELECT * FROM hourly ORDER BY hour`)).toEqual(
			[
				['2019-10-05 10:00:00', 4, 1, 2, 0, 1, 489.07, 1, 1, 1],
				['2019-10-31 23:00:00', 1, 1, 0, 0, 0, 0, 1, 1, 0],
				['2019-11-01 00:00:00', 3, 0, 0, 0, 3, 433.42, 1, 1, 1],
				['2019-11-03 09:00:00', 2, 1, 0, 0, 1, 130.76, 1, 1, 1],
				['2019-11-10 20:00:00', 4, 2, 1, 1, 0, 0, 1, 1, 0]
			].map((v) => row(HOURLY_COLUMNS, v))
		);
	});

	it('products: latest labels, a NULL brand kept NULL, prices over all events', async () => {
		expect(await objects(db, `SELECT * REPLACE (round(avg_price, 6) AS avg_price) FROM products ORDER BY product_id`)).toEqual(
			[
				[P1, PHONES, PHONE, 'xiaomi', 5, 2, 2, 0, 1, 489.07, 1, 487.254, 489.07, 479.99, 489.07],
				[P3, PHONES, PHONE, null, 4, 1, 0, 0, 3, 392.28, 2, 130.76, 130.76, 130.76, 130.76],
				[P2, NO_CODE, null, 'apple', 2, 1, 0, 0, 1, 171.9, 1, 171.9, 171.9, 171.9, 171.9],
				[P4, LIGHTS, 'construction.tools.light', 'lucente', 3, 1, 1, 1, 0, 0, 0, 52.53, 52.53, 52.53, 52.53]
			].map((v) => row(PRODUCT_COLUMNS, v))
		);
	});

	it('basket_items: one row per session, user and product bought', async () => {
		expect(await objects(db, `SELECT * FROM basket_items ORDER BY ALL`)).toEqual(
			[
				[1, A, P1, PHONES, PHONE, 'xiaomi', '2019-10-05 10:05:00', 1, 489.07],
				[2, B, P3, PHONES, PHONE, null, '2019-11-01 00:02:00', 2, 261.52],
				[2, B, P2, NO_CODE, null, 'apple', '2019-11-01 00:01:00', 1, 171.9],
				[3, A, P3, PHONES, PHONE, null, '2019-11-03 09:10:00', 1, 130.76]
			].map((v) => row(BASKET_ITEM_COLUMNS, v))
		);
	});

	it('purchase_pairs: pairs per session and per user basket, with the counts lift needs', async () => {
		expect(await objects(db, `SELECT * FROM purchase_pairs ORDER BY ALL`)).toEqual(
			[
				['session', P3, P2, 1, 2, 1, 3],
				['user', P1, P3, 1, 1, 2, 2],
				['user', P3, P2, 1, 2, 1, 2]
			].map((v) => row(PURCHASE_PAIR_COLUMNS, v))
		);
	});

	it('basket_stats: baskets and items per (basket level, item level), label baskets capped', async () => {
		// basket_items: session 1 (A) P1 xiaomi phone; session 2 (B) P3 unbranded phone + P2 apple
		// without a code; session 3 (A) P3. User baskets: A {P1, P3}, B {P3, P2}.
		expect(await objects(db, `SELECT * FROM basket_stats ORDER BY level, item_level`)).toEqual(
			[
				['session', 'brand', 100, 2, 0, 1, 0, 2],
				['session', 'category_code', 100, 3, 0, 1, 0, 1],
				['session', 'product', null, 3, 1, 4 / 3, 0, 3],
				['user', 'brand', 100, 2, 0, 1, 0, 2],
				['user', 'category_code', 100, 2, 0, 1, 0, 1],
				['user', 'product', null, 2, 2, 2, 0, 3]
			].map((v) => row(BASKET_STAT_COLUMNS, v))
		);
	});

	it('item_pairs: no label pair here, as every label basket holds one item', async () => {
		expect(await scalar(db, `SELECT count(*) FROM item_pairs`)).toBe(0);
	});

	it('item_triples: no label triple here either (item-triples.test.ts counts them)', async () => {
		expect(await scalar(db, `SELECT count(*) FROM item_triples`)).toBe(0);
	});

	it('store_build marks the finished build', async () => {
		expect(await objects(db, `SELECT * EXCLUDE (built_at) FROM store_build`)).toEqual([
			{ events: 14, partitions: 1, months: MONTHS, min_pair_baskets: 1 }
		]);
	});

	it('are typed as declared: INTEGER ids and counts, BIGINT category ids, DECIMAL money', async () => {
		const specs = {
			sessions: SESSION_COLUMNS, daily: DAILY_COLUMNS, hourly: HOURLY_COLUMNS, products: PRODUCT_COLUMNS, basket_items: BASKET_ITEM_COLUMNS,
			price_counts: PRICE_COUNT_COLUMNS.map((c) => (c.name === 'event_type' ? { ...c, type: `ENUM('view', 'cart', 'remove_from_cart', 'purchase')` } : c)),
			purchase_pairs: PURCHASE_PAIR_COLUMNS, basket_stats: BASKET_STAT_COLUMNS, item_pairs: ITEM_PAIR_COLUMNS,
			item_triples: ITEM_TRIPLE_COLUMNS
		};
		for (const [table, columns] of Object.entries(specs)) {
			expect(await layout(db, table)).toEqual(columns.map((c) => `${c.name} ${c.type}`));
		}
		expect(await layout(db, 'users')).toEqual([...USER_COLUMNS.map((c) => `${c.name} ${c.type}`), 'active_2019_10 BOOLEAN', 'active_2019_11 BOOLEAN']);
		expect((await layout(db, 'products')).slice(0, 2)).toEqual(['product_id INTEGER', 'category_id BIGINT']);
		expect((await layout(db, 'users')).find((c) => c.startsWith('revenue'))).toBe('revenue DECIMAL(18,2)');
	});
});

describe('bounded builds', () => {
	beforeEach(() => resetDatabase(db));

	it('give the same tables in three passes as in one', async () => {
		await build({ partitions: 1 });
		for (const t of FACTS) await db.exec(`CREATE TABLE one_${t} AS SELECT * FROM ${t}`);
		await runSteps(db, buildStorePlan({ rows: 14, months: MONTHS, partitions: 3, minPairBaskets: 1 }));
		for (const t of FACTS) {
			expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM one_${t} EXCEPT ALL SELECT * FROM ${t})`), t).toBe(0);
			expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM ${t} EXCEPT ALL SELECT * FROM one_${t})`), t).toBe(0);
		}
		expect(await scalar(db, `SELECT partitions FROM store_build`)).toBe(3);
	});

	it('give the same tables over day windows packed by rows (two days at most here) as in one pass', async () => {
		await build({ partitions: 1 });
		for (const t of FACTS) await db.exec(`CREATE TABLE one_${t} AS SELECT * FROM ${t}`);
		const days = (await db.query(dayCountsSql())).rows.map(([d, n]) => [String(d), Number(n)] as const);
		const windows = dayWindows(days, 2);
		expect(windows.length).toBeGreaterThan(2);
		await runSteps(db, buildStorePlan({ rows: 14, months: MONTHS, minPairBaskets: 1, days, rowsPerWindow: 2 }));
		for (const t of FACTS) {
			expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM one_${t} EXCEPT ALL SELECT * FROM ${t})`), t).toBe(0);
			expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM ${t} EXCEPT ALL SELECT * FROM one_${t})`), t).toBe(0);
		}
	});

	it('keep rows outside the listed months', async () => {
		await build({ partitions: 3, months: ['2019-11'] });
		expect(await scalar(db, `SELECT sum(events) FROM daily`)).toBe(14);
		expect(await scalar(db, `SELECT sum(events) FROM hourly`)).toBe(14);
		expect(await layout(db, 'users').then((l) => l.filter((c) => c.startsWith('active_2019')))).toEqual(['active_2019_11 BOOLEAN']);
	});

	it('keep only pairs bought together in at least minPairBaskets baskets', async () => {
		await runSteps(db, appendEventsSql(rawEvents([...OCTOBER, ...NOVEMBER])));
		await runSteps(db, buildStorePlan({ rows: 14, months: MONTHS }));
		expect(await scalar(db, `SELECT count(*) FROM purchase_pairs`)).toBe(0);
		expect(await scalar(db, `SELECT min_pair_baskets FROM store_build`)).toBe(2);
	});

	it('a finished store that lacks tables added since gets them (from basket_items or events); an unfinished one is left alone', async () => {
		await build({ partitions: 1 });
		for (const t of ['basket_stats', 'item_pairs', 'item_triples']) await db.exec(`CREATE TABLE one_${t} AS SELECT * FROM ${t}`);
		await db.exec(`DROP TABLE basket_stats; DROP TABLE item_pairs; DROP TABLE item_triples`);
		expect(await upgradeStore(db)).toEqual(
			[...Array(6).fill('basket_stats'), ...Array(4).fill('item_pairs'), ...Array(4).fill('item_triples')].map((t) => expect.stringContaining(t))
		);
		for (const t of ['basket_stats', 'item_pairs', 'item_triples']) {
			expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM one_${t} EXCEPT ALL SELECT * FROM ${t})`), t).toBe(0);
			expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM ${t} EXCEPT ALL SELECT * FROM one_${t})`), t).toBe(0);
		}
		expect(await upgradeStore(db)).toEqual([]);
		// price_counts reads events.
		await db.exec(`CREATE TABLE one_price_counts AS SELECT * FROM price_counts; DROP TABLE price_counts`);
		expect(await upgradeStore(db)).toEqual(['price_counts']);
		expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM one_price_counts EXCEPT ALL SELECT * FROM price_counts)`)).toBe(0);
		expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM price_counts EXCEPT ALL SELECT * FROM one_price_counts)`)).toBe(0);
		// user_days reads events, in the passes the store was built with.
		await db.exec(`CREATE TABLE one_user_days AS SELECT * FROM user_days; DROP TABLE user_days; UPDATE store_build SET partitions = 3`);
		expect(await upgradeStore(db)).toEqual(['user_days 1/3', 'user_days 2/3', 'user_days 3/3']);
		expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM one_user_days EXCEPT ALL SELECT * FROM user_days)`)).toBe(0);
		expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM user_days EXCEPT ALL SELECT * FROM one_user_days)`)).toBe(0);
		await db.exec(`DROP TABLE item_pairs; DROP TABLE store_build`);
		expect(await upgradeStore(db)).toEqual([]);
		expect(await scalar(db, `SELECT count(*) FROM duckdb_tables() WHERE table_name = 'item_pairs'`)).toBe(0);
	});
});

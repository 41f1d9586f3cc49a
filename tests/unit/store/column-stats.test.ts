import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { upgradeStore } from '../../../src/lib/ingest/upgrade-store';
import { appendEventsSql, buildStorePlan, COLUMN_STAT_COLUMNS, EVENTS_LAYOUT } from '../../../src/lib/store';
import { WasmTestClient } from '../support/wasm-client';
import { A, LIGHTS, NO_CODE, NOVEMBER, OCTOBER, PHONES, layout, objects, rawEvents, resetDatabase, runSteps, scalar } from './store-kit';

const MONTHS = ['2019-10', '2019-11'];

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
});
afterAll(() => db.close());
beforeEach(() => resetDatabase(db));

async function build(partitions = 1) {
	await runSteps(db, appendEventsSql(rawEvents(OCTOBER)));
	await runSteps(db, appendEventsSql(rawEvents(NOVEMBER)));
	await runSteps(db, buildStorePlan({ rows: 14, months: MONTHS, partitions }));
}

const STATS = `SELECT column_name, type, events, non_null, nulls, distinct_values, min_value, max_value FROM column_stats ORDER BY column_index`;
const COUNTED = ['UTC days (rows of daily)', 'exact', 'rows of products', 'exact', 'exact', 'exact', 'exact', 'rows of users', 'rows of sessions (one per user_session)'];
const row = (v: unknown[]) => Object.fromEntries(['column_name', 'type', 'events', 'non_null', 'nulls', 'distinct_values', 'min_value', 'max_value'].map((c, i) => [c, v[i]]));

// By hand from store-kit.ts's 14 rows: days Oct 5, Oct 31, Nov 1, Nov 3, Nov 10; every event
// type (the ENUM orders view first, purchase last); products P1 1003461, P2 5100816, P3 1004856,
// P4 26300093; categories NO_CODE < PHONES < LIGHTS; category_code NULL on the two apple rows;
// brand NULL on P3's four rows, brands apple, xiaomi, lucente; prices 52.53, 130.76, 171.9,
// 479.99, 489.07; users A, B, C; sessions 1-4.
const FOURTEEN = [
	['event_time', 'TIMESTAMP', 14, 14, 0, 5, '2019-10-05 10:00:00', '2019-11-10 20:06:00'],
	['event_type', 'ENUM', 14, 14, 0, 4, 'view', 'purchase'],
	['product_id', 'INTEGER', 14, 14, 0, 4, '1003461', '26300093'],
	['category_id', 'BIGINT', 14, 14, 0, 3, NO_CODE, LIGHTS],
	['category_code', 'VARCHAR', 14, 12, 2, 2, 'construction.tools.light', 'electronics.smartphone'],
	['brand', 'VARCHAR', 14, 10, 4, 3, 'apple', 'xiaomi'],
	['price', 'DECIMAL(9,2)', 14, 14, 0, 5, '52.53', '489.07'],
	['user_id', 'INTEGER', 14, 14, 0, 3, '512000001', '512000003'],
	['session_id', 'INTEGER', 14, 14, 0, 4, '1', '4']
];

describe('column_stats', () => {
	it('one row per events column, in its order: NULLs, distinct values and how they were counted, range as text', async () => {
		await build();
		expect(await layout(db, 'column_stats')).toEqual(COLUMN_STAT_COLUMNS.map((c) => `${c.name} ${c.type}`));
		expect(await objects(db, STATS)).toEqual(FOURTEEN.map(row));
		expect((await objects(db, `SELECT column_name, column_index, distinct_counted FROM column_stats ORDER BY column_index`)).map((r) => Object.values(r))).toEqual(
			EVENTS_LAYOUT.map(([name], i) => [name, i + 1, COUNTED[i]])
		);
	});

	it('is the same in three passes as in one (it reads the fact tables those passes build)', async () => {
		await build(3);
		expect(await objects(db, STATS)).toEqual(FOURTEEN.map(row));
	});

	// A third batch, rebuilt after: X1 has no user, session, price or category_code and a new
	// brand (nokia) and product (1005); X2 has no product or session. 16 rows, 7 days.
	it('counts an appended batch, with NULL ids, once the build that follows an append has run', async () => {
		await build();
		const december = [
			['2019-12-01 08:00:00', 'view', 1005, PHONES, null, 'nokia', null, null, null],
			['2019-12-02 09:30:00', 'cart', null, LIGHTS, 'construction.tools.light', 'lucente', 52.53, A, null]
		];
		await runSteps(db, appendEventsSql(rawEvents(december)));
		await runSteps(db, buildStorePlan({ rows: 16, months: [...MONTHS, '2019-12'] }));
		expect(await objects(db, STATS)).toEqual(
			[
				['event_time', 'TIMESTAMP', 16, 16, 0, 7, '2019-10-05 10:00:00', '2019-12-02 09:30:00'],
				['event_type', 'ENUM', 16, 16, 0, 4, 'view', 'purchase'],
				['product_id', 'INTEGER', 16, 15, 1, 5, '1005', '26300093'],
				['category_id', 'BIGINT', 16, 16, 0, 3, NO_CODE, LIGHTS],
				['category_code', 'VARCHAR', 16, 13, 3, 2, 'construction.tools.light', 'electronics.smartphone'],
				['brand', 'VARCHAR', 16, 12, 4, 4, 'apple', 'xiaomi'],
				['price', 'DECIMAL(9,2)', 16, 15, 1, 5, '52.53', '489.07'],
				['user_id', 'INTEGER', 16, 15, 1, 3, '512000001', '512000003'],
				['session_id', 'INTEGER', 16, 14, 2, 4, '1', '4']
			].map(row)
		);
	});

	it('an empty store: no NULLs, no distinct values, no range', async () => {
		await runSteps(db, appendEventsSql(rawEvents(OCTOBER)));
		await db.exec(`DELETE FROM events`);
		await runSteps(db, buildStorePlan({ rows: 0, months: [] }));
		expect(await objects(db, `SELECT DISTINCT events, non_null, nulls, distinct_values, min_value, max_value FROM column_stats`)).toEqual([
			{ events: 0, non_null: 0, nulls: 0, distinct_values: 0, min_value: null, max_value: null }
		]);
	});

	it('is added to a finished store built without it (after price_counts when both are missing), and only to a finished one', async () => {
		await build(3);
		await db.exec(`DROP TABLE column_stats; DROP TABLE price_counts`);
		expect(await upgradeStore(db)).toEqual(['price_counts', 'column_stats']);
		expect(await objects(db, STATS)).toEqual(FOURTEEN.map(row));
		expect(await upgradeStore(db)).toEqual([]);
		await db.exec(`DROP TABLE column_stats; DROP TABLE store_build`);
		expect(await upgradeStore(db)).toEqual([]);
		expect(await scalar(db, `SELECT count(*) FROM duckdb_tables() WHERE table_name = 'column_stats'`)).toBe(0);
	});
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appendEventsSql, appendMarkSql, buildStorePlan, storeReportSql, undoAppendSql, type AppendMark } from '../../../src/lib/store';
import { WasmTestClient } from '../support/wasm-client';
import { A, B, C, NOVEMBER, OCTOBER, P1, PHONES, rawEvents, resetDatabase, runSteps, layout, objects, scalar, S_A1, S_A2, S_B1, S_C1 } from './store-kit';

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
});
beforeEach(() => resetDatabase(db));
afterAll(() => db.close());

const appendMonths = async (passes = 1) => {
	await runSteps(db, appendEventsSql(rawEvents(OCTOBER), { passes }));
	await runSteps(db, appendEventsSql(rawEvents(NOVEMBER), { passes }));
};

describe('appending raw batches to events', () => {
	it('stores the raw columns in their order, compactly typed, with session_id for user_session', async () => {
		await appendMonths();
		expect(await layout(db, 'events')).toEqual([
			'event_time TIMESTAMP',
			"event_type ENUM('view', 'cart', 'remove_from_cart', 'purchase')",
			'product_id INTEGER',
			'category_id BIGINT',
			'category_code VARCHAR',
			'brand VARCHAR',
			'price DECIMAL(9,2)',
			'user_id INTEGER',
			'session_id INTEGER'
		]);
		expect(await layout(db, 'session_dict')).toEqual(['session_id INTEGER', 'user_session VARCHAR']);
	});

	it('keeps every row, exact duplicates and 19-digit category ids included', async () => {
		await appendMonths();
		expect(await scalar(db, `SELECT count(*) FROM events`)).toBe(14);
		expect(await scalar(db, `SELECT count(*) FROM (SELECT DISTINCT * FROM events)`)).toBe(12);
		expect(await objects(db, `SELECT DISTINCT category_id FROM events WHERE product_id = ${P1}`)).toEqual([{ category_id: PHONES }]);
		expect(await scalar(db, `SELECT sum(price) FROM events`)).toBe(3460.7);
	});

	it('sorts the rows of each batch by event_time and appends batches in order', async () => {
		await appendMonths();
		const times = (await objects(db, `SELECT event_time FROM events`)).map((r) => r.event_time as string);
		expect(times).toEqual([...times].sort());
		expect(times[0]).toBe('2019-10-05 10:00:00');
		expect(times[4]).toBe('2019-10-31 23:58:00');
	});

	it('numbers sessions densely by first event and keeps their ids when the next month is appended', async () => {
		await runSteps(db, appendEventsSql(rawEvents(OCTOBER)));
		const october = await objects(db, `SELECT * FROM session_dict ORDER BY session_id`);
		expect(october).toEqual([
			{ session_id: 1, user_session: S_A1 },
			{ session_id: 2, user_session: S_B1 }
		]);
		await runSteps(db, appendEventsSql(rawEvents(NOVEMBER)));
		expect(await objects(db, `SELECT * FROM session_dict ORDER BY session_id`)).toEqual([
			...october,
			{ session_id: 3, user_session: S_A2 },
			{ session_id: 4, user_session: S_C1 }
		]);
		expect(await objects(db, `SELECT user_id, list(DISTINCT session_id ORDER BY session_id) AS ids FROM events GROUP BY user_id ORDER BY user_id`)).toEqual([
			{ user_id: A, ids: [1, 3] },
			{ user_id: B, ids: [2] },
			{ user_id: C, ids: [4] }
		]);
	});

	it('gives the same table and ids whether a batch is appended in one pass or in time slices', async () => {
		await appendMonths(1);
		await db.exec(`CREATE TABLE one AS SELECT * FROM events; CREATE TABLE one_dict AS SELECT * FROM session_dict; DROP TABLE events; DROP TABLE session_dict`);
		await appendMonths(3);
		for (const [a, b] of [['one', 'events'], ['one_dict', 'session_dict']]) {
			expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b})`)).toBe(0);
			expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a})`)).toBe(0);
		}
		expect(await scalar(db, `SELECT count(*) FROM events`)).toBe(14);
	});

	it('restores float32 prices to exact cents', async () => {
		const raw = rawEvents([OCTOBER[1]]).replace('CAST(price AS DOUBLE)', 'CAST(CAST(price AS FLOAT) AS DOUBLE)');
		await runSteps(db, appendEventsSql(raw));
		expect(await scalar(db, `SELECT price::VARCHAR FROM events`)).toBe('489.07');
	});

	it('leaves session_id NULL for rows without a user_session', async () => {
		await runSteps(db, appendEventsSql(rawEvents([[...OCTOBER[1].slice(0, 8), null]])));
		expect(await objects(db, `SELECT user_id, session_id FROM events`)).toEqual([{ user_id: A, session_id: null }]);
		expect(await scalar(db, `SELECT count(*) FROM session_dict`)).toBe(0);
	});
});

describe('invalid rows', () => {
	const click = [...OCTOBER[1]];
	click[1] = 'click';

	it('fail the batch with the count, the reason and an example, before anything is appended', async () => {
		await runSteps(db, appendEventsSql(rawEvents(OCTOBER)));
		await expect(runSteps(db, appendEventsSql(rawEvents([...NOVEMBER, click, click])))).rejects.toThrow(
			"cannot append events: 2 rows with an unknown event_type (expected view, cart, remove_from_cart or purchase), e.g. 'click'; nothing was appended"
		);
		expect(await scalar(db, `SELECT count(*) FROM events`)).toBe(5);
		expect(await scalar(db, `SELECT count(*) FROM session_dict`)).toBe(2);
	});

	it('name every kind of problem: unknown type, ids beyond INTEGER, sub-cent prices, missing times', async () => {
		const bad = [
			[null, 'view', P1, PHONES, null, null, 1, A, S_A1],
			['2019-10-01 00:00:00', 'view', 3_000_000_000, PHONES, null, null, 1, A, S_A1],
			['2019-10-01 00:00:00', 'view', P1, PHONES, null, null, 1.005, A, S_A1],
			['2019-10-01 00:00:00', 'view', P1, PHONES, null, null, 1, -3_000_000_000, S_A1]
		];
		const error = await runSteps(db, appendEventsSql(rawEvents(bad))).catch((e: Error) => e.message);
		expect(error).toContain('1 row with a price that is not whole cents below 10,000,000, e.g. 1.005');
		expect(error).toContain('1 row with a product_id beyond INTEGER, e.g. 3000000000');
		expect(error).toContain('1 row with a user_id beyond INTEGER, e.g. -3000000000');
		expect(error).toContain('1 row without an event_time');
	});

	it('go to events_rejected with their reason when routed, and the rest is appended', async () => {
		await runSteps(db, appendEventsSql(rawEvents([...OCTOBER, click]), { invalidRows: 'route', passes: 2 }));
		expect(await scalar(db, `SELECT count(*) FROM events`)).toBe(5);
		expect(await objects(db, `SELECT event_type, user_session, reason FROM events_rejected`)).toEqual([
			{ event_type: 'click', user_session: S_A1, reason: 'with an unknown event_type (expected view, cart, remove_from_cart or purchase)' }
		]);
	});

	it('never land in an events table of another layout', async () => {
		await db.exec(`CREATE TABLE events AS SELECT * FROM ${rawEvents(OCTOBER)}`);
		await expect(runSteps(db, appendEventsSql(rawEvents(NOVEMBER)))).rejects.toThrow(/table main\.events exists with another layout/);
		expect(await scalar(db, `SELECT count(*) FROM events`)).toBe(5);
	});
});

describe('an interrupted batch', () => {
	it('is undone back to the mark taken before it, and can then run again', async () => {
		await runSteps(db, appendEventsSql(rawEvents(OCTOBER)));
		const before = await objects(db, `SELECT * FROM events ORDER BY ALL`);
		const [mark] = (await objects(db, appendMarkSql())) as unknown as AppendMark[];
		expect(mark).toEqual({ events: 5, sessions: 2 });
		const steps = appendEventsSql(rawEvents(NOVEMBER), { passes: 3 });
		const cut = steps.findIndex((s) => s.name === 'session ids 3/3');
		await runSteps(db, steps.slice(0, cut));
		expect(await scalar(db, `SELECT count(*) FROM events`)).toBeGreaterThan(5);
		await db.exec(undoAppendSql(mark));
		expect(await objects(db, `SELECT * FROM events ORDER BY ALL`)).toEqual(before);
		expect(await scalar(db, `SELECT max(session_id) FROM session_dict`)).toBe(2);
		await runSteps(db, steps);
		expect(await scalar(db, `SELECT count(*) FROM events`)).toBe(14);
		expect(await objects(db, `SELECT session_id, user_session FROM session_dict WHERE session_id > 2 ORDER BY 1`)).toEqual([
			{ session_id: 3, user_session: S_A2 },
			{ session_id: 4, user_session: S_C1 }
		]);
		// Rowids of undone rows are not reused: the next mark is past them.
		expect(await objects(db, appendMarkSql())).toEqual([{ events: 19, sessions: 4 }]);
	});
});

describe('schemas', () => {
	it('keep a whole store, however its schema is spelt', async () => {
		const schema = `o'd "shop"`;
		await runSteps(db, appendEventsSql(rawEvents(OCTOBER), { schema, passes: 2 }));
		await runSteps(db, buildStorePlan({ schema, rows: 5, months: ['2019-10'], partitions: 2 }));
		expect(await scalar(db, `SELECT count(*) FROM "o'd ""shop""".events`)).toBe(5);
		expect(await scalar(db, `SELECT sum(events) FROM "o'd ""shop""".users`)).toBe(5);
		expect(await scalar(db, `SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main'`)).toBe(0);
	});

	it('are reported on unless a name holds a double quote, which the storage pragma misreads', async () => {
		const schema = `o'd shop`;
		await runSteps(db, appendEventsSql(rawEvents(OCTOBER), { schema }));
		const report = await objects(db, storeReportSql({ schema, tables: ['events'] }));
		expect(report.slice(0, 2).map((r) => [r.table_name, r.column_name, r.rows, r.bytes])).toEqual([
			['events', 'event_time', 5, null],
			['events', 'event_type', 5, null]
		]);
		expect(() => storeReportSql({ schema: `o'd "shop"` })).toThrow(`invalid name for the store report (no double quotes): o'd "shop"`);
	});
});

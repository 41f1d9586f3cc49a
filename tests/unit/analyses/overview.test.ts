import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewDailySql, overviewKpisSql, overviewMonthChangeSql, overviewMonthsSql, overviewSection } from '../../../src/lib/analyses/overview';
import { appendEventsSql, buildStorePlan } from '../../../src/lib/store';
import { WasmTestClient } from '../support/wasm-client';
import { objects, rawEvents, resetDatabase, runSteps } from '../store/store-kit';
import { buildFixtureStore, NOVEMBER, OCTOBER } from './h1-fixture';
import { runSection } from './run-section';

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
}, 60_000);
afterAll(() => db.close());

// By hand from h1-fixture.ts (rows numbered 1-22 there):
// purchases: row 3 200, row 4 200 (exact copy of 3), row 9 10, row 18 50, row 19 200, row 21 1000
//   revenue = 1660.00, revenue_dedup = 1660 - 200 = 1460.00
// users U1-U4 = 4; buyers U1, U2, U3 = 3 → 75.00%
// sessions S1-S6 = 6; orders (sessions with a purchase) S1, S2, S5, S6 = 4 → 66.67%
// AOV = 1660 / 4 = 415.00, de-duplicated 1460 / 4 = 365.00
describe('executive overview on the fixture store', () => {
	beforeAll(() => buildFixtureStore(db), 60_000);

	it('headline KPIs: revenue raw and de-duplicated, users, sessions, buyers, orders, conversions, AOV', async () => {
		expect(await objects(db, overviewKpisSql())).toEqual([
			{
				first_day: '2019-10-01',
				last_day: '2019-11-20',
				revenue: 1660,
				revenue_dedup: 1460,
				users: 4,
				sessions: 6,
				buyers: 3,
				orders: 4,
				user_conversion_pct: 75,
				session_conversion_pct: 66.67,
				aov: 415,
				aov_dedup: 365
			}
		]);
	});

	// Oct 1: rows 1-5 (U1, S1), purchases 3 and 4 (copy): 400 raw, 200 dedup.
	// Oct 2: rows 6-9 (U2), purchase 9: 10.  Oct 15: rows 10-12, U3 and U4 share S3: DAU 2.
	// Nov 1: rows 13-15 (U1), no purchase.  Nov 2: rows 16-19 (U2), purchases 18 + 19 = 250.
	// Nov 20: rows 20-22 (U3), purchase 21: 1000.
	it('daily table: DAU counts both users of a shared session, revenue with and without the duplicate purchase', async () => {
		const cols = ['day', 'dau', 'sessions', 'buyers', 'purchases', 'revenue', 'revenue_dedup'];
		const rows = [
			['2019-10-01', 1, 1, 1, 2, 400, 200],
			['2019-10-02', 1, 1, 1, 1, 10, 10],
			['2019-10-15', 2, 1, 0, 0, 0, 0],
			['2019-11-01', 1, 1, 0, 0, 0, 0],
			['2019-11-02', 1, 1, 1, 2, 250, 250],
			['2019-11-20', 1, 1, 1, 1, 1000, 1000]
		];
		expect(await objects(db, overviewDailySql())).toEqual(rows.map((r) => Object.fromEntries(cols.map((c, i) => [c, r[i]]))));
	});

	// October: revenue 400 + 10 = 410 (dedup 210); users with an October event U1-U4 = 4;
	//   sessions starting in October S1-S3 = 3; bought in October: U1 (S1), U2 (S2) → 2 buyers,
	//   2 orders; conversions 2/4 = 50.00%, 2/3 = 66.67%; AOV 410/2 = 205, dedup 210/2 = 105.
	// November: revenue 250 + 1000 = 1250 (no copies); users U1-U3 = 3 (U4 only in October);
	//   sessions S4-S6 = 3; bought: U2 (S5), U3 (S6); 2/3 = 66.67% both; AOV 1250/2 = 625.
	it('months: the same KPIs per calendar month, each count assigned to the month it happened in', async () => {
		expect(await objects(db, overviewMonthsSql())).toEqual([
			month('2019-10', 410, 210, 4, 3, 2, 2, 50, 66.67, 205, 105),
			month('2019-11', 1250, 1250, 3, 3, 2, 2, 66.67, 66.67, 625, 625)
		]);
	});

	// November / October - 1: revenue 1250/410 → +204.88%, dedup 1250/210 → +495.24%,
	// users 3/4 → -25%, user conversion (2/3)/(2/4) → +33.33% (from the counts, not 66.67/50),
	// AOV 625/205 → +204.88%, AOV dedup 625/105 → +495.24%; the rest unchanged.
	it('month change: each month against the previous one, rates compared unrounded', async () => {
		await db.exec(`CREATE OR REPLACE TABLE overview_months AS ${overviewMonthsSql()}`);
		const rows = await objects(db, overviewMonthChangeSql());
		expect(rows.map((r) => [r.month, r.previous_month, r.kpi, r.previous_value, r.value, r.change_pct])).toEqual([
			['2019-11', '2019-10', 'revenue', 410, 1250, 204.88],
			['2019-11', '2019-10', 'revenue (dedup)', 210, 1250, 495.24],
			['2019-11', '2019-10', 'users', 4, 3, -25],
			['2019-11', '2019-10', 'sessions', 3, 3, 0],
			['2019-11', '2019-10', 'buyers', 2, 2, 0],
			['2019-11', '2019-10', 'orders', 2, 2, 0],
			['2019-11', '2019-10', 'user conversion %', 50, 66.67, 33.33],
			['2019-11', '2019-10', 'session conversion %', 66.67, 66.67, 0],
			['2019-11', '2019-10', 'AOV', 205, 625, 204.88],
			['2019-11', '2019-10', 'AOV (dedup)', 105, 625, 495.24]
		]);
	});

	it('the section runs cell by cell with no error and its charts read existing columns', async () => {
		const { cells, tables } = await runSection(db, overviewSection());
		expect(cells[0].source.startsWith('## 2. Executive overview')).toBe(true);
		expect(cells.filter((c) => c.name !== null).map((c) => `${c.kind} ${c.name}`)).toEqual([
			'sql overview_kpis',
			'sql overview_daily',
			'chart overview_revenue_chart',
			'chart overview_dau_chart',
			'sql overview_months',
			'sql overview_month_change',
			'chart overview_month_change_chart'
		]);
		expect(tables.get('overview_kpis')!.rows).toEqual([['2019-10-01', '2019-11-20', 1660, 1460, 4, 6, 3, 4, 75, 66.67, 415, 365].map((v, i) => (i < 2 ? new Date(`${v}T00:00:00Z`) : v))]);
		expect(tables.get('overview_month_change')!.rows).toHaveLength(10);
	});
});

function month(...v: [string, number, number, number, number, number, number, number, number, number, number]) {
	const cols = ['month', 'revenue', 'revenue_dedup', 'users', 'sessions', 'buyers', 'orders', 'user_conversion_pct', 'session_conversion_pct', 'aov', 'aov_dedup'];
	return Object.fromEntries(cols.map((c, i) => [c, v[i]]));
}

describe('months come from the data', () => {
	it('a log of January and February 2021 gives those two months, with the same counts', async () => {
		const shift = (rows: typeof OCTOBER) => rows.map((r) => [r[0].replace('2019-10', '2021-01').replace('2019-11', '2021-02'), ...r.slice(1)]);
		await resetDatabase(db);
		await runSteps(db, appendEventsSql(rawEvents(shift(OCTOBER))));
		await runSteps(db, appendEventsSql(rawEvents(shift(NOVEMBER))));
		await runSteps(db, buildStorePlan({ rows: 22, months: ['2021-01', '2021-02'] }));
		expect(await objects(db, overviewMonthsSql())).toEqual([
			month('2021-01', 410, 210, 4, 3, 2, 2, 50, 66.67, 205, 105),
			month('2021-02', 1250, 1250, 3, 3, 2, 2, 66.67, 66.67, 625, 625)
		]);
	});
});

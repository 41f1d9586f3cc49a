import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	FUNNEL_TOP_N,
	funnelBrandRatesSql,
	funnelByBrandSql,
	funnelByCategorySql,
	funnelCategoryRatesSql,
	funnelLeaksSql,
	funnelSection,
	funnelStepsSql
} from '../../../src/lib/analyses/funnel';
import { WasmTestClient } from '../support/wasm-client';
import { objects } from '../store/store-kit';
import { buildFixtureStore } from './h1-fixture';
import { runSection } from './run-section';

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
	await buildFixtureStore(db);
}, 60_000);
afterAll(() => db.close());

const values = async (sql: string) => (await objects(db, sql)).map((r) => Object.values(r));

// By hand from h1-fixture.ts:
// users: all four view; carts U1 (rows 2, 14), U2 (17), U4 (12) = 3; purchases U1, U2, U3 = 3;
//   view and cart and purchase: U1, U2 = 2 (U3 bought without a cart, U4 never bought).
// sessions: all six have a view; carts S1, S3, S4, S5 = 4; purchases S1, S2, S5, S6 = 4;
//   all three: S1, S5 = 2 (S2 and S6 bought without a cart).
it('steps: users and sessions reaching view, cart, purchase, with step rates and the strict count', async () => {
	const rows = await objects(db, funnelStepsSql());
	expect(Object.keys(rows[0])).toEqual(['unit', 'step_no', 'step', 'reached', 'pct_of_previous', 'pct_of_first', 'all_steps']);
	expect(rows.map((r) => Object.values(r))).toEqual([
		['users', 1, 'view', 4, null, 100, 4],
		['users', 2, 'cart', 3, 75, 75, 3],
		['users', 3, 'purchase', 3, 100, 75, 2],
		['sessions', 1, 'view', 6, null, 100, 6],
		['sessions', 2, 'cart', 4, 66.67, 66.67, 4],
		['sessions', 3, 'purchase', 4, 100, 66.67, 2]
	]);
});

// Purchase sessions S1, S2, S5, S6; without a cart S2 (10.00) and S6 (1000.00): 2 of 4,
// revenue 1010 of 1660 = 60.84%. Buyers U1, U2, U3; U3 never carted: 1 of 3.
it('leaks: purchase sessions without a cart event, their revenue, and buyers who never carted', async () => {
	expect(await objects(db, funnelLeaksSql())).toEqual([
		{
			purchase_sessions: 4,
			purchase_sessions_without_cart: 2,
			sessions_without_cart_pct: 50,
			revenue_without_cart: 1010,
			revenue_without_cart_pct: 60.84,
			buyers: 3,
			buyers_without_cart: 1,
			buyers_without_cart_pct: 33.33
		}
	]);
});

// products by code (P3 has none and is left out): headphone = P2: 4 views, 2 carts,
// 1 purchase, 50; smartphone = P1 + P4: 1 + 2 views, 1 + 1 carts, 3 + 1 purchases, 600 + 1000;
// bag = P5: 2 views only. Rates: 2/4, 1/2, 1/4; 2/3, 4/2, 4/3; 0/2, 0/0 (NULL), 0/2.
describe('by category code', () => {
	it('top N by views, unlabelled products left out, rates in events', async () => {
		expect(await values(funnelByCategorySql({ topN: '10' }))).toEqual([
			['electronics.audio.headphone', 1, 4, 2, 1, 50, 50, 50, 25],
			['electronics.smartphone', 2, 3, 2, 4, 1600, 66.67, 200, 133.33],
			['accessories.bag', 1, 2, 0, 0, 0, 0, null, 0]
		]);
		expect((await values(funnelByCategorySql({ topN: '2' }))).map((r) => r[0])).toEqual(['electronics.audio.headphone', 'electronics.smartphone']);
	});

	it('rates: two rows per category for the chart, in the order of the funnel table', async () => {
		await db.exec(`CREATE OR REPLACE TABLE funnel_by_category AS ${funnelByCategorySql({ topN: '10' })}`);
		expect(await values(funnelCategoryRatesSql())).toEqual([
			['electronics.audio.headphone', 4, 1, 'view → cart', 50],
			['electronics.audio.headphone', 4, 2, 'cart → purchase', 50],
			['electronics.smartphone', 3, 1, 'view → cart', 66.67],
			['electronics.smartphone', 3, 2, 'cart → purchase', 200],
			['accessories.bag', 2, 1, 'view → cart', 0],
			['accessories.bag', 2, 2, 'cart → purchase', null]
		]);
	});
});

// brands (P3 and P5 have none): sony = P2 (4 views, 2 carts, 1 purchase, 50),
// apple = P4 (2, 1, 1, 1000), samsung = P1 (1, 1, 3, 600).
describe('by brand', () => {
	it('top N by views with rates; purchases above carts give a rate above 100%', async () => {
		expect(await values(funnelByBrandSql({ topN: '3' }))).toEqual([
			['sony', 1, 4, 2, 1, 50, 50, 50, 25],
			['apple', 1, 2, 1, 1, 1000, 50, 100, 50],
			['samsung', 1, 1, 1, 3, 600, 100, 300, 300]
		]);
	});

	it('top N reads a SQL expression, here a session variable as the notebook binds it', async () => {
		await db.exec(`SET VARIABLE ${FUNNEL_TOP_N} = 1`);
		expect(await values(funnelByBrandSql({ topN: `getvariable('${FUNNEL_TOP_N}')` }))).toEqual([['sony', 1, 4, 2, 1, 50, 50, 50, 25]]);
	});

	it('rates: view → cart and cart → purchase per brand', async () => {
		await db.exec(`CREATE OR REPLACE TABLE funnel_by_brand AS ${funnelByBrandSql({ topN: '2' })}`);
		expect(await values(funnelBrandRatesSql())).toEqual([
			['sony', 4, 1, 'view → cart', 50],
			['sony', 4, 2, 'cart → purchase', 50],
			['apple', 2, 1, 'view → cart', 50],
			['apple', 2, 2, 'cart → purchase', 100]
		]);
	});
});

describe('the section', () => {
	it('runs cell by cell with top N bound to its default, 10, and its charts read existing columns', async () => {
		const { cells, tables, inputs } = await runSection(db, funnelSection());
		expect(cells[0].source.startsWith('## 4. Conversion funnel')).toBe(true);
		expect(inputs).toEqual(new Map([[FUNNEL_TOP_N, 10]]));
		expect(cells.filter((c) => c.name !== null).map((c) => `${c.kind} ${c.name}`)).toEqual([
			'sql funnel_steps',
			'chart funnel_steps_chart',
			'sql funnel_leaks',
			`input ${FUNNEL_TOP_N}`,
			'sql funnel_by_category',
			'sql funnel_category_rates',
			'chart funnel_category_chart',
			'sql funnel_by_brand',
			'sql funnel_brand_rates',
			'chart funnel_brand_chart'
		]);
		const byCategory = cells.find((c) => c.name === 'funnel_by_category')!;
		expect(byCategory.source).toContain(`<= $${FUNNEL_TOP_N}`);
		expect(tables.get('funnel_by_category')!.rows).toHaveLength(3);
		expect(tables.get('funnel_brand_rates')!.rows).toHaveLength(6);
	});
});

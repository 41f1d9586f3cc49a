import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	explorerColumnsSql,
	explorerDuplicatesSql,
	explorerEventMixSql,
	explorerPriceBinsSql,
	explorerPricesSql,
	explorerSection,
	explorerSharedSessionsSql,
	explorerTopBrandsSql,
	explorerTopCategoriesSql
} from '../../../src/lib/analyses/explorer';
import { EVENTS_LAYOUT } from '../../../src/lib/store';
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
const table = (cols: string[], rows: unknown[][]) => rows.map((r) => Object.fromEntries(cols.map((c, i) => [c, r[i]])));

// By hand from h1-fixture.ts (22 rows, numbered there):
// views 1,5,6,7,8,10,11,13,16,20,22 = 11; carts 2,12,14,17 = 4; removes 15 = 1;
// purchases 3,4,9,18,19,21 = 6. Shares of 22: 50.00, 27.27, 18.18, 4.55.
it('event mix: rows per event type and share, duplicates included', async () => {
	expect(await objects(db, explorerEventMixSql())).toEqual(
		table(['event_type', 'events', 'share_pct'], [['view', 11, 50], ['purchase', 6, 27.27], ['cart', 4, 18.18], ['remove_from_cart', 1, 4.55]])
	);
});

// NULLs: category_code on P3's rows 7-9 (3 of 22 = 13.64%); brand on P3's rows 7-9 and the
// bag P5's rows 5 and 22 (5 = 22.73%). Distinct: 6 days; 4 event types; products 1001-1005;
// category ids phones (P1, P4), audio, no-code, bags = 4; codes smartphone, headphone, bag = 3;
// brands samsung, sony, apple = 3; prices 0, 10, 50, 200, 1000 = 5; users 101-104; sessions 1-6.
it('columns: NULLs, distinct values (with how they were counted) and range of every events column', async () => {
	const rows = await objects(db, explorerColumnsSql());
	expect(rows.map((r) => r.column_name)).toEqual(EVENTS_LAYOUT.map(([name]) => name));
	expect(rows.map((r) => [r.column_name, r.nulls, r.null_pct, r.distinct_values, r.min_value, r.max_value])).toEqual([
		['event_time', 0, 0, 6, '2019-10-01 09:00:00', '2019-11-20 15:31:00'],
		['event_type', 0, 0, 4, 'view', 'purchase'],
		['product_id', 0, 0, 5, '1001', '1005'],
		['category_id', 0, 0, 4, '2053013553375346967', '2053013563810775923'],
		['category_code', 3, 13.64, 3, 'accessories.bag', 'electronics.smartphone'],
		['brand', 5, 22.73, 3, 'apple', 'sony'],
		['price', 0, 0, 5, '0.00', '1000.00'],
		['user_id', 0, 0, 4, '101', '104'],
		['session_id', 0, 0, 6, '1', '6']
	]);
	expect(rows.map((r) => r.distinct_counted)).toEqual([
		'UTC days (rows of daily)', 'exact', 'rows of products', 'exact', 'exact', 'exact', 'exact', 'rows of users', 'rows of sessions (one per user_session)'
	]);
});

// Pairs: view 0.00 (rows 5, 22), view 10 (7, 8), view 50 (6, 10, 11, 16), view 200 (1),
// view 1000 (13, 20); cart 50 (12, 17), 200 (2), 1000 (14); remove 1000 (15);
// purchase 10 (9), 50 (18), 200 (3, 4, 19), 1000 (21).
it('price_counts (the fact table prices are read from): events per event type and price, in event-type order', async () => {
	expect(await values(`FROM price_counts`)).toEqual([
		['view', 0, 2], ['view', 10, 2], ['view', 50, 4], ['view', 200, 1], ['view', 1000, 2],
		['cart', 50, 2], ['cart', 200, 1], ['cart', 1000, 1],
		['remove_from_cart', 1000, 1],
		['purchase', 10, 1], ['purchase', 50, 1], ['purchase', 200, 3], ['purchase', 1000, 1]
	]);
});

// Positive prices: 10 (P3, rows 7-9) = 3, 50 (P2, rows 6,10,11,12,16,17,18) = 7,
// 200 (P1, rows 1-4, 19) = 5, 1000 (P4, rows 13-15, 20, 21) = 5; total 20 (the two 0.00 rows
// of P5 are left out). Each price sits on a bin's lower edge, which the bin includes.
it('price histogram: 1-2-5 log bins over positive prices, lower edge included', async () => {
	expect(await objects(db, explorerPriceBinsSql())).toEqual(
		table(
			['price_range', 'price_from', 'price_to', 'events', 'events_pct'],
			[
				['10–20', 10, 20, 3, 15],
				['50–100', 50, 100, 7, 35],
				['200–500', 200, 500, 5, 25],
				['1000–2000', 1000, 2000, 5, 25]
			]
		)
	);
});

// view rows include P5's two 0.00 rows (5, 22) and prices up to 1000 (rows 13, 20);
// cart 200, 50, 1000, 50; remove 1000; purchases 200, 200, 10, 50, 200, 1000.
it('prices: zero, negative and missing prices per event type and overall', async () => {
	expect(await objects(db, explorerPricesSql())).toEqual(
		table(
			['event_type', 'events', 'zero_price', 'negative_price', 'null_price', 'not_positive_pct', 'min_price', 'max_price'],
			[
				['view', 11, 2, 0, 0, 18.18, 0, 1000],
				['cart', 4, 0, 0, 0, 0, 50, 1000],
				['remove_from_cart', 1, 0, 0, 0, 0, 1000, 1000],
				['purchase', 6, 0, 0, 0, 0, 10, 1000],
				['all', 22, 2, 0, 0, 9.09, 0, 1000]
			]
		)
	);
});

// Row 4 repeats row 3 (a 200.00 purchase), row 8 repeats row 7 (a view), on two days:
// 2 of 22 = 9.09%; purchases 6 → 5 without copies, revenue 1660 → 1460.
it('duplicates: exact duplicate rows and the purchases and revenue they add', async () => {
	expect(await objects(db, explorerDuplicatesSql())).toEqual([
		{ rows: 22, duplicate_rows: 2, duplicate_pct: 9.09, days_with_duplicates: 2, purchases: 6, purchases_dedup: 5, revenue: 1660, revenue_dedup: 1460, duplicate_revenue: 200 }
	]);
});

// S3 holds U3 (row 10) and U4 (rows 11-12): one shared session of 3 events without a purchase;
// the other five hold 19 events, four of them with a purchase (S1, S2, S5, S6).
it('shared sessions: sessions by number of distinct users', async () => {
	expect(await objects(db, explorerSharedSessionsSql())).toEqual(
		table(['n_users', 'sessions', 'sessions_pct', 'events', 'purchase_sessions'], [[1, 5, 83.33, 19, 4], [2, 1, 16.67, 3, 0]])
	);
});

const TOP_COLS = ['label', 'products', 'events', 'events_pct', 'views', 'carts', 'purchases', 'revenue'];

// products: P1 smartphone/samsung 5 events (1 view, 1 cart, 3 purchases, 600),
// P2 headphone/sony 7 (4, 2, 1, 50), P3 no code/no brand 3 (2, 0, 1, 10),
// P4 smartphone/apple 5 (2, 1, 1, 1000), P5 bag/no brand 2 (2, 0, 0, 0).
it('top categories: most events first, products without a code grouped, limit applied after the shares', async () => {
	const rows = await objects(db, explorerTopCategoriesSql({ limit: '3' }));
	expect(rows.map((r) => Object.values(r))).toEqual([
		['electronics.smartphone', 2, 10, 45.45, 3, 2, 4, 1600],
		['electronics.audio.headphone', 1, 7, 31.82, 4, 2, 1, 50],
		['(no category_code)', 1, 3, 13.64, 2, 0, 1, 10]
	]);
	expect(Object.keys(rows[0])).toEqual(['category_code', ...TOP_COLS.slice(1)]);
});

it('top brands: ties on events go by name, products without a brand grouped', async () => {
	const rows = await objects(db, explorerTopBrandsSql({ limit: '10' }));
	expect(rows.map((r) => Object.values(r))).toEqual([
		['sony', 1, 7, 31.82, 4, 2, 1, 50],
		['(no brand)', 2, 5, 22.73, 4, 0, 1, 10],
		['apple', 1, 5, 22.73, 2, 1, 1, 1000],
		['samsung', 1, 5, 22.73, 1, 1, 3, 600]
	]);
});

describe('the section', () => {
	it('runs cell by cell with no error and its charts read existing columns', async () => {
		const { cells, tables } = await runSection(db, explorerSection());
		expect(cells[0].source.startsWith('## 3. Data explorer and quality')).toBe(true);
		expect(cells.filter((c) => c.kind === 'sql').map((c) => c.name)).toEqual([
			'explorer_event_mix',
			'explorer_columns',
			'explorer_price_bins',
			'explorer_prices',
			'explorer_duplicates',
			'explorer_shared_sessions',
			'explorer_top_categories',
			'explorer_top_brands'
		]);
		expect(cells.filter((c) => c.kind === 'chart')).toHaveLength(4);
		expect(tables.get('explorer_top_categories')!.rows).toHaveLength(4);
	});
});

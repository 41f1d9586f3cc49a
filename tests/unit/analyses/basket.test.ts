import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basketPairsSql, basketSection, basketSummarySql, basketTopPairsSql } from '../../../src/lib/analyses/basket';
import { WasmTestClient } from '../support/wasm-client';
import { buildBasketStore, C, H, materialise, S, T } from './h3-fixture';
import { rowsOf, runSection } from './run-section';

// Numbers worked out by hand in h3-fixture.ts.

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
	await buildBasketStore(db);
}, 60_000);
afterAll(() => db.close());

interface Levels {
	level: 'session' | 'user';
	itemLevel: 'product' | 'category_code' | 'brand';
	minPairs: number;
}

async function pairs({ level, itemLevel, minPairs }: Levels) {
	await materialise(db, 'basket_pairs', basketPairsSql({ level: `'${level}'`, itemLevel: `'${itemLevel}'`, minPairs: String(minPairs) }));
	return rowsOf(await db.query('SELECT * FROM basket_pairs'));
}

async function summary(level: string, itemLevel: string) {
	return rowsOf(await db.query(basketSummarySql({ level: `'${level}'`, itemLevel: `'${itemLevel}'` })))[0];
}

/** Expected pair rows: [a, b, baskets_ab, baskets_a, baskets_b, N], ratios from the counts. */
function expected(rows: [string, string, number, number, number, number][]) {
	return rows.map(([a, b, ab, na, nb, n]) => ({
		item_a: a, item_b: b, baskets_ab: ab, baskets_a: na, baskets_b: nb, total_baskets: n,
		support: ab / n, confidence_a_to_b: ab / na, confidence_b_to_a: ab / nb, lift: (ab * n) / (na * nb)
	}));
}

/** Ratios to 12 digits, counts and labels exactly. */
function expectPairs(actual: Record<string, unknown>[], want: ReturnType<typeof expected>) {
	expect(actual.map((r) => [r.item_a, r.item_b, r.baskets_ab, r.baskets_a, r.baskets_b, r.total_baskets])).toEqual(
		want.map((r) => [r.item_a, r.item_b, r.baskets_ab, r.baskets_a, r.baskets_b, r.total_baskets])
	);
	actual.forEach((row, i) => {
		for (const key of ['support', 'confidence_a_to_b', 'confidence_b_to_a', 'lift'] as const) {
			expect(row[key] as number, `${key} of ${row.item_a} + ${row.item_b}`).toBeCloseTo(want[i][key], 12);
		}
	});
}

describe('market basket pairs on the hand-built log', () => {
	it('category pairs of purchase sessions: counts, support, both confidences and lift', async () => {
		const rows = await pairs({ level: 'session', itemLevel: 'category_code', minPairs: 2 });
		expectPairs(rows, expected([
			[C, S, 2, 2, 4, 6], // lift 1.5
			[H, S, 2, 4, 4, 6] // lift 0.75
		]));
		expect(rows[0]).toMatchObject({ support: 1 / 3, confidence_a_to_b: 1, confidence_b_to_a: 0.5, lift: 1.5 });
	});

	it('a minimum pair count of 1 adds the pairs seen in a single basket', async () => {
		const rows = await pairs({ level: 'session', itemLevel: 'category_code', minPairs: 1 });
		expectPairs(rows, expected([
			[C, S, 2, 2, 4, 6], // 1.5
			[H, T, 1, 4, 1, 6], // 1.5
			[C, H, 1, 2, 4, 6], // 0.75
			[H, S, 2, 4, 4, 6] // 0.75, more baskets first
		]).sort((a, b) => b.lift - a.lift || b.baskets_ab - a.baskets_ab || a.item_a.localeCompare(b.item_a)));
	});

	it('user baskets gather all of a user’s purchases', async () => {
		const rows = await pairs({ level: 'user', itemLevel: 'category_code', minPairs: 1 });
		expectPairs(rows, expected([
			[H, T, 1, 2, 1, 3], // 1.5
			[C, S, 2, 2, 3, 3], // 1
			[H, S, 2, 2, 3, 3], // 1
			[S, T, 1, 3, 1, 3], // 1
			[C, H, 1, 2, 2, 3] // 0.75
		]));
	});

	it('brand pairs of purchase sessions, and none in two baskets', async () => {
		expectPairs(await pairs({ level: 'session', itemLevel: 'brand', minPairs: 1 }), expected([
			['apple', 'lg', 1, 4, 1, 6], // 1.5
			['samsung', 'xiaomi', 1, 2, 2, 6], // 1.5
			['apple', 'xiaomi', 1, 4, 2, 6] // 0.75
		]));
		expect(await pairs({ level: 'session', itemLevel: 'brand', minPairs: 2 })).toEqual([]);
	});

	it('product pairs come from purchase_pairs, labelled with brand and category', async () => {
		expectPairs(await pairs({ level: 'session', itemLevel: 'product', minPairs: 1 }), expected([
			['101 samsung smartphone', '201 samsung headphone', 2, 2, 2, 7] // lift 3.5
		]));
		expect(await pairs({ level: 'session', itemLevel: 'product', minPairs: 3 })).toEqual([]);
		expect(await pairs({ level: 'user', itemLevel: 'product', minPairs: 1 })).toEqual([]);
	});

	it('baskets over the item cap leave every count, the total included', async () => {
		await buildBasketStore(db, { maxBasketItems: 2 });
		try {
			const rows = await pairs({ level: 'session', itemLevel: 'category_code', minPairs: 1 });
			expectPairs(rows, expected([
				[C, S, 1, 1, 3, 5], // 5/3
				[H, T, 1, 3, 1, 5], // 5/3
				[H, S, 1, 3, 3, 5] // 5/9
			]));
			expect(await summary('session', 'category_code')).toEqual({
				basket_level: 'session', item_level: 'category_code', total_baskets: 5, baskets_with_2_plus_items: 3,
				avg_items_per_basket: 1.6, baskets_left_out: 1, distinct_items: 4, max_basket_items: 2, stored_pair_min_baskets: 2
			});
			// The product cap never applies: U1 {101, 201, 302}, U2 {102, 302}, U3 {401, 202, 102}, U4 {501}.
			expect(await summary('user', 'product')).toMatchObject({
				total_baskets: 4, baskets_with_2_plus_items: 3, avg_items_per_basket: 2.25, baskets_left_out: 0, distinct_items: 7, max_basket_items: null
			});
		} finally {
			await buildBasketStore(db);
		}
	});

	it('the summary of each level counts its baskets and items', async () => {
		expect(await summary('user', 'category_code')).toEqual({
			basket_level: 'user', item_level: 'category_code', total_baskets: 3, baskets_with_2_plus_items: 3,
			avg_items_per_basket: 2.67, baskets_left_out: 0, distinct_items: 4, max_basket_items: 100, stored_pair_min_baskets: 2
		});
		expect(await summary('session', 'brand')).toMatchObject({ total_baskets: 6, baskets_with_2_plus_items: 3, avg_items_per_basket: 1.5, distinct_items: 4 });
	});

	it('top pairs keep lift ≥ the minimum, highest first, labelled A over + B', async () => {
		await pairs({ level: 'session', itemLevel: 'category_code', minPairs: 1 });
		const top = async (minLift: string, limit = '20') =>
			rowsOf(await db.query(basketTopPairsSql({ minLift, limit }))).map((r) => [r.pair, r.lift]);
		expect(await top('1.2')).toEqual([[`${C}\n+ ${S}`, 1.5], [`${H}\n+ ${T}`, 1.5]]);
		expect(await top('1.5')).toEqual([[`${C}\n+ ${S}`, 1.5], [`${H}\n+ ${T}`, 1.5]]);
		// At equal lift, the pair in more baskets first: H + S (2) before C + H (1).
		expect(await top('0.75', '3')).toEqual([[`${C}\n+ ${S}`, 1.5], [`${H}\n+ ${T}`, 1.5], [`${H}\n+ ${S}`, 0.75]]);
	});

	it('an unknown basket or item level is an error naming the allowed values', async () => {
		for (const sql of [basketSummarySql, basketPairsSql]) {
			await expect(materialise(db, 't', sql({ level: `'order'`, itemLevel: `'brand'`, minPairs: '1' }))).rejects.toThrow(
				'invalid basket level order: use session or user'
			);
			await expect(materialise(db, 't', sql({ level: `'user'`, itemLevel: `'sku'`, minPairs: '1' }))).rejects.toThrow(
				'invalid item level sku: use product, category_code or brand'
			);
		}
	});
});

describe('the market basket section', () => {
	it('parses strictly and runs every cell with the input defaults (session, category_code, 2, 1.2)', async () => {
		const run = await runSection(db, basketSection());
		expect(run.cells.filter((c) => c.name !== null).map((c) => `${c.kind}:${c.name}`)).toEqual([
			'input:basket_level', 'input:basket_item_level', 'input:basket_min_pairs', 'input:basket_min_lift',
			'sql:basket_summary', 'sql:basket_pairs', 'sql:basket_top_pairs', 'chart:basket_lift_chart'
		]);
		expect(rowsOf(run.tables.get('basket_summary'))).toEqual([{
			basket_level: 'session', item_level: 'category_code', total_baskets: 6, baskets_with_2_plus_items: 4,
			avg_items_per_basket: 1.83, baskets_left_out: 0, distinct_items: 4, max_basket_items: 100, stored_pair_min_baskets: 2
		}]);
		expect(rowsOf(run.tables.get('basket_pairs')).map((r) => [r.item_a, r.item_b, r.lift])).toEqual([[C, S, 1.5], [H, S, 0.75]]);
		expect(rowsOf(run.tables.get('basket_top_pairs'))).toEqual([{
			pair: `${C}\n+ ${S}`, baskets_ab: 2, support: 2 / 6, confidence_a_to_b: 1, confidence_b_to_a: 0.5, lift: 1.5, item_a: C, item_b: S
		}]);
	});

	it('states the definitions it computes', () => {
		const text = basketSection();
		expect(text.startsWith('## 8. Market basket\n')).toBe(true);
		for (const phrase of ['**support(A, B)** = baskets(A, B) / N', '**confidence(A → B)** = baskets(A, B) / baskets(A)', '**lift** = confidence(A → B) / support(B)', 'more than 100 distinct items']) {
			expect(text).toContain(phrase);
		}
	});
});

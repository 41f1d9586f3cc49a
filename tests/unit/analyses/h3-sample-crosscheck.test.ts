// Section 8 on the committed sample, against an independent computation over the raw purchase
// rows (lists of items per basket and their combinations, instead of a store and a self-join).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basketPairsSql } from '../../../src/lib/analyses/basket';
import { ACCESSORY_CODES, brandLoyaltySql, PHONE_CODE } from '../../../src/lib/analyses/brand-loyalty';
import { quoteString } from '../../../src/lib/data/sql';
import { readEventsCsv } from '../../../src/lib/ingest/event-schema';
import { appendEventsSql, buildStorePlan } from '../../../src/lib/store';
import { WasmTestClient } from '../support/wasm-client';
import { runSteps } from '../store/store-kit';
import { materialise } from './h3-fixture';
import { rowsOf } from './run-section';

const FILES = ['2019-Oct.csv.gz', '2019-Nov.csv.gz'].map((f) => path.resolve('sample-data', f));

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
	await db.exec(`CREATE TABLE raw AS SELECT * FROM ${readEventsCsv(FILES)} WHERE event_type = 'purchase' AND user_session IS NOT NULL`);
	for (const file of FILES) await runSteps(db, appendEventsSql(readEventsCsv(file)));
	await runSteps(db, buildStorePlan({ rows: 325_431, months: ['2019-10', '2019-11'] }));
}, 120_000);
afterAll(() => db.close());

/** Pairs in ≥ 2 baskets from the raw rows: each basket's item list, then every a < b in it. */
function independentPairs(basket: string, item: string): string {
	return `WITH b AS (
	SELECT ${basket} AS basket, list(DISTINCT ${item}) AS items FROM raw WHERE ${item} IS NOT NULL GROUP BY 1
), singles AS (
	SELECT item, count(*) AS n FROM (SELECT unnest(items) AS item FROM b) GROUP BY 1
), twos AS (
	SELECT x AS a, unnest(list_filter(items, y -> y > x)) AS b FROM (SELECT unnest(items) AS x, items FROM b)
)
SELECT a, b, count(*) AS ab, any_value(sa.n) AS na, any_value(sb.n) AS nb, (SELECT count(*) FROM b) AS total
FROM twos JOIN singles sa ON sa.item = a JOIN singles sb ON sb.item = b
GROUP BY a, b HAVING count(*) >= 2`;
}

async function compare(level: string, itemLevel: string, basket: string, item: string, key: (s: unknown) => string = String) {
	await materialise(db, 'basket_pairs', basketPairsSql({ level: quoteString(level), itemLevel: quoteString(itemLevel), minPairs: '2' }));
	const ours = rowsOf(await db.query('SELECT * FROM basket_pairs'));
	const theirs = rowsOf(await db.query(independentPairs(basket, item)));
	const byPair = new Map(theirs.map((r) => [`${r.a}|${r.b}`, r]));
	expect(ours.length).toBeGreaterThan(0);
	expect(ours.length).toBe(theirs.length);
	for (const r of ours) {
		const t = byPair.get(`${key(r.item_a)}|${key(r.item_b)}`);
		expect(t, `${r.item_a} + ${r.item_b}`).toBeDefined();
		expect([r.baskets_ab, r.baskets_a, r.baskets_b, r.total_baskets]).toEqual([t!.ab, t!.na, t!.nb, t!.total]);
		const lift = (Number(t!.ab) * Number(t!.total)) / (Number(t!.na) * Number(t!.nb));
		expect(r.lift as number).toBeCloseTo(lift, 12);
	}
	return ours;
}

describe('section 8 on the committed sample agrees with plain SQL on the raw rows', () => {
	it('category pairs of purchase sessions, phone + case among them', async () => {
		const pairs = await compare('session', 'category_code', 'user_session', 'category_code');
		expect(pairs.some((r) => r.item_a === 'electronics.accessories.phone_case' && r.item_b === 'electronics.smartphone' && (r.lift as number) > 1)).toBe(true);
	});

	it('brand pairs of users', async () => {
		await compare('user', 'brand', 'user_id', 'brand');
	});

	it('product pairs of purchase sessions, read from purchase_pairs', async () => {
		await compare('session', 'product', 'user_session', 'product_id', (label) => String(label).split(' ')[0]);
	});

	it('brand loyalty per phone brand', async () => {
		const ours = rowsOf(await db.query(brandLoyaltySql()));
		const theirs = rowsOf(
			await db.query(`WITH phone AS (
	SELECT user_id, brand, min(event_time) AS t FROM raw WHERE category_code = ${quoteString(PHONE_CODE)} AND brand IS NOT NULL GROUP BY ALL
), acc AS (
	SELECT user_id, user_session, product_id, any_value(brand) AS brand, min(event_time) AS t
	FROM raw WHERE category_code IN (${ACCESSORY_CODES.map(quoteString).join(', ')}) AND brand IS NOT NULL GROUP BY ALL
)
SELECT p.brand AS phone_brand, count(*) AS later, count(*) FILTER (WHERE a.brand = p.brand) AS same,
	(SELECT count(*) FROM acc WHERE acc.brand = p.brand) AS brand_acc, (SELECT count(*) FROM acc) AS all_acc
FROM phone p JOIN acc a ON a.user_id = p.user_id AND a.t > p.t
GROUP BY p.brand`)
		);
		const withLater = ours.filter((r) => Number(r.later_accessories) > 0);
		expect(withLater.length).toBe(theirs.length);
		for (const t of theirs) {
			const r = withLater.find((o) => o.phone_brand === t.phone_brand)!;
			expect([r.later_accessories, r.same_brand, r.brand_accessories, r.all_accessories]).toEqual([t.later, t.same, t.brand_acc, t.all_acc]);
			if (Number(t.brand_acc) > 0) {
				expect(r.lift as number).toBeCloseTo((Number(t.same) / Number(t.later)) / (Number(t.brand_acc) / Number(t.all_acc)), 12);
			}
		}
	});
});

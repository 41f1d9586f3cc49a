import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basketSection } from '../../../src/lib/analyses/basket';
import {
	ACCESSORY_CODES,
	brandLoyaltyOverallSql,
	brandLoyaltySection,
	brandLoyaltySql,
	brandLoyaltyTopSql
} from '../../../src/lib/analyses/brand-loyalty';
import { WasmTestClient } from '../support/wasm-client';
import { buildBasketStore, materialise } from './h3-fixture';
import { rowsOf, runSection } from './run-section';

// Numbers worked out by hand in h3-fixture.ts (section "Brand loyalty").
const APPLE = {
	phone_brand: 'apple', phone_buyers: 2, accessory_buyers: 2, later_accessories: 2, same_brand: 1,
	observed_share: 0.5, brand_accessories: 2, all_accessories: 6, expected_share: 2 / 6, lift: 1.5
};
const SAMSUNG = {
	phone_brand: 'samsung', phone_buyers: 1, accessory_buyers: 1, later_accessories: 3, same_brand: 2,
	observed_share: 2 / 3, brand_accessories: 2, all_accessories: 6, expected_share: 2 / 6, lift: 2
};

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
	await buildBasketStore(db);
}, 60_000);
afterAll(() => db.close());

describe('brand loyalty on the hand-built log', () => {
	it('per phone brand: later accessories in the phone’s brand against brand popularity', async () => {
		await materialise(db, 'brand_loyalty', brandLoyaltySql());
		// Samsung first: more later accessories. U3's apple headphone of 10-03 predates the apple phone.
		expect(rowsOf(await db.query('SELECT * FROM brand_loyalty'))).toEqual([SAMSUNG, APPLE]);
	});

	it('an accessory bought before the phone is not later, and the same second is not after', async () => {
		const shift = async (time: string) => {
			await db.exec(`CREATE OR REPLACE TABLE basket_items_backup AS FROM basket_items`);
			// U1's samsung phone moves to the time of the first headphone (10:05) or just after it.
			await db.exec(`UPDATE basket_items SET purchased_at = TIMESTAMP '${time}' WHERE session_id = 1 AND product_id = 101`);
			const rows = rowsOf(await db.query(brandLoyaltySql()));
			await db.exec(`CREATE OR REPLACE TABLE basket_items AS FROM basket_items_backup; DROP TABLE basket_items_backup`);
			return rows.find((r) => r.phone_brand === 'samsung');
		};
		expect(await shift('2019-10-01 10:05:00')).toMatchObject({ later_accessories: 2, same_brand: 1, observed_share: 0.5, lift: 1.5 });
		expect(await shift('2019-10-01 10:05:01')).toMatchObject({ later_accessories: 2, same_brand: 1 });
	});

	it('all phone brands together weigh each brand’s expected share by its later accessories', async () => {
		await materialise(db, 'brand_loyalty', brandLoyaltySql());
		const [overall] = rowsOf(await db.query(brandLoyaltyOverallSql()));
		expect(overall).toMatchObject({ later_accessories: 5, same_brand: 3, observed_share: 0.6 });
		expect(overall.expected_share as number).toBeCloseTo(1 / 3, 12);
		expect(overall.lift as number).toBeCloseTo(1.8, 12);
	});

	it('the chart rows: brands with later accessories, most first, with a lift label', async () => {
		await materialise(db, 'brand_loyalty', brandLoyaltySql());
		expect(rowsOf(await db.query(brandLoyaltyTopSql({ limit: '12' }))).map((r) => [r.phone_brand, r.lift_label])).toEqual([
			['samsung', 'lift 2.0'],
			['apple', 'lift 1.5']
		]);
		expect(rowsOf(await db.query(brandLoyaltyTopSql({ limit: '1' }))).map((r) => r.phone_brand)).toEqual(['samsung']);
	});

	it('a phone brand that sells no accessories has no lift and no bar, and other accessory lists can be asked', async () => {
		// Only phone cases: xiaomi makes both; U1 (samsung) and U2 (apple) each buy one later. Equal
		// later counts: more phone buyers first (apple 2, samsung 1).
		await materialise(db, 'brand_loyalty', brandLoyaltySql({ phone: 'electronics.smartphone', accessories: ['electronics.accessories.phone_case'] }));
		const rows = rowsOf(await db.query('SELECT * FROM brand_loyalty'));
		expect(rows.map((r) => [r.phone_brand, r.later_accessories, r.same_brand, r.observed_share, r.expected_share, r.lift])).toEqual([
			['apple', 1, 0, 0, 0, null],
			['samsung', 1, 0, 0, 0, null]
		]);
		// Neither brand sells cases, so the chart has nothing to compare.
		expect(rowsOf(await db.query(brandLoyaltyTopSql({ limit: '12' })))).toEqual([]);
		expect(() => brandLoyaltySql({ phone: 'electronics.smartphone', accessories: [] })).toThrow('invalid accessories: empty list');
	});
});

describe('the brand loyalty section', () => {
	it('parses strictly and runs every cell, alone and after the market basket section', async () => {
		const alone = await runSection(db, brandLoyaltySection());
		expect(alone.cells.filter((c) => c.name !== null).map((c) => `${c.kind}:${c.name}`)).toEqual([
			'sql:brand_loyalty', 'sql:brand_loyalty_overall', 'sql:brand_loyalty_top', 'chart:brand_loyalty_chart'
		]);
		expect(rowsOf(alone.tables.get('brand_loyalty'))).toEqual([SAMSUNG, APPLE]);
		const both = await runSection(db, `${basketSection()}\n\n${brandLoyaltySection()}`);
		expect([...both.tables.keys()]).toEqual([
			'basket_summary', 'basket_pairs', 'basket_top_pairs', 'brand_loyalty', 'brand_loyalty_overall', 'brand_loyalty_top'
		]);
	});

	it('states the accessory list and the definitions it computes', () => {
		const text = brandLoyaltySection();
		expect(text.startsWith('### Brand loyalty\n')).toBe(true);
		for (const code of ACCESSORY_CODES) expect(text).toContain(`\`${code}\``);
		for (const phrase of ['**observed share**', '**expected share** = accessories of brand X / all accessories', '**lift** = observed / expected', 'strictly\nafter']) {
			expect(text).toContain(phrase);
		}
	});
});

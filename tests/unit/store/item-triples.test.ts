// item_triples on a hand-built log small enough to count every triple, pair and item by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradeStore } from '../../../src/lib/ingest/upgrade-store';
import { appendEventsSql, buildStorePlan, ITEM_TRIPLE_COLUMNS, itemTriplesSteps } from '../../../src/lib/store';
import { WasmTestClient } from '../support/wasm-client';
import { objects, rawEvents, resetDatabase, runSteps, scalar } from './store-kit';

type Product = [id: number, code: string | null, brand: string];
// Codes sort as their letters: blender < grill < kettle < mixer < toaster.
const [B, G, K, M, T] = ['kitchen.blender', 'kitchen.grill', 'kitchen.kettle', 'kitchen.mixer', 'kitchen.toaster'];
const KETTLE: Product = [11, K, 'bosch'];
const TOASTER: Product = [12, T, 'bosch'];
const BLENDER: Product = [13, B, 'philips'];
const MIXER: Product = [14, M, 'philips'];
const GRILL: Product = [15, G, 'tefal'];
const TEFAL_PAN: Product = [16, null, 'tefal'];
const SMEG_FRIDGE: Product = [17, null, 'smeg'];

const [U1, U2, U3, U4, U5] = [700000001, 700000002, 700000003, 700000004, 700000005];

/*
 * Purchase sessions (category codes; brands):
 *   s1 U1  kettle, toaster, blender               {B,K,T}      {bosch, philips}
 *   s2 U1  kettle, toaster, blender, mixer, smeg  {B,K,M,T}    {bosch, philips, smeg}
 *   s3 U2  kettle, toaster                        {K,T}        {bosch}
 *   s4 U2  kettle, toaster, blender, mixer, grill {B,G,K,M,T}  {bosch, philips, tefal}
 *   s5 U3  blender, mixer, grill                  {B,G,M}      {philips, tefal}
 *   s6 U3  toaster, blender, tefal pan            {B,T}        {bosch, philips, tefal}
 *   s7 U4  kettle                                 {K}          {bosch}
 *   s8 U5  blender, toaster                       {B,T}        {bosch, philips}
 * User baskets: U1 {B,K,M,T} {bosch, philips, smeg}; U2 {B,G,K,M,T} {bosch, philips, tefal};
 *   U3 {B,G,M,T} {bosch, philips, tefal}; U4 {K} {bosch}; U5 {B,T} {bosch, philips}.
 * Built with the triple cap at 4 items: s4 and U2 (5 codes each) are left out at the category
 * level, from every count; no basket has 5 brands. Triples need 2 baskets (the default).
 */
const SESSIONS: [session: string, user: number, products: Product[]][] = [
	['s1', U1, [KETTLE, TOASTER, BLENDER]],
	['s2', U1, [KETTLE, TOASTER, BLENDER, MIXER, SMEG_FRIDGE]],
	['s3', U2, [KETTLE, TOASTER]],
	['s4', U2, [KETTLE, TOASTER, BLENDER, MIXER, GRILL]],
	['s5', U3, [BLENDER, MIXER, GRILL]],
	['s6', U3, [TOASTER, BLENDER, TEFAL_PAN]],
	['s7', U4, [KETTLE]],
	['s8', U5, [BLENDER, TOASTER]]
];

const EVENTS = SESSIONS.flatMap(([session, user, products], day) =>
	products.map(([id, code, brand], i) => [`2019-10-0${day + 1} 10:0${i}:00`, 'purchase', id, '2053013555631882655', code, brand, 10, user, session])
);

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
}, 60_000);
afterAll(() => db.close());

async function build(options: { maxTripleItems?: number; minPairBaskets?: number } = {}) {
	await resetDatabase(db);
	await runSteps(db, appendEventsSql(rawEvents(EVENTS)));
	await runSteps(db, buildStorePlan({ rows: EVENTS.length, months: ['2019-10'], ...options }));
}

const row = (values: unknown[]) => Object.fromEntries(ITEM_TRIPLE_COLUMNS.map((c, i) => [c.name, values[i]]));
const triples = () => objects(db, `SELECT * FROM item_triples ORDER BY level, item_level, item_a, item_b, item_c`);

describe('item_triples on the hand-built log', () => {
	it('counts each kept triple, its pairs, its items and the baskets, over the baskets the cap keeps', async () => {
		await build({ maxTripleItems: 4 });
		// Columns: level, item_level, a, b, c, baskets, ab, ac, bc, a, b, c, total.
		expect(await triples()).toEqual(
			[
				// Sessions, brands (none capped, N = 8): bosch s1 s2 s3 s4 s6 s7 s8 = 7, philips s1 s2 s4 s5 s6 s8 = 6,
				// tefal s4 s5 s6 = 3; all three in s4 s6 = 2; bosch+philips s1 s2 s4 s6 s8 = 5, bosch+tefal s4 s6 = 2,
				// philips+tefal s4 s5 s6 = 3. {bosch, philips, smeg} is in s2 only: dropped.
				['session', 'brand', 'bosch', 'philips', 'tefal', 2, 5, 2, 3, 7, 6, 3, 8],
				// Sessions, codes (s4 left out, N = 7): B s1 s2 s5 s6 s8 = 5, K s1 s2 s3 s7 = 4, T s1 s2 s3 s6 s8 = 5;
				// BKT in s1 s2 = 2; BK s1 s2 = 2, BT s1 s2 s6 s8 = 4, KT s1 s2 s3 = 3. BKM, BMT, KMT (s2) and BGM (s5)
				// are in one basket each: dropped (with s4 counted they would have 2).
				['session', 'category_code', B, K, T, 2, 2, 4, 3, 5, 4, 5, 7],
				// Users, brands (none capped, N = 5): bosch U1-U5 = 5, philips U1 U2 U3 U5 = 4, tefal U2 U3 = 2;
				// all three in U2 U3 = 2; bosch+philips U1 U2 U3 U5 = 4, bosch+tefal 2, philips+tefal 2.
				// {bosch, philips, smeg} is in U1 only: dropped.
				['user', 'brand', 'bosch', 'philips', 'tefal', 2, 4, 2, 2, 5, 4, 2, 5],
				// Users, codes (U2 left out, N = 4: U1 U3 U4 U5): B U1 U3 U5 = 3, M U1 U3 = 2, T U1 U3 U5 = 3;
				// BMT in U1 U3 = 2; BM U1 U3 = 2, BT U1 U3 U5 = 3, MT U1 U3 = 2. U1's BKM BKT KMT and U3's BGM BGT
				// GMT are in one basket each: dropped.
				['user', 'category_code', B, M, T, 2, 2, 3, 2, 3, 2, 3, 4]
			].map(row)
		);
	});

	it('counts a basket once the cap admits it: at 5 items, s4 and U2 join every count', async () => {
		await build({ maxTripleItems: 5 });
		const rows = await objects(db, `SELECT * FROM item_triples WHERE level = 'session' AND item_level = 'category_code' ORDER BY item_a, item_b, item_c`);
		// N = 8. Items: B s1 s2 s4 s5 s6 s8 = 6, G s4 s5 = 2, K s1 s2 s3 s4 s7 = 5, M s2 s4 s5 = 3, T s1 s2 s3 s4 s6 s8 = 6.
		// Pairs: BG s4 s5 = 2, BK s1 s2 s4 = 3, BM s2 s4 s5 = 3, BT s1 s2 s4 s6 s8 = 5, GM s4 s5 = 2,
		// KM s2 s4 = 2, KT s1 s2 s3 s4 = 4, MT s2 s4 = 2.
		// Triples in 2 baskets or more: BGM s4 s5, BKM s2 s4, BKT s1 s2 s4, BMT s2 s4, KMT s2 s4
		// (BGK, BGT, GKM, GKT, GMT are in s4 only).
		expect(rows).toEqual(
			[
				['session', 'category_code', B, G, M, 2, 2, 3, 2, 6, 2, 3, 8],
				['session', 'category_code', B, K, M, 2, 3, 3, 2, 6, 5, 3, 8],
				['session', 'category_code', B, K, T, 3, 3, 5, 4, 6, 5, 6, 8],
				['session', 'category_code', B, M, T, 2, 3, 5, 2, 6, 3, 6, 8],
				['session', 'category_code', K, M, T, 2, 2, 4, 2, 5, 3, 6, 8]
			].map(row)
		);
	});

	it('keeps a triple seen once when the store keeps pairs seen once', async () => {
		await build({ maxTripleItems: 4, minPairBaskets: 1 });
		// Sessions, brands: {bosch, philips, tefal} in s4 s6 and {bosch, philips, smeg} in s2 alone
		// (smeg s2 = 1, bosch+smeg = philips+smeg = 1).
		expect(await objects(db, `SELECT * FROM item_triples WHERE level = 'session' AND item_level = 'brand' ORDER BY ALL`)).toEqual(
			[
				['session', 'brand', 'bosch', 'philips', 'smeg', 1, 5, 1, 1, 7, 6, 1, 8],
				['session', 'brand', 'bosch', 'philips', 'tefal', 2, 5, 2, 3, 7, 6, 3, 8]
			].map(row)
		);
		// Sessions, codes: BKT (s1 s2), BKM BMT KMT (s2), BGM (s5); users, codes: U1's 4 and U3's 4, BMT shared: 7.
		expect(await scalar(db, `SELECT count(*) FROM item_triples WHERE item_level = 'category_code' AND level = 'session'`)).toBe(5);
		expect(await scalar(db, `SELECT count(*) FROM item_triples WHERE item_level = 'category_code' AND level = 'user'`)).toBe(7);
	});

	it('is added to a finished store that lacks it, with the min_pair_baskets the store was built with', async () => {
		await build({ minPairBaskets: 1 });
		await db.exec(`CREATE TABLE built AS SELECT * FROM item_triples; DROP TABLE item_triples`);
		expect(await upgradeStore(db)).toEqual([
			'item_triples session category_code', 'item_triples session brand', 'item_triples user category_code', 'item_triples user brand'
		]);
		expect(await scalar(db, `SELECT count(*) FROM built`)).toBeGreaterThan(await scalar(db, `SELECT count(*) FROM built WHERE baskets >= 2`) as number);
		expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM built EXCEPT ALL SELECT * FROM item_triples)`)).toBe(0);
		expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM item_triples EXCEPT ALL SELECT * FROM built)`)).toBe(0);
	});

	it('rejects a cap below 3 items and a minimum below 1', () => {
		const ctx = { schema: 'main', partitions: 1, months: [], windows: [] };
		expect(() => itemTriplesSteps(ctx, { maxItems: 2, minBaskets: 2 })).toThrow('invalid maxTripleItems: 2');
		expect(() => itemTriplesSteps(ctx, { maxItems: 25, minBaskets: 0 })).toThrow('invalid minTripleBaskets: 0');
	});
});

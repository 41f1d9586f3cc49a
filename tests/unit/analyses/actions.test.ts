import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alsoBoughtItemsSql, alsoBoughtSql, audienceMembersSql, audienceSummarySql, audienceUsersSql, AUDIENCES, bundlesSql } from '../../../src/lib/analyses/actions';
import { WasmTestClient } from '../support/wasm-client';
import { buildBasketStore, C, H, materialise, S, T } from './h3-fixture';
import { rowsOf } from './run-section';

// Pair counts worked out by hand in h3-fixture.ts.

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
	await buildBasketStore(db);
	await materialise(db, 'also_bought_items', alsoBoughtItemsSql());
}, 60_000);
afterAll(() => db.close());

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function alsoBought(item: string, basket: string, minPairs = 1) {
	return rowsOf(await db.query(alsoBoughtSql({ item: q(item), basket: q(basket), minPairs: String(minPairs) })));
}

/** [partner, baskets_ab, baskets_item, baskets_partner, N] → the row's counts and ratios. */
function expectPartners(rows: Record<string, unknown>[], want: [string, number, number, number, number][]) {
	expect(rows.map((r) => [r.partner, r.baskets_ab, r.baskets_item, r.baskets_partner, r.total_baskets])).toEqual(want);
	rows.forEach((row, i) => {
		const [, ab, x, y, n] = want[i];
		expect(row.support as number).toBeCloseTo(ab / n, 12);
		expect(row.confidence as number).toBeCloseTo(ab / x, 12);
		expect(row.lift as number).toBeCloseTo((ab * n) / (x * y), 12);
	});
}

describe('also bought on the hand-built log', () => {
	it('lists a category’s partners in purchase sessions ranked by lift, with support, confidence and lift', async () => {
		// H is in 4 of the 6 sessions with a code: with T in s4 (T in 1) → lift 1·6/(4·1) = 1.5;
		// with S in s1, s2 (S in 4) → 2·6/(4·4) = 0.75; with C in s2 (C in 2) → 1·6/(4·2) = 0.75.
		const rows = await alsoBought(`category:${H}`, 'session');
		expectPartners(rows, [
			[T, 1, 4, 1, 6],
			[S, 2, 4, 4, 6],
			[C, 1, 4, 2, 6]
		]);
		expect(rows.every((r) => r.level === 'category' && r.basket === 'session' && r.item === H)).toBe(true);
		expect(Object.keys(rows[0]).slice(0, 10)).toEqual(['level', 'basket', 'item', 'partner', 'partner_brand', 'partner_category', 'baskets_ab', 'support', 'confidence', 'lift']);
	});

	it('keeps only partners in at least the minimum pair count of baskets', async () => {
		expectPartners(await alsoBought(`category:${H}`, 'session', 2), [[S, 2, 4, 4, 6]]);
	});

	it('answers for brands and for customers (user baskets)', async () => {
		// apple is in 4 of 6 sessions; with lg once (lg in 1) → 1.5, with xiaomi once (in 2) → 0.75.
		expectPartners(await alsoBought('brand:apple', 'session'), [
			['lg', 1, 4, 1, 6],
			['xiaomi', 1, 4, 2, 6]
		]);
		// Users: U1 {S,H,C}, U2 {S,C}, U3 {T,H,S}. T's only buyer U3 also bought H (2 users) and S (3).
		expectPartners(await alsoBought(`category:${T}`, 'user'), [
			[H, 1, 1, 2, 3],
			[S, 1, 1, 3, 3]
		]);
	});

	it('shows a product partner’s brand and category beside its id', async () => {
		// 101 and 201 were bought together in s1 and s2, each in those 2 of 7 sessions: lift 2·7/(2·2) = 3.5.
		const rows = await alsoBought('product:101', 'session');
		expectPartners(rows, [['201', 2, 2, 2, 7]]);
		expect(rows[0]).toMatchObject({ partner_brand: 'samsung', partner_category: H, item_brand: 'samsung', item_category: S, partner_label: '201 samsung headphone' });
	});

	it('uses the most bought product when no item is chosen', async () => {
		const top = rowsOf(await db.query('SELECT product_id FROM products ORDER BY purchases DESC, product_id LIMIT 1'))[0].product_id;
		const rows = await alsoBought('', 'session');
		expect(rows.length).toBeGreaterThan(0);
		expect(new Set(rows.map((r) => r.item))).toEqual(new Set([String(top)]));
	});

	it('lists every bought product, category and brand as a choice, most bought first', async () => {
		const items = rowsOf(await db.query('SELECT * FROM also_bought_items'));
		const direct = rowsOf(await db.query(`SELECT
			(SELECT count(*) FROM products WHERE purchases > 0) AS products,
			(SELECT count(DISTINCT category_code) FROM products WHERE purchases > 0) AS categories,
			(SELECT count(DISTINCT brand) FROM products WHERE purchases > 0) AS brands`))[0];
		const count = (level: string) => BigInt(items.filter((r) => r.level === level).length);
		expect([count('product'), count('category'), count('brand')]).toEqual([direct.products, direct.categories, direct.brands].map((n) => BigInt(n as number)));
		const purchases = items.map((r) => Number(r.purchases));
		expect(purchases).toEqual([...purchases].sort((a, b) => b - a));
		// Smartphones were bought in s1 and s2 (101), s3 and s5 (102).
		expect(items.find((r) => r.value === `category:${S}`)).toMatchObject({ label: `category ${S} (4 purchases)` });
	});

	it('names the problem of an item or basket it cannot read', async () => {
		await expect(alsoBought('shelf:9', 'session')).rejects.toThrow(/invalid item "shelf:9".*product:<id>, category:<code> or brand:<name>/);
		await expect(alsoBought(`category:${S}`, 'cart')).rejects.toThrow(/invalid basket "cart": use session or user/);
	});
});

describe('audiences on a hand-built set of users', () => {
	// Five users as of a cut on 1 Nov; their November purchases are in user_days.
	beforeAll(async () => {
		await db.exec(`CREATE OR REPLACE TABLE users_at_cut AS SELECT * FROM (VALUES
			(1, 'At risk', 40, 2, 300.0, 1),
			(2, 'Can''t lose them', 30, 4, 1000.0, 0),
			(3, 'Champions', 2, 5, 500.0, 1),
			(4, 'No purchase yet', 1, 0, 0.0, 0),
			(5, 'Lost', 60, 1, 10.0, 0)
		) t(user_id, rfm_segment, days_since_last_event, purchases, spend, label)`);
		await db.exec(`CREATE OR REPLACE TABLE scores_at_cut AS SELECT * FROM (VALUES
			(1, 0.5, 1), (2, 0.1, 6), (3, 0.9, 1), (4, 0.2, 1), (5, 0.3, 2)
		) t(user_id, score, decile)`);
		// User 3 bought two smartphones and a TV before the cut (and a TV twice after it, not counted).
		await db.exec(`INSERT INTO basket_items BY NAME SELECT * FROM (VALUES
			(90001, 3, 101, 'electronics.smartphone', TIMESTAMP '2019-10-10 10:00:00'),
			(90002, 3, 102, 'electronics.smartphone', TIMESTAMP '2019-10-12 10:00:00'),
			(90002, 3, 401, 'electronics.video.tv', TIMESTAMP '2019-10-12 10:01:00'),
			(90003, 3, 401, 'electronics.video.tv', TIMESTAMP '2019-11-02 10:00:00'),
			(90004, 3, 401, 'electronics.video.tv', TIMESTAMP '2019-11-03 10:00:00')
		) t(session_id, user_id, product_id, category_code, purchased_at)`);
		await db.exec(`CREATE OR REPLACE TABLE user_days_backup AS SELECT * FROM user_days`);
		await db.exec(`CREATE OR REPLACE TABLE user_days AS SELECT * FROM (VALUES
			(1, DATE '2019-11-03', 1, 120.0), (3, DATE '2019-11-20', 2, 80.0), (3, DATE '2019-12-02', 1, 999.0)
		) t(user_id, day, purchases, revenue)`);
	});
	afterAll(async () => {
		await db.exec('CREATE OR REPLACE TABLE user_days AS SELECT * FROM user_days_backup');
	});

	const window = { cut: `DATE '2019-11-01'`, end: `DATE '2019-12-01'` };

	it('puts each user in the first audience whose rule takes them, by score decile among peers, with expected value = score × spend per purchase', async () => {
		await materialise(db, 'audience_members', audienceMembersSql({ users: 'users_at_cut', scores: 'scores_at_cut', ...window }));
		const members = rowsOf(await db.query('SELECT * FROM audience_members ORDER BY user_id'));
		// Buyers by score: 3 (0.9), 1 (0.5), 5 (0.3), 2 (0.1) → peer deciles 1, 2, 3, 4 (NTILE(10) of
		// four); user 4 alone among non-buyers → 1. So at-risk user 1 is likely to return, user 2 not.
		expect(members.map((m) => [m.user_id, Number(m.peer_decile)])).toEqual([[1, 2], [2, 4], [3, 1], [4, 1]]);
		// All purchases before the cut: 12 for 1,810 → 150.833… a purchase, user 4's spend per purchase.
		const all = 1810 / 12;
		expect(members.map((m) => [m.user_id, m.audience, m.expected_value, m.bought_after, Number(m.revenue_after)])).toEqual([
			[1, 'At risk, likely to return', 0.5 * 150, 1, 120],
			[2, 'At risk, unlikely to return', 0.1 * 250, 0, 0],
			[3, 'Champions', 0.9 * 100, 1, 80],
			[4, 'Browsers likely to buy', 0.2 * all, 0, 0]
		]);
		// User 5 (Lost) is in no audience.
		// User 3's favourite before the cut is the smartphone (2 against the TV's 1). Among customers
		// (h3-fixture.ts) its partners all have lift 1: headphone and phone case in 2 baskets each,
		// the TV in 1; the tie goes to the name first in order, the phone case.
		expect(members.map((m) => [m.user_id, m.favourite_category])).toEqual([
			[1, null],
			[2, null],
			[3, S],
			[4, null]
		]);
		const champions = rowsOf(await db.query(audienceUsersSql({ audience: q('Champions'), minPairs: '1' })));
		expect(champions.map((u) => [u.user_id, u.favourite_category, u.cross_sell])).toEqual([[3, S, C]]);
		// In at least 3 baskets, no pair of the smartphone's is left: no cross-sell to offer.
		const fewer = rowsOf(await db.query(audienceUsersSql({ audience: q('Champions'), minPairs: '3' })));
		expect(fewer.map((u) => [u.user_id, u.cross_sell])).toEqual([[3, null]]);
	});

	it('sums each audience, every audience listed, and its user list has its size', async () => {
		const summary = rowsOf(await db.query(audienceSummarySql()));
		expect(summary.map((r) => r.audience)).toEqual(AUDIENCES.map((a) => a.name));
		expect(summary.map((r) => Number(r.users))).toEqual([1, 1, 1, 0, 0, 1, 0]);
		expect(summary[0]).toMatchObject({ expected_buyers: 0.5, expected_value: 75 });
		const users = rowsOf(await db.query(audienceUsersSql({ audience: q('Champions'), minPairs: '1' })));
		expect(users.map((u) => u.user_id)).toEqual([3]);
		await expect(db.query(audienceUsersSql({ audience: q('VIPs'), minPairs: '1' }))).rejects.toThrow(/unknown audience "VIPs"; expected one of At risk, likely to return, /);
	});

	it('without a model, forms the audiences from recency and frequency only', async () => {
		await materialise(db, 'audience_members', audienceMembersSql({ users: 'users_at_cut', ...window }));
		const members = rowsOf(await db.query('SELECT * FROM audience_members ORDER BY user_id'));
		// Both at-risk users win back; user 4 last acted a day before the cut: a recent browser.
		expect(members.map((m) => [m.user_id, m.audience, m.score, m.expected_value])).toEqual([
			[1, 'At risk, likely to return', null, null],
			[2, 'At risk, likely to return', null, null],
			[3, 'Champions', null, null],
			[4, 'Browsers likely to buy', null, null]
		]);
	});
});

describe('bundles from stored triples', () => {
	// Two triples as the store counts them (tests/unit/store/item-triples.test.ts has them by hand).
	// Columns: level, item_level, a, b, c, baskets, ab, ac, bc, a, b, c, total.
	beforeAll(async () => {
		await db.exec(`CREATE OR REPLACE TABLE item_triples AS SELECT * FROM (VALUES
			('session', 'brand', 'bosch', 'philips', 'tefal', 2, 5, 2, 3, 7, 6, 3, 8),
			('user', 'category_code', 'kitchen.blender', 'kitchen.mixer', 'kitchen.toaster', 2, 2, 3, 2, 3, 2, 3, 4)
		) t(level, item_level, item_a, item_b, item_c, baskets, baskets_ab, baskets_ac, baskets_bc, baskets_a, baskets_b, baskets_c, total_baskets)`);
	});
	const bundles = async (itemLevel: string, basket: string, minBaskets = 2) =>
		rowsOf(await db.query(bundlesSql({ itemLevel: q(itemLevel), basket: q(basket), minBaskets: String(minBaskets) })));

	it('gives support, lift and the best add-on with its attach rate and lift', async () => {
		// bosch + philips + tefal in 2 of 8 sessions: support 1/4, lift 2·8²/(7·6·3) = 128/126.
		// Attach rates: tefal to {bosch, philips} 2/5, philips to {bosch, tefal} 2/2, bosch to
		// {philips, tefal} 2/3: philips is the add-on, its lift 1 / (6/8) = 4/3.
		const [brands] = await bundles('brand', 'session');
		expect(brands).toMatchObject({ bundle: 'bosch + philips + tefal', baskets: 2, add_on: 'philips' });
		expect(brands.support as number).toBeCloseTo(0.25, 12);
		expect(brands.lift as number).toBeCloseTo(128 / 126, 12);
		expect(brands.attach_rate as number).toBeCloseTo(1, 12);
		expect(brands.add_on_lift as number).toBeCloseTo(4 / 3, 12);
	});

	it('breaks a tie between add-ons by name, and keeps only bundles in enough baskets', async () => {
		// blender + mixer + toaster in 2 of 4 users: lift 2·4²/(3·2·3) = 16/9. Toaster to {blender,
		// mixer} 2/2 and blender to {mixer, toaster} 2/2 tie; mixer to {blender, toaster} 2/3.
		const [codes] = await bundles('category_code', 'user');
		expect(codes).toMatchObject({ bundle: 'kitchen.blender + kitchen.mixer + kitchen.toaster', add_on: 'kitchen.blender', attach_rate: 1 });
		expect(codes.lift as number).toBeCloseTo(16 / 9, 12);
		expect(codes.add_on_lift as number).toBeCloseTo(4 / 3, 12);
		expect(await bundles('category_code', 'user', 3)).toEqual([]);
		await expect(bundles('product', 'user')).rejects.toThrow(/invalid bundle level "product": use category_code or brand/);
	});
});

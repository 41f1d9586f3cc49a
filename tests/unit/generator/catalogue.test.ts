import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandNames, catalogueStatements } from '../../../src/lib/generator/catalogue';
import { CODES } from '../../../src/lib/generator/catalogue-spec';
import { HASH_MACROS, seedConstant } from '../../../src/lib/generator/hash';
import { openNative, rows } from './native';

describe('generator catalogue', () => {
	let db: Awaited<ReturnType<typeof openNative>>;
	beforeAll(async () => {
		db = await openNative();
		for (const sql of HASH_MACROS) await db.conn.run(sql);
		for (const s of catalogueStatements(seedConstant(42))) await db.conn.run(s.sql);
	});
	afterAll(() => db.close());

	it('has the real data set’s catalogue sizes at every scale', async () => {
		const [r] = await rows(db.conn, `SELECT count(*) AS products, count(DISTINCT product_id) AS ids,
			count(DISTINCT category_id) AS categories, count(DISTINCT category_code) AS codes, count(DISTINCT brand) AS brands
			FROM gen_products`);
		expect(r).toEqual({ products: 206_876, ids: 206_876, categories: 691, codes: 129, brands: 4_303 });
	});

	it('uses 19-digit category ids and 2–4 level category codes', async () => {
		const bad = await rows(db.conn, `SELECT category_id FROM gen_categories WHERE length(category_id::VARCHAR) <> 19`);
		expect(bad).toEqual([]);
		for (const c of CODES) expect(c.code).toMatch(/^[a-z_]+(\.[a-z_]+){1,3}$/);
		expect(new Set(CODES.map((c) => c.code)).size).toBe(129);
	});

	it('prices products log-normally within (0, 2,574.07]', async () => {
		const [r] = await rows(db.conn, `SELECT min(price_cents) AS lo, max(price_cents) AS hi,
			median(price_cents) FILTER (WHERE category_code = 'electronics.smartphone') AS phone,
			median(price_cents) FILTER (WHERE category_code = 'electronics.accessories.phone_case') AS case_
			FROM gen_products`);
		expect(r.lo).toBeGreaterThan(0);
		expect(r.hi).toBe(257407);
		expect(r.phone as number).toBeGreaterThan(10 * (r.case_ as number));
	});

	it('names every brand once', () => {
		const names = brandNames();
		expect(names).toHaveLength(4303);
		expect(new Set(names).size).toBe(4303);
		expect(names.slice(0, 4)).toEqual(['samsung', 'apple', 'xiaomi', 'huawei']);
	});
});

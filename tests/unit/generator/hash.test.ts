import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASH_MACROS, mix32, seedConstant, u } from '../../../src/lib/generator/hash';
import { openNative, rows } from './native';

describe('generator hash', () => {
	let db: Awaited<ReturnType<typeof openNative>>;
	beforeAll(async () => {
		db = await openNative();
		for (const sql of HASH_MACROS) await db.conn.run(sql);
	});
	afterAll(() => db.close());

	it('computes the same 32-bit mix in SQL as in JS, without overflow at the extremes', async () => {
		const inputs = [0, 1, 2, 42, 65535, 65536, 2654435769, 4294967294, 4294967295];
		const got = await rows(db.conn, `SELECT x, gen_h(x) AS h FROM (VALUES ${inputs.map((x) => `(${x}::BIGINT)`).join(', ')}) t(x) ORDER BY x`);
		expect(got.map((r) => r.h)).toEqual(inputs.map(mix32));
	});

	it('draws uniforms in [0, 1) that look uniform', async () => {
		const [r] = await rows(db.conn, `SELECT min(v) AS lo, max(v) AS hi, avg(v) AS mean, count(DISTINCT floor(v * 10)) AS deciles
			FROM (SELECT ${u('i', 3)} AS v FROM range(100000) t(i))`);
		expect(r.lo).toBeGreaterThanOrEqual(0);
		expect(r.hi).toBeLessThan(1);
		expect(Math.abs((r.mean as number) - 0.5)).toBeLessThan(0.01);
		expect(r.deciles).toBe(10);
	});

	it('rejects seeds that are not 32-bit unsigned integers', () => {
		expect(() => seedConstant(-1)).toThrow(/invalid seed/);
		expect(() => seedConstant(1.5)).toThrow(/invalid seed/);
		expect(() => seedConstant(2 ** 32)).toThrow(/invalid seed/);
		expect(seedConstant(42)).not.toBe(seedConstant(43));
	});
});

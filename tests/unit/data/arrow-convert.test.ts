import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigintToValue, decimalToValue, int128ToBigInt, safeInt128 } from '../../../src/lib/data/arrow-convert';
import { WasmTestClient } from '../support/wasm-client';

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
});
afterAll(() => db.close());

describe('Arrow results from DuckDB-WASM', () => {
	it('keeps 64-bit integers exact: numbers when safe, strings beyond 2^53', async () => {
		const r = await db.query(`SELECT 42::BIGINT a, 9007199254740993::BIGINT b, 2053013555631882655::BIGINT c, 18446744073709551615::UBIGINT d, -5::BIGINT e`);
		expect(r.rows[0]).toEqual([42, '9007199254740993', '2053013555631882655', '18446744073709551615', -5]);
		expect(r.columns.map((c) => c.type)).toEqual(['BIGINT', 'BIGINT', 'BIGINT', 'UBIGINT', 'BIGINT']);
		expect(r.columns.every((c) => c.kind === 'number')).toBe(true);
	});

	it('converts DECIMAL and HUGEINT sums to exact values', async () => {
		const r = await db.query(
			`SELECT 1.25::DECIMAL(10,2) a, -0.05::DECIMAL(10,2) b, sum(x) h, 123456789012345678.1234::DECIMAL(38,4) big
			 FROM (VALUES (9223372036854775807::BIGINT), (10::BIGINT)) t(x)`
		);
		expect(r.rows[0]).toEqual([1.25, -0.05, '9223372036854775817', '123456789012345678.1234']);
		expect(r.columns[0].type).toBe('DECIMAL(10,2)');
		expect(r.columns[2].type).toBe('DECIMAL(38,0)');
	});

	it('reads DECIMAL values around 2^53 and past 2^64, either sign, exactly', async () => {
		const values = ['0', '1', '-1', '4294967295', '4294967296', '-4294967296', '9007199254740991', '-9007199254740991',
			'9007199254740992', '-9007199254740992', '18446744073709551616', '-18446744073709551616', '-123456789012345678901234567890'];
		// The same unscaled integers with three digits after the point (decimal products are exact).
		const r = await db.query(`SELECT ${values.map((v, i) => `${v}::DECIMAL(38,0) c${i}, ${v}::DECIMAL(38,0) * 0.001 d${i}`).join(', ')}`);
		expect(r.columns[1].type).toBe('DECIMAL(38,3)');
		const expected = values.flatMap((v) => [decimalToValue(BigInt(v), 0), decimalToValue(BigInt(v), 3)]);
		expect(r.rows[0]).toEqual(expected);
		expect(r.rows[0].slice(-2)).toEqual(['-123456789012345678901234567890', '-123456789012345678901234567.890']);
	});

	it('turns DATE and TIMESTAMP into UTC Dates', async () => {
		const r = await db.query(`SELECT DATE '2019-10-01' d, TIMESTAMP '2019-11-17 08:09:10' ts, TIME '12:00:01' t`);
		const [d, ts, t] = r.rows[0];
		expect((d as Date).toISOString()).toBe('2019-10-01T00:00:00.000Z');
		expect((ts as Date).toISOString()).toBe('2019-11-17T08:09:10.000Z');
		expect(t).toBe('12:00:01');
		expect(r.columns.map((c) => c.kind)).toEqual(['date', 'timestamp', 'time']);
	});

	it('converts nulls, enums, lists and structs recursively', async () => {
		await db.exec(`CREATE TYPE IF NOT EXISTS event_kind AS ENUM ('view', 'cart', 'purchase')`);
		const r = await db.query(
			`SELECT NULL::INTEGER n, 'cart'::event_kind e, [1, 2, NULL] l, {'id': 2053013555631882655::BIGINT, 'p': 1.5::DOUBLE} s, true b`
		);
		expect(r.rows[0]).toEqual([null, 'cart', [1, 2, null], { id: '2053013555631882655', p: 1.5 }, true]);
		expect(r.columns.map((c) => c.type)).toEqual(['INTEGER', 'ENUM', 'INTEGER[]', 'STRUCT', 'BOOLEAN']);
	});
});

describe('scalar conversion rules', () => {
	it('bigintToValue switches to strings exactly past MAX_SAFE_INTEGER', () => {
		expect(bigintToValue(9007199254740991n)).toBe(9007199254740991);
		expect(bigintToValue(9007199254740992n)).toBe('9007199254740992');
		expect(bigintToValue(-9007199254740992n)).toBe('-9007199254740992');
	});

	it('reads 128-bit words: safe integers as numbers, anything exactly as a BigInt', () => {
		const words = (v: bigint) => {
			const u = BigInt.asUintN(128, v);
			return Uint32Array.from([0, 1, 2, 3], (i) => Number((u >> BigInt(32 * i)) & 0xffffffffn));
		};
		const safe = [0n, 1n, -1n, 2n ** 32n, -(2n ** 32n), 2n ** 53n - 1n, -(2n ** 53n - 1n), 123456789012n, -98765432109n];
		const unsafe = [2n ** 53n, -(2n ** 53n), 2n ** 64n, -(2n ** 64n), -(2n ** 64n) * 1000n, 2n ** 127n - 1n, -(2n ** 127n)];
		for (const v of safe) expect(safeInt128(words(v))).toBe(Number(v));
		for (const v of unsafe) expect(safeInt128(words(v))).toBeNull();
		for (const v of [...safe, ...unsafe]) expect(int128ToBigInt(words(v))).toBe(v);
	});

	it('decimalToValue places the point by scale, including leading zeros', () => {
		expect(decimalToValue(5n, 2)).toBe(0.05);
		expect(decimalToValue(-123n, 1)).toBe(-12.3);
		expect(decimalToValue(12345678901234567890n, 2)).toBe('123456789012345678.90');
		expect(decimalToValue(-5n, 0)).toBe(-5);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmTestClient } from '../support/wasm-client';

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
});
afterAll(() => db.close());

describe('columns as typed arrays', () => {
	it('read each numeric type into its typed array, NULL floats as NaN, over many batches', async () => {
		const cols = await db.readColumns(
			`SELECT i::INTEGER AS i, i::BIGINT * 1000 AS big, CASE WHEN i % 7 = 0 THEN NULL ELSE i / 2 END::FLOAT AS f,
				(i / 4)::DOUBLE AS d, (i % 2 = 0) AS even, (i % 3)::UTINYINT AS u FROM range(100000) t(i) ORDER BY i`
		);
		expect(cols.names).toEqual(['i', 'big', 'f', 'd', 'even', 'u']);
		expect(cols.rows).toBe(100_000);
		const [i, big, f, d, even, u] = cols.arrays;
		expect([i, big, f, d, even, u].map((a) => a.constructor.name)).toEqual(['Int32Array', 'Float64Array', 'Float32Array', 'Float64Array', 'Uint8Array', 'Uint8Array']);
		expect([i[99_999], big[99_999], f[99_999], d[3], even[4], even[5], u[5]]).toEqual([99_999, 99_999_000, 49_999.5, 0.75, 1, 0, 2]);
		expect([Number.isNaN(f[0]), Number.isNaN(f[70_000]), Number.isNaN(f[70_001])]).toEqual([true, true, false]);
	});

	it('refuse a text column and NULL in an integer column, naming the column and the fix', async () => {
		await expect(db.readColumns(`SELECT 'a' AS name`)).rejects.toThrow('column name is Utf8: cast it to a number');
		await expect(db.readColumns(`SELECT NULL::INTEGER AS n`)).rejects.toThrow('column n has NULLs: cast it to FLOAT or DOUBLE');
	});

	it('write typed arrays as a table that reads back equal', async () => {
		await db.exec('CREATE SCHEMA IF NOT EXISTS nb');
		const columns = { names: ['id', 'score', 'decile'], arrays: [new Int32Array([5, 6, 7]), new Float32Array([0.5, 0.25, 0.125]), new Uint8Array([1, 2, 3])], rows: 3 };
		await db.writeColumns('nb', 'scores', columns);
		await db.writeColumns('nb', 'scores', columns); // replaces, never appends
		const back = await db.query('SELECT * FROM nb.scores ORDER BY id');
		expect(back.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['id INTEGER', 'score FLOAT', 'decile UTINYINT']);
		expect(back.rows).toEqual([[5, 0.5, 1], [6, 0.25, 2], [7, 0.125, 3]]);
	});
});

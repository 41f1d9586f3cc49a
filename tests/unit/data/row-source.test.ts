import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareValues, localRowSource, sortRows, tableRowSource } from '../../../src/lib/data/row-source';
import type { ColumnInfo } from '../../../src/lib/data/value';
import { WasmTestClient } from '../support/wasm-client';

const cols: ColumnInfo[] = [
	{ name: 'id', type: 'BIGINT', kind: 'number' },
	{ name: 'name', type: 'VARCHAR', kind: 'string' }
];

describe('sorting in memory', () => {
	it('compares exact big-integer strings as numbers, not text', () => {
		expect(compareValues('9007199254740993', '9007199254740992')).toBe(1);
		expect(compareValues('10', '9')).toBeGreaterThan(0);
		expect(compareValues(5, '9007199254740993')).toBeLessThan(0);
	});

	it('sorts stably with nulls last in both directions', () => {
		const rows = [[3, 'c'], [null, 'n'], [1, 'a'], [3, 'c2']];
		expect(sortRows(rows, { column: 0, descending: false }).map((r) => r[1])).toEqual(['a', 'c', 'c2', 'n']);
		expect(sortRows(rows, { column: 0, descending: true }).map((r) => r[1])).toEqual(['c', 'c2', 'a', 'n']);
	});

	it('has every window of a local source at hand, sorted', () => {
		const source = localRowSource(cols, [[2, 'b'], [1, 'a'], [3, 'c']]);
		expect(source.rowsAtHand(0, 2, { column: 0, descending: false })).toEqual([[1, 'a'], [2, 'b']]);
	});

	it('pages a sorted local source', async () => {
		const source = localRowSource(cols, [[2, 'b'], [1, 'a'], [3, 'c']]);
		expect(await source.rows(1, 2, { column: 0, descending: true })).toEqual([[2, 'b'], [1, 'a']]);
		expect(await source.rows(0, 1, null)).toEqual([[2, 'b']]);
	});
});

describe('paging a table from DuckDB', () => {
	let db: WasmTestClient;
	beforeAll(async () => {
		db = await WasmTestClient.open();
		await db.exec(`CREATE TABLE t AS SELECT i AS id, 'n' || i AS name FROM range(1000) r(i)`);
	});
	afterAll(() => db.close());

	it('fetches a window in ORDER BY order without loading the rest', async () => {
		const source = tableRowSource(db, 'main', 't', cols, 1000, []);
		const rows = await source.rows(10, 3, { column: 0, descending: true });
		expect(rows).toEqual([[989, 'n989'], [988, 'n988'], [987, 'n987']]);
		expect(db.statements.at(-1)).toMatch(/ORDER BY "id" DESC NULLS LAST LIMIT 3 OFFSET 10/);
	});

	it('serves the first screen from the preview without a query', async () => {
		const preview = [[0, 'n0'], [1, 'n1']];
		const source = tableRowSource(db, 'main', 't', cols, 1000, preview);
		const before = db.statements.length;
		expect(await source.rows(0, 2, null)).toEqual(preview);
		expect(db.statements.length).toBe(before);
	});

	it('has at hand exactly the rows it can serve without a query', () => {
		const before = db.statements.length;
		const partial = tableRowSource(db, 'main', 't', cols, 1000, [[0, 'n0'], [1, 'n1']]);
		expect(partial.rowsAtHand(0, 2, null)).toEqual([[0, 'n0'], [1, 'n1']]);
		expect(partial.rowsAtHand(0, 200, null)).toBeNull();
		expect(partial.rowsAtHand(0, 2, { column: 0, descending: true })).toBeNull();
		const whole = tableRowSource(db, 'main', 't', cols, 2, [[0, 'n0'], [1, 'n1']]);
		expect(whole.rowsAtHand(0, 200, null)).toEqual([[0, 'n0'], [1, 'n1']]);
		expect(db.statements.length).toBe(before);
	});

	it('serves any window of a result the preview holds whole without a query', async () => {
		const preview = [[0, 'n0'], [1, 'n1'], [2, 'n2']];
		const source = tableRowSource(db, 'main', 't', cols, 3, preview);
		const before = db.statements.length;
		expect(await source.rows(0, 200, null)).toEqual(preview);
		expect(await source.rows(2, 200, null)).toEqual([[2, 'n2']]);
		expect(db.statements.length).toBe(before);
	});
});

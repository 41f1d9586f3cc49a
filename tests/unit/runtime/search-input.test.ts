import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, newCellId, type CellData } from '../../../src/lib/notebook';
import { DEFAULT_KINDS, RESULTS_CACHE_SETUP } from '../../../src/lib/runtime';
import { checkSearchValue, searchOptions, searchOptionsSql } from '../../../src/lib/runtime/kinds/search-options';
import { kindRunner } from '../support/kind-runner';
import { WasmTestClient } from '../support/wasm-client';

let db: WasmTestClient;
const signal = new AbortController().signal;
const cell = (kind: string, name: string, source: string): CellData => ({ id: newCellId(), kind, name, source, attrs: {} }) as CellData;
const search = (value: string) => cell('input', 'item', JSON.stringify({ type: 'search', value, options: 'items' }));

beforeAll(async () => {
	db = await WasmTestClient.open(RESULTS_CACHE_SETUP);
	// 3,000 choices in a deliberate order (most bought first), as an options cell writes them.
	await db.exec(`CREATE TABLE nb.items AS
		SELECT 'product:' || i AS value, 'product ' || i || CASE WHEN i % 2 = 0 THEN ' · Samsung phone' ELSE ' · apple case' END AS label
		FROM range(3000, 0, -1) r(i)`);
	await db.exec(`CREATE TABLE nb.no_labels AS SELECT 1 AS id`);
});
afterAll(() => db.close());

describe('search inputs', () => {
	it('depend on the cell listing their choices', () => {
		const options = cell('sql', 'items', 'SELECT 1');
		const input = search('');
		const graph = buildGraph([input, options], DEFAULT_KINDS);
		expect([...(graph.dependencies.get(input.id) ?? [])]).toEqual([options.id]);
	});

	it('find choices holding every word typed, in any case, in the table’s order, at most 50', async () => {
		const found = await searchOptions(db, 'items', 'SAMSUNG 29');
		expect(found.slice(0, 3)).toEqual([
			{ value: 'product:2998', label: 'product 2998 · Samsung phone' },
			{ value: 'product:2996', label: 'product 2996 · Samsung phone' },
			{ value: 'product:2994', label: 'product 2994 · Samsung phone' }
		]);
		expect(found).toHaveLength(50);
		expect(found.every((c) => /samsung/i.test(c.label) && c.label.includes('29'))).toBe(true);
		expect(await searchOptions(db, 'items', '')).toHaveLength(50);
		expect(await searchOptions(db, 'items', 'no such thing')).toEqual([]);
	});

	it('search a typed quote as text', async () => {
		expect(searchOptionsSql('items', "o'brien")).toContain("contains(lower(label), 'o''brien')");
		expect(await searchOptions(db, 'items', "o'brien")).toEqual([]);
	});

	it('set their variable to a valid choice, and name the problem of a value not among the choices', async () => {
		const run = kindRunner({ client: db, fingerprint: () => 'v1' });
		const ok = await run(search('product:7'), { signal, force: true });
		expect(ok.kind).toBe('input');
		expect((await db.query(`SELECT getvariable('item')`)).rows).toEqual([['product:7']]);
		await expect(run(search('product:9999'), { signal, force: true })).rejects.toThrow(
			'"product:9999" is not one of the choices in `items`: pick another, or clear the box for the default'
		);
		// Empty is "none chosen": the reading SQL's default.
		await run(search(''), { signal, force: true });
		expect((await db.query(`SELECT getvariable('item')`)).rows).toEqual([['']]);
	});

	it('say which columns an options table needs', async () => {
		expect(await checkSearchValue(db, 'items', 'product:7')).toBe('product 7 · apple case');
		await expect(checkSearchValue(db, 'no_labels', 'x')).rejects.toThrow(/come from a table with columns value and label; `no_labels` has no such columns/);
	});
});

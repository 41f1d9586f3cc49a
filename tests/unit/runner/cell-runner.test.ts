import { afterAll, beforeEach, beforeAll, describe, expect, it } from 'vitest';
import { newCellId, type CellData } from '../../../src/lib/notebook';
import { CELL_SCHEMA_SETUP, createCellRunner } from '../../../src/lib/runner/cell-runner';
import type { CellOutput } from '../../../src/lib/runner/cell-output';
import { WasmTestClient } from '../support/wasm-client';

let db: WasmTestClient;
let fp = 'v1';
const signal = new AbortController().signal;
const run = (cell: CellData, force = true) =>
	createCellRunner({ client: db, fingerprint: () => fp })(cell, { signal, version: 1, force });
const sql = (name: string | null, source: string): CellData => ({ id: newCellId(), kind: 'sql', name, source, attrs: {} });

beforeAll(async () => {
	db = await WasmTestClient.open(CELL_SCHEMA_SETUP);
	await db.exec(`CREATE TABLE main.events AS SELECT i AS id, i % 3 AS k FROM range(10) r(i)`);
});
afterAll(() => db.close());
beforeEach(() => {
	fp = 'v1';
});

describe('named SQL cells', () => {
	it('materialise their query as table nb.<name> that later cells can read unqualified', async () => {
		const out = await run(sql('by_k', 'SELECT k, count(*) AS n FROM events GROUP BY k ORDER BY k;'));
		expect(out).toMatchObject({ kind: 'table', schema: 'nb', table: 'by_k', rowCount: 3, cached: false });
		const next = await run(sql(null, 'SELECT sum(n) AS total FROM by_k'));
		expect(next).toMatchObject({ kind: 'rows', rows: [[10]] });
	});

	it('keep a trailing line comment from breaking the wrapped query', async () => {
		const out = await run(sql('commented', 'SELECT 1 AS one -- the answer'));
		expect(out).toMatchObject({ kind: 'table', rowCount: 1, preview: [[1]] });
	});

	it('reuse the saved table when the fingerprint is unchanged and the run is not forced', async () => {
		await run(sql('cached_t', 'SELECT 1 AS x'));
		const before = db.statements.length;
		const again = (await run(sql('cached_t', 'SELECT 1 AS x'), false)) as Extract<CellOutput, { kind: 'table' }>;
		expect(again.cached).toBe(true);
		expect(db.statements.slice(before).some((s) => s.startsWith('CREATE OR REPLACE TABLE'))).toBe(false);
	});

	it('re-run when the fingerprint changed', async () => {
		await run(sql('fp_t', 'SELECT 1 AS x'));
		fp = 'v2';
		const out = await run(sql('fp_t', 'SELECT 2 AS x'), false);
		expect(out).toMatchObject({ cached: false, preview: [[2]] });
	});

	it('re-run when the saved table was dropped, even with a matching fingerprint', async () => {
		await run(sql('dropped_t', 'SELECT 1 AS x'));
		await db.exec(`DROP TABLE nb.dropped_t`);
		const out = await run(sql('dropped_t', 'SELECT 1 AS x'), false);
		expect(out).toMatchObject({ cached: false, rowCount: 1 });
	});

	it('reject statements that are not a single query, saying how to fix it', async () => {
		await expect(run(sql('two', 'SELECT 1; SELECT 2'))).rejects.toThrow(/must be one query.*clear the cell's name/);
	});

	it('surface DuckDB errors with the SQL that failed', async () => {
		await expect(run(sql('bad', 'SELECT no_such_column FROM events'))).rejects.toMatchObject({
			message: expect.stringMatching(/no_such_column/),
			sql: expect.stringContaining('CREATE OR REPLACE TABLE "nb"."bad"')
		});
	});
});

describe('other cells', () => {
	it('unnamed SQL runs statements and returns the last result', async () => {
		const out = await run(sql(null, `CREATE OR REPLACE TEMP TABLE scratch AS SELECT 5 AS v; SELECT v * 2 AS w FROM scratch`));
		expect(out).toMatchObject({ kind: 'rows', rows: [[10]], columns: [{ name: 'w' }] });
	});

	it('charts read the rows of the cell they name and validate their spec', async () => {
		await run(sql('series', 'SELECT i AS x, i * i AS y FROM range(5) r(i)'));
		const chart: CellData = {
			id: newCellId(),
			kind: 'chart',
			name: null,
			source: '{"data": "series", "marks": [{"type": "lineY", "x": "x", "y": "y"}]}',
			attrs: {}
		};
		expect(await run(chart)).toMatchObject({ kind: 'chart', truncated: false, rows: [[0, 0], [1, 1], [2, 4], [3, 9], [4, 16]] });
		await expect(run({ ...chart, source: '{"data": "series", "marks": [{"type": "pie"}]}' })).rejects.toThrow(/pie/);
		await expect(run({ ...chart, source: '{"data": ' })).rejects.toThrow(/not valid JSON/);
	});
});

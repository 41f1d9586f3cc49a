import { afterAll, beforeEach, beforeAll, describe, expect, it } from 'vitest';
import { newCellId, type CellData } from '../../../src/lib/notebook';
import { RESULTS_CACHE_SETUP, ResultsCache } from '../../../src/lib/runtime/results-cache';
import { kindRunner, readSavedTables, type SavedResults } from '../support/kind-runner';
import type { CellOutput } from '../../../src/lib/runtime/cell-output';
import { WasmTestClient } from '../support/wasm-client';

let db: WasmTestClient;
let fp = 'v1';
const signal = new AbortController().signal;
const run = (cell: CellData, force = true) =>
	kindRunner({ client: db, fingerprint: () => fp })(cell, { signal, force });
const sql = (name: string | null, source: string): CellData => ({ id: newCellId(), kind: 'sql', name, source, attrs: {} });

beforeAll(async () => {
	db = await WasmTestClient.open(RESULTS_CACHE_SETUP);
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

	it('build the table, record it and return the preview in one request when the preview holds every row', async () => {
		const before = db.statements.length;
		const out = await run(sql('one_trip', 'SELECT range AS i FROM range(150)'));
		expect(out).toMatchObject({ kind: 'table', table: 'one_trip', rowCount: 150 });
		expect((out as Extract<CellOutput, { kind: 'table' }>).preview).toHaveLength(150);
		expect(db.statements.length - before).toBe(1);
		const recorded = await db.query(`SELECT row_count FROM nb._cells WHERE name = 'one_trip'`);
		expect(recorded.rows).toEqual([[150]]);
	});

	it('read the row count of a result longer than its preview from the recorded metadata', async () => {
		const out = await run(sql('long_result', 'SELECT range AS i FROM range(1000)'));
		expect(out).toMatchObject({ kind: 'table', rowCount: 1000 });
		expect((out as Extract<CellOutput, { kind: 'table' }>).preview).toHaveLength(200);
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

describe('named SQL cells kept as views', () => {
	const view = (name: string, source: string): CellData => ({ ...sql(name, source), attrs: { view: 'true' } });
	const relation = async (name: string) =>
		(await db.query(`SELECT 'view' FROM duckdb_views() WHERE schema_name = 'nb' AND view_name = '${name}' UNION ALL SELECT 'table' FROM duckdb_tables() WHERE schema_name = 'nb' AND table_name = '${name}'`)).rows.flat();

	it('define nb.<name> as a view, computed when read: rows added to the table it filters show at once', async () => {
		await db.exec(`CREATE OR REPLACE TABLE main.base AS SELECT i AS id, i % 2 AS odd FROM range(10) r(i)`);
		const out = await run(view('odd_ids', 'SELECT id FROM base WHERE odd = 1'));
		expect(out).toMatchObject({ kind: 'table', schema: 'nb', table: 'odd_ids', rowCount: 5, preview: [[1], [3], [5], [7], [9]] });
		expect(await relation('odd_ids')).toEqual(['view']);
		await db.exec(`INSERT INTO main.base VALUES (11, 1)`);
		expect((await db.query('SELECT count(*) FROM odd_ids')).rows).toEqual([[6]]);
		expect((await readSavedTables(db)).get('odd_ids')).toEqual({ fingerprint: 'v1', rowCount: 5, storage: 'view' });
	});

	it('are reused when current and not forced, without defining the view again', async () => {
		await run(view('cached_v', 'SELECT 1 AS x'));
		const before = db.statements.length;
		const again = await run(view('cached_v', 'SELECT 1 AS x'), false);
		expect(again).toMatchObject({ cached: true, rowCount: 1 });
		expect(db.statements.slice(before).some((s) => s.includes('CREATE OR REPLACE'))).toBe(false);
	});

	it('switch from table to view and back on their next run, though the fingerprint is unchanged', async () => {
		await run(sql('switched', 'SELECT 2 AS x'));
		expect(await relation('switched')).toEqual(['table']);
		const asView = await run(view('switched', 'SELECT 2 AS x'), false);
		expect(asView).toMatchObject({ cached: false, preview: [[2]] });
		expect(await relation('switched')).toEqual(['view']);
		const asTable = await run(sql('switched', 'SELECT 2 AS x'), false);
		expect(asTable).toMatchObject({ cached: false, preview: [[2]] });
		expect(await relation('switched')).toEqual(['table']);
		expect((await readSavedTables(db)).get('switched')).toEqual({ fingerprint: 'v1', rowCount: 1, storage: 'table' });
	});

	it('are dropped with their record when their cell goes', async () => {
		await run(view('gone_v', 'SELECT 3 AS x'));
		await new ResultsCache(db).drop('gone_v');
		expect(await relation('gone_v')).toEqual([]);
		expect((await readSavedTables(db)).has('gone_v')).toBe(false);
	});

	it('have their columns listed for readers that ask the catalog (a model cell does)', async () => {
		await run(view('typed_v', 'SELECT 1::INTEGER AS a, 2.5::DOUBLE AS b'));
		const { rows } = await db.query(`SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'nb' AND table_name = 'typed_v' ORDER BY column_index`);
		expect(rows).toEqual([
			['a', 'INTEGER'],
			['b', 'DOUBLE']
		]);
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

describe('reopening with saved results (one metadata query, outputs from the last session)', () => {
	const runSaved = (cell: CellData, saved: SavedResults, force = false) =>
		kindRunner({ client: db, fingerprint: () => fp, saved: () => saved })(cell, { signal, force });
	const since = (before: number) => db.statements.slice(before);

	it('reads every saved table in one query, and only those that still exist', async () => {
		await run(sql('kept_a', 'SELECT 1 AS x'));
		await run(sql('kept_b', 'SELECT 1 AS x UNION ALL SELECT 2'));
		await run(sql('gone_c', 'SELECT 3 AS x'));
		await db.exec('DROP TABLE nb.gone_c');
		const before = db.statements.length;
		const tables = await readSavedTables(db);
		expect(since(before)).toHaveLength(1);
		expect(tables.get('kept_a')).toEqual({ fingerprint: 'v1', rowCount: 1, storage: 'table' });
		expect(tables.get('kept_b')).toEqual({ fingerprint: 'v1', rowCount: 2, storage: 'table' });
		expect(tables.has('gone_c')).toBe(false);
	});

	it('show the kept output of a current table without any query', async () => {
		const shown = await run(sql('snap_t', 'SELECT 7 AS x'));
		const saved: SavedResults = { tables: await readSavedTables(db), outputs: new Map([[fp, shown]]) };
		const before = db.statements.length;
		const out = await runSaved(sql('snap_t', 'SELECT 7 AS x'), saved);
		expect(since(before)).toEqual([]);
		expect(out).toMatchObject({ kind: 'table', table: 'snap_t', preview: [[7]], rowCount: 1, cached: true });
	});

	it('read a current table without a kept output with its preview only', async () => {
		await run(sql('nosnap_t', 'SELECT 8 AS x'));
		const saved: SavedResults = { tables: await readSavedTables(db), outputs: new Map() };
		const before = db.statements.length;
		const out = await runSaved(sql('nosnap_t', 'SELECT 8 AS x'), saved);
		expect(since(before)).toHaveLength(1);
		expect(out).toMatchObject({ preview: [[8]], cached: true });
	});

	it('re-run a cell whose table is missing, even if an output was kept for its fingerprint', async () => {
		const shown = await run(sql('lost_t', 'SELECT 9 AS x'));
		await db.exec('DROP TABLE nb.lost_t');
		const saved: SavedResults = { tables: await readSavedTables(db), outputs: new Map([[fp, shown]]) };
		const before = db.statements.length;
		const out = await runSaved(sql('lost_t', 'SELECT 9 AS x'), saved);
		expect(since(before).some((s) => /^CREATE OR REPLACE TABLE \S*lost_t/.test(s))).toBe(true);
		expect(out).toMatchObject({ cached: false, preview: [[9]] });
	});

	it('re-run a cell whose saved table has another fingerprint', async () => {
		await run(sql('stale_t', 'SELECT 1 AS x'));
		const saved: SavedResults = { tables: await readSavedTables(db), outputs: new Map() };
		fp = 'v2';
		const out = await runSaved(sql('stale_t', 'SELECT 2 AS x'), saved);
		expect(out).toMatchObject({ cached: false, preview: [[2]] });
	});

	it('ignore what was saved when the run is forced', async () => {
		const shown = await run(sql('forced_t', 'SELECT 1 AS x'));
		const saved: SavedResults = { tables: await readSavedTables(db), outputs: new Map([[fp, { ...shown, preview: [[42]] } as CellOutput]]) };
		const out = await runSaved(sql('forced_t', 'SELECT 1 AS x'), saved, true);
		expect(out).toMatchObject({ cached: false, preview: [[1]] });
	});

	it('show a kept chart for the same fingerprint, and query when forced or not kept', async () => {
		await run(sql('series2', 'SELECT i AS x FROM range(3) r(i)'));
		const chart: CellData = { id: newCellId(), kind: 'chart', name: null, source: '{"data": "series2", "marks": [{"type": "dot", "x": "x"}]}', attrs: {} };
		const kept: CellOutput = { kind: 'chart', spec: { data: 'series2', marks: [] } as never, columns: [], rows: [['kept']], truncated: false };
		const saved: SavedResults = { tables: new Map(), outputs: new Map([[fp, kept]]) };
		const before = db.statements.length;
		expect(await runSaved(chart, saved)).toBe(kept);
		expect(since(before)).toEqual([]);
		expect(await runSaved(chart, saved, true)).toMatchObject({ rows: [[0], [1], [2]] });
		expect(await runSaved(chart, { tables: new Map(), outputs: new Map() })).toMatchObject({ rows: [[0], [1], [2]] });
	});
});

// The pure parts of `npm run notebook` (the headless run itself is an e2e test).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareResults, hasTopLevelOrderBy, orderedCells } from '../../../scripts/notebook/compare-results';
import { dataFiles } from '../../../scripts/notebook/data-files';
import { parseNotebookArgs } from '../../../scripts/notebook/notebook-args';
import { cellJson, datasetFilesJson, failedCells, formatResultsJson, jsonValue, type CellJson, type ResultsJson } from '../../../scripts/notebook/results-json';
import { readNotebook } from '../../../src/lib/runtime';

describe('npm run notebook options', () => {
	it('takes a command, an optional notebook and several data paths', () => {
		expect(parseNotebookArgs(['--', 'run', 'nb.md', '--data', 'a', 'b', '--data', 'c', '--out', 'r.json', '--rows', '5'])).toMatchObject({
			notebook: 'nb.md',
			data: ['a', 'b', 'c'],
			out: 'r.json',
			rows: 5
		});
		expect(parseNotebookArgs(['run'])).toMatchObject({ notebook: null, data: [], out: 'results.json', rows: 1000 });
		expect(() => parseNotebookArgs(['render'])).toThrow('unknown command: render');
		expect(() => parseNotebookArgs(['run', '--rows', '-1'])).toThrow('invalid --rows: -1');
		expect(() => parseNotebookArgs(['run', 'a.md', 'b.md'])).toThrow('one notebook at a time');
		expect(() => parseNotebookArgs(['run', '--data'])).toThrow('missing value for --data');
	});

	it('chooses the engine, with the options each engine takes, and the export-sql command', () => {
		expect(parseNotebookArgs(['run'])).toMatchObject({ engine: 'browser', db: null, threads: null });
		expect(parseNotebookArgs(['run', '--engine', 'native', '--db', 'my.duckdb', '--threads', '4'])).toMatchObject({ engine: 'native', db: 'my.duckdb', threads: 4 });
		expect(() => parseNotebookArgs(['run', '--engine', 'wasm'])).toThrow('invalid --engine: wasm (browser or native)');
		expect(() => parseNotebookArgs(['run', '--db', 'my.duckdb'])).toThrow('--db is an option of --engine native, not of --engine browser');
		expect(() => parseNotebookArgs(['run', '--engine', 'native', '--site', 'build'])).toThrow('--site is an option of --engine browser, not of --engine native');
		expect(parseNotebookArgs(['export-sql', 'nb.md', '--out', 'nb.sql', '--db', 'my.duckdb'])).toEqual({ command: 'export-sql', notebook: 'nb.md', out: 'nb.sql', db: 'my.duckdb' });
		expect(parseNotebookArgs(['export-sql'])).toEqual({ command: 'export-sql', notebook: null, out: 'notebook.sql', db: null });
	});
});

describe('dataFiles', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'cin-data-files-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('expands folders to their event-log files, months in time order, and keeps files as given', () => {
		for (const name of ['2019-Nov.csv', '2019-Oct.csv.gz', '2020-Jan.parquet', 'notes.txt']) writeFileSync(path.join(dir, name), 'x');
		mkdirSync(path.join(dir, 'sub.csv'));
		expect(dataFiles([dir]).map((f) => path.basename(f))).toEqual(['2019-Oct.csv.gz', '2019-Nov.csv', '2020-Jan.parquet']);
		expect(dataFiles([path.join(dir, 'notes.txt')])).toEqual([path.join(dir, 'notes.txt')]);
		expect(() => dataFiles([path.join(dir, 'missing.csv')])).toThrow('does not exist');
		expect(() => dataFiles([path.join(dir, 'sub.csv')])).toThrow('has no .csv, .csv.gz or .parquet files');
	});
});

describe('the results JSON', () => {
	it('writes dates as ISO strings, keeps exact numbers and id strings, and names non-finite doubles', () => {
		const day = new Date(Date.UTC(2019, 9, 1));
		expect(jsonValue(day, 'DATE')).toBe('2019-10-01');
		expect(jsonValue(new Date(Date.UTC(2019, 9, 1, 13, 5)), 'TIMESTAMP')).toBe('2019-10-01T13:05:00.000Z');
		expect(jsonValue('2053013555631882655', 'BIGINT')).toBe('2053013555631882655');
		expect(jsonValue(12n)).toBe(12);
		expect(jsonValue(2n ** 60n)).toBe('1152921504606846976');
		expect(jsonValue(Number.NaN)).toBe('NaN');
		expect(jsonValue(-Infinity)).toBe('-Infinity');
		expect(jsonValue([day, null], 'DATE[]')).toEqual(['2019-10-01', null]);
		expect(jsonValue({ at: day, n: 1 }, 'STRUCT')).toEqual({ at: '2019-10-01T00:00:00.000Z', n: 1 });
	});

	it('puts one cell header and one row per line, and tells failed cells', () => {
		const ok = cellJson({
			name: 'daily',
			kind: 'sql',
			status: 'done',
			error: null,
			ms: 12.4,
			rowCount: 2,
			columns: [{ name: 'day', type: 'DATE' }, { name: 'n', type: 'BIGINT' }],
			rows: [[new Date(Date.UTC(2019, 9, 1)), 3], [new Date(Date.UTC(2019, 9, 2)), '9007199254740993']]
		});
		const bad = { ...ok, name: 'x', status: 'error', error: 'Binder Error', ms: null, rowCount: null, columns: [], rows: [] };
		const text = formatResultsJson({ dataset: { rows: 5, files: [] }, cells: [ok, bad] });
		expect(JSON.parse(text)).toEqual({ dataset: { rows: 5, files: [] }, cells: [{ ...ok, ms: 12 }, bad] });
		expect(text.split('\n')).toContain('    ["2019-10-02","9007199254740993"]');
		expect(failedCells([ok, bad, { ...bad, status: 'upstream-error' }]).map((c) => c.status)).toEqual(['error', 'upstream-error']);
	});

	it('reads the ingest log rows as the dataset files', () => {
		expect(datasetFilesJson([['a.csv', 10n, 3, 1, 0]])).toEqual([{ name: 'a.csv', bytes: 10, rows: 3, rejectedLines: 1, invalidRows: 0 }]);
	});
});

describe('comparing two runs', () => {
	const cell = (name: string, rows: CellJson['rows'], extra: Partial<CellJson> = {}): CellJson => ({
		name,
		kind: 'sql',
		status: 'done',
		error: null,
		ms: 1,
		rowCount: rows.length,
		columns: [{ name: 'k', type: 'VARCHAR' }, { name: 'v', type: 'DOUBLE' }],
		rows,
		...extra
	});
	const run = (...cells: CellJson[]): ResultsJson => ({ dataset: { rows: 0, files: [] }, cells });

	it('finds an ORDER BY only at the top level of a query', () => {
		expect(hasTopLevelOrderBy('WITH t AS (SELECT * FROM x ORDER BY a) SELECT * FROM t ORDER BY b DESC')).toBe(true);
		expect(hasTopLevelOrderBy('SELECT row_number() OVER (ORDER BY a), string_agg(b ORDER BY b) FROM x -- ORDER BY c')).toBe(false);
		expect(hasTopLevelOrderBy("SELECT 'order by' FROM (SELECT 1 ORDER BY 1)")).toBe(false);
		const doc = readNotebook('# t\n\n```sql name=Sorted\nSELECT 1 AS a ORDER BY a\n```\n\n```sql name=loose\nSELECT 1 AS a\n```\n');
		expect([...orderedCells(doc)]).toEqual(['sorted']);
	});

	it('agrees on the same rows in another order where the cell has no ORDER BY, and on numbers equal to 6 digits', () => {
		const a = run(cell('loose', [['x', 1.0000001], ['y', 2]]), cell('sorted', [['x', 1], ['y', 2]]));
		const b = run(cell('loose', [['y', 2], ['x', 1.0000002]]), cell('sorted', [['x', 1], ['y', 2]]));
		const compared = compareResults(a, b, new Set(['sorted']));
		expect(compared.map((c) => [c.cell, c.ordered, c.differences])).toEqual([
			['loose', false, []],
			['sorted', true, []]
		]);
		expect(compared[0].checksums![0]).toBe(compared[0].checksums![1]);
	});

	it('names what differs: order where it matters, values, row counts, status, columns, a missing cell', () => {
		const a = run(cell('sorted', [['x', 1], ['y', 2]]), cell('loose', [['x', 1], ['y', 2]]), cell('count', [['x', 1]]), cell('gone', []));
		const b = run(
			cell('sorted', [['y', 2], ['x', 1]]),
			cell('loose', [['x', 1], ['y', 2.5]]),
			cell('count', [['x', 1], ['z', 3]], { columns: [{ name: 'k', type: 'VARCHAR' }, { name: 'v', type: 'FLOAT' }], status: 'error', error: 'boom' })
		);
		const byCell = Object.fromEntries(compareResults(a, b, new Set(['sorted'])).map((c) => [c.cell, c.differences]));
		expect(byCell).toEqual({
			sorted: ['the same rows in another order (first at row 1: ["x",1] vs ["y",2])'],
			loose: ['1 of 2 rows differ, e.g. ["y",2] vs ["y",2.5]'],
			count: ['status done vs error (boom)', '1 vs 2 rows', 'columns (k VARCHAR, v DOUBLE) vs (k VARCHAR, v FLOAT)'],
			gone: ['only in the first run']
		});
	});

	it('compares no checksum when the results do not hold every row', () => {
		const a = run(cell('big', [['x', 1]], { rowCount: 5 }));
		expect(compareResults(a, a, new Set())[0]).toMatchObject({ checksums: null, rowCounts: [5, 5], differences: [] });
	});
});

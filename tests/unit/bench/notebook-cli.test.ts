// The pure parts of `npm run notebook` (the headless run itself is an e2e test).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataFiles } from '../../../scripts/notebook/data-files';
import { parseNotebookArgs } from '../../../scripts/notebook/notebook-args';
import { cellJson, failedCells, formatResultsJson, jsonValue } from '../../../scripts/notebook/results-json';

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
});

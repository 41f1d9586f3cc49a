import { describe, expect, it } from 'vitest';
import { csvFileStem, isCsvFile, isDataFile, isGzipFile, isParquetFile, isNotebookFile } from '../../../src/lib/datasets/data-file-types';

describe('data file types', () => {
	it('reads CSV, TSV and TXT, plain or gzipped, and Parquet, in any letter case', () => {
		for (const name of ['2019-Oct.csv', 'a.tsv', 'a.txt', '2019-Oct.csv.gz', 'A.CSV.GZ', 'a.TSV.gz', 'events.parquet', 'E.PARQUET']) {
			expect(isDataFile(name), name).toBe(true);
		}
	});

	it('refuses everything else, including a gzipped Parquet or a bare .gz', () => {
		for (const name of ['notebook.md', 'a.gz', 'a.parquet.gz', 'a.csv.zip', 'csv', 'a.csv.bak', 'a.json', '']) {
			expect(isDataFile(name), name).toBe(false);
		}
	});

	it('tells CSV from Parquet', () => {
		expect(isCsvFile('a.csv.gz')).toBe(true);
		expect(isCsvFile('a.parquet')).toBe(false);
		expect(isParquetFile('a.parquet')).toBe(true);
		expect(isParquetFile('a.csv')).toBe(false);
	});

	it('knows a gzipped file by its last extension', () => {
		expect(isGzipFile('a.csv.gz')).toBe(true);
		expect(isGzipFile('a.CSV.GZ')).toBe(true);
		expect(isGzipFile('a.csv')).toBe(false);
		expect(isGzipFile('a.gz.csv')).toBe(false);
	});

	it('strips the CSV extension only', () => {
		expect(csvFileStem('2019-Oct.csv.gz')).toBe('2019-Oct');
		expect(csvFileStem('stores.TSV')).toBe('stores');
		expect(csvFileStem('events.parquet')).toBe('events.parquet');
		expect(csvFileStem('a.csv.csv')).toBe('a.csv');
	});

	it('tells a notebook (Markdown) from data', () => {
		for (const name of ['notebook.md', 'Report.MARKDOWN']) expect(isNotebookFile(name)).toBe(true);
		for (const name of ['notebook.md.csv', 'a.mdx', 'README', 'a.csv']) expect(isNotebookFile(name)).toBe(false);
	});
});

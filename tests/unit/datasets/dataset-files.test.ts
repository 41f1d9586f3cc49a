import { describe, expect, it } from 'vitest';
import { datasetFilePrefix, missingDatasetFiles } from '../../../src/lib/datasets/dataset-files';
import { DatasetRegistry } from '../../../src/lib/datasets/dataset-registry';
import type { DatasetInfo } from '../../../src/lib/datasets/dataset-info';

const ID = 'files-mxd7gvoz-5gbl';
const ALL = [`cin-${ID}.duckdb`, `cin-${ID}.duckdb.wal`, `cin-${ID}.cin_events_1.duckdb`, `cin-${ID}.cin_events_2.duckdb`, 'cin-sample.duckdb'];

describe('missingDatasetFiles', () => {
	it('finds nothing missing when the database and every partition file are there', () => {
		expect(missingDatasetFiles(ID, ALL)).toEqual([]);
		expect(missingDatasetFiles(ID, ALL, ['cin_events_1', 'cin_events_2'])).toEqual([]);
	});

	it('names the database file of a dataset the browser evicted (a WAL alone is no database)', () => {
		expect(missingDatasetFiles(ID, [])).toEqual([`cin-${ID}.duckdb`]);
		expect(missingDatasetFiles(ID, [`cin-${ID}.duckdb.wal`, 'cin-sample.duckdb'])).toEqual([`cin-${ID}.duckdb`]);
	});

	it('names a partition file that is gone while the database is there', () => {
		expect(missingDatasetFiles(ID, ALL, ['cin_events_1', 'cin_events_3'])).toEqual([`cin-${ID}.cin_events_3.duckdb`]);
	});

	it('gives the prefix every file of the dataset starts with, and no other dataset’s', () => {
		expect(ALL.filter((f) => f.startsWith(datasetFilePrefix(ID)))).toEqual(ALL.slice(0, 4));
		expect(`cin-${ID}x.duckdb`.startsWith(datasetFilePrefix(ID))).toBe(false);
	});
});

describe('DatasetRegistry', () => {
	const info = (id: string, state: DatasetInfo['state']): DatasetInfo => ({
		id,
		name: id,
		source: 'files',
		files: [],
		state,
		rows: null,
		storedBytes: null,
		sourceBytes: 0,
		firstEvent: null,
		lastEvent: null,
		createdAt: 1,
		lastOpened: 1
	});

	it('keeps a dataset marked missing across a reload of the list', () => {
		const saved = new Map<string, string>();
		const store = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) };
		const registry = new DatasetRegistry(store);
		registry.put(info(ID, 'ready'));
		registry.update(ID, { state: 'missing' });
		expect(new DatasetRegistry(store).get(ID)?.state).toBe('missing');
	});
});

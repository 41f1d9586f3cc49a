// The native engine's files: checked with the page's checks (and refused with its messages), and
// Parquet read by native DuckDB's own reader into the same store as the same rows from CSV.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeSqlClient } from '../../../scripts/bench/native-sql-client';
import { dataFile, nativeSources } from '../../../scripts/notebook/native-sources';
import { quoteString } from '../../../src/lib/data/sql';
import { ingestEvents } from '../../../src/lib/ingest/ingest-events';

const HEADER = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
const ROWS = [
	'2019-10-01 10:00:00 UTC,view,1,2053013555631882655,electronics.smartphone,xiaomi,100.00,7,s1',
	'2019-10-01 10:01:00 UTC,cart,1,2053013555631882655,electronics.smartphone,xiaomi,100.00,7,s1',
	'2019-10-01 10:02:00 UTC,purchase,1,2053013555631882655,electronics.smartphone,xiaomi,100.00,7,s1',
	'2019-10-02 11:00:00 UTC,view,2,2053013555631882655,,apple,5.50,8,s2'
];

describe('native ingest sources', () => {
	let dir: string;
	let db: { client: NativeSqlClient; close(): void };
	const write = (name: string, text: string) => {
		const file = path.join(dir, name);
		writeFileSync(file, text);
		return file;
	};

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'cin-native-sources-'));
		db = await NativeSqlClient.open(path.join(dir, 'store.duckdb'), { threads: 1 });
	});
	afterAll(() => {
		db?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('ingests a Parquet file, read by DuckDB itself, into the same events as the same rows in CSV', async () => {
		const csv = write('2019-Oct.csv', [HEADER, ...ROWS].join('\n') + '\n');
		const parquet = path.join(dir, '2019-Oct.parquet');
		// As the native run sets it: nothing is downloaded, so the Parquet reader must be built in.
		await db.client.exec(`SET TimeZone = 'UTC'; SET autoinstall_known_extensions = false`);
		// Written the way pandas writes it: a zoned timestamp and float32 prices.
		await db.client.exec(
			`COPY (SELECT event_time::TIMESTAMPTZ AS event_time, * EXCLUDE (event_time, price), price::FLOAT AS price FROM read_csv(${quoteString(csv)}, timestampformat = '%Y-%m-%d %H:%M:%S UTC')) TO ${quoteString(parquet)} (FORMAT parquet)`
		);
		const planned = await nativeSources(db.client, [dataFile(parquet)]);
		expect(planned.sources.map((s) => [s.name, s.rowsHint])).toEqual([['2019-Oct.parquet', 4]]);
		const report = await ingestEvents(db.client, planned.sources);
		expect(report.files.map((f) => [f.name, f.rows, f.rejectedLines, f.invalidRows])).toEqual([['2019-Oct.parquet', 4, 0, 0]]);
		const stored = await db.client.query(`SELECT event_time, event_type::VARCHAR, category_id, price, user_id FROM events ORDER BY event_time`);
		const fromCsv = await db.client.query(
			`SELECT event_time, event_type, category_id, price::DECIMAL(9,2), user_id FROM read_csv(${quoteString(csv)}, timestampformat = '%Y-%m-%d %H:%M:%S UTC') ORDER BY event_time`
		);
		expect(stored.rows).toEqual(fromCsv.rows);
		expect(stored.rows[0][2]).toBe('2053013555631882655');
	});

	it('refuses an empty file, a CSV cut mid-row and a Parquet file missing a column, with the messages the page shows', async () => {
		await expect(nativeSources(db.client, [dataFile(write('empty.csv', ''))])).rejects.toThrow('empty.csv is empty (0 bytes)');
		const cut = write('cut.csv', [HEADER, ...ROWS, '2019-10-03 10:00:00 UTC,vi'].join('\n'));
		await expect(nativeSources(db.client, [dataFile(cut)])).rejects.toThrow(/cut\.csv is cut short: it ends in the middle of a row/);
		const noBrand = path.join(dir, 'no-brand.parquet');
		await db.client.exec(`COPY (SELECT * EXCLUDE (brand) FROM read_csv(${quoteString(write('x.csv', [HEADER, ...ROWS].join('\n')))})) TO ${quoteString(noBrand)} (FORMAT parquet)`);
		await expect(nativeSources(db.client, [dataFile(noBrand)])).rejects.toThrow('no-brand.parquet: column brand is missing');
		await expect(nativeSources(db.client, [dataFile(write('notes.txt.bak', 'x'))])).rejects.toThrow('is not a data file this app reads');
	});
});

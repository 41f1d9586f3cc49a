import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCsvHead } from '../../../src/lib/ingest/csv-head';
import { eventsCsvSource } from '../../../src/lib/ingest/csv-source';
import { ingestEvents, type IngestSource } from '../../../src/lib/ingest/ingest-events';
import { writeStoreReport } from '../../../src/lib/ingest/dataset-meta';
import { databaseFiles, DatabaseSizeError, OPFS_DATABASE_LIMIT_BYTES } from '../../../src/lib/store/database-size-limit';
import { attachEventPartitions } from '../../../src/lib/store/event-partitions';
import { DuckDBInstance } from '@duckdb/node-api';
import { NativeSqlClient } from '../../../scripts/bench/native-sql-client';
import { WasmTestClient } from '../support/wasm-client';
import { checkpointAll } from '../../../src/lib/data/companion-databases';

const HEADER = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
const dir = mkdtempSync(path.join(tmpdir(), 'cin-ingest-'));

function csvSource(name: string, text: string): IngestSource {
	const file = path.join(dir, name);
	writeFileSync(file, text);
	const check = checkCsvHead(name, text.slice(0, 4096));
	if (!check.ok) throw new Error(check.error);
	return {
		name,
		bytes: text.length,
		rowsHint: 10,
		open: async () => ({ relation: eventsCsvSource(file, check.layout), rejects: true, close: async () => {} })
	};
}

describe('ingestEvents', () => {
	let db: WasmTestClient;
	beforeAll(async () => {
		db = await WasmTestClient.open();
	});
	afterAll(() => db.close());

	it('appends two months, sets malformed lines aside with examples, and builds the fact tables', async () => {
		const october = [
			HEADER,
			'2019-10-01 10:00:00 UTC,view,1,2053013555631882655,electronics.smartphone,xiaomi,100.00,7,s1',
			'2019-10-01 10:01:00 UTC,purchase,1,2053013555631882655,electronics.smartphone,xiaomi,100.00,7,s1',
			'2019-10-02 10:00:00 UTC,view,abc,2,,,1.00,8,s2',
			'2019-10-02 11:00:00 UTC,teleport,1,2,,,1.00,8,s2',
			'2019-10-02 12:00:00 UTC,vi'
		].join('\n');
		const november = [HEADER, '2019-11-05 09:00:00 UTC,view,2,3,,apple,5.50,8,s3'].join('\n');
		const steps: string[] = [];
		const report = await ingestEvents(db, [csvSource('oct.csv', october), csvSource('nov.csv', november)], {
			onProgress: (p) => steps.push(`${p.phase}:${p.step}`)
		});
		expect(report.files.map((f) => [f.name, f.rows, f.rejectedLines, f.invalidRows])).toEqual([
			['oct.csv', 2, 2, 1],
			['nov.csv', 1, 0, 0]
		]);
		expect(report.files[0].rejectedExamples.map((e) => e.line)).toEqual([4, 6]);
		expect(report.files[0].rejectedExamples[0].message).toMatch(/product_id/);
		expect(report.months).toEqual(['2019-10', '2019-11']);
		expect(report.rows).toBe(3);
		const ids = await db.query(`SELECT category_id::VARCHAR, typeof(category_id) FROM events ORDER BY event_time LIMIT 1`);
		expect(ids.rows[0]).toEqual(['2053013555631882655', 'BIGINT']);
		const users = await db.query(`SELECT user_id, orders, revenue::VARCHAR FROM users ORDER BY user_id`);
		expect(users.rows).toEqual([
			[7, 1, '100.00'],
			[8, 0, '0.00']
		]);
		expect(steps).toContain('build:finish build');
		expect(report.steps.every((s) => s.ms >= 0)).toBe(true);
	});

	it('stops with the first malformed line when no row of a file can be read', async () => {
		const fresh = await WasmTestClient.open();
		try {
			const bad = [HEADER, '2019-10-01 10:00:00 UTC,view,x,y,,,z,7,s1'].join('\n');
			await expect(ingestEvents(fresh, [csvSource('bad.csv', bad)])).rejects.toThrow(/No row of bad\.csv could be read \(1 malformed lines\), e\.g\. line 2/);
		} finally {
			fresh.close();
		}
	});
});

describe('events split over partition files', () => {
	const day = (d: number, i: number) => `2019-10-${String(d).padStart(2, '0')} 10:00:${String(i).padStart(2, '0')} UTC`;
	const rows = (d0: number, n: number) =>
		[HEADER, ...Array.from({ length: n }, (_, i) => `${day(d0 + (i % 5), i)},${i % 7 === 0 ? 'purchase' : 'view'},${i},2,,,1.00,${i % 9},s${i % 11}`)].join('\n');

	it('gives each source new partitions of at most rowsPerPartition events and reads them back as one events view', async () => {
		const file = path.join(dir, 'split.duckdb');
		const fresh = await WasmTestClient.open([], file);
		try {
			const report = await ingestEvents(fresh, [csvSource('a.csv', rows(1, 25)), csvSource('b.csv', rows(10, 8))], {
				rowsPerPartition: 10,
				afterStep: () => checkpointAll(fresh)
			});
			expect(report.rows).toBe(33);
			const partitions = await fresh.query(`SELECT name, source FROM main.event_partitions ORDER BY rowid`);
			expect(partitions.rows).toEqual([
				['cin_events_1', 'a.csv'],
				['cin_events_2', 'a.csv'],
				['cin_events_3', 'a.csv'],
				['cin_events_4', 'b.csv']
			]);
			const perPartition = await fresh.query(
				`SELECT database_name, estimated_size FROM duckdb_tables() WHERE table_name = 'events' AND database_name LIKE 'cin_events_%' ORDER BY database_name`
			);
			const counts = perPartition.rows.map((r) => Number(r[1]));
			expect(counts.reduce((a, b) => a + b, 0)).toBe(33);
			expect(Math.max(...counts)).toBeLessThanOrEqual(10);
			// Time slices go to partitions in order: each partition's events come after the last one's.
			const bounds = await fresh.query(
				`SELECT max(event_time) < lead(min(event_time)) OVER (ORDER BY database_name) FROM (
					SELECT 'cin_events_1' AS database_name, event_time FROM cin_events_1.main.events
					UNION ALL SELECT 'cin_events_2', event_time FROM cin_events_2.main.events
					UNION ALL SELECT 'cin_events_3', event_time FROM cin_events_3.main.events
				) GROUP BY database_name ORDER BY database_name`
			);
			expect(bounds.rows.map((r) => r[0])).toEqual([true, true, null]);
			expect((await fresh.query(`SELECT count(*) FROM sessions`)).rows[0][0]).toBe(11);
			for (const n of [1, 2, 3, 4]) expect(existsSync(file.replace(/\.duckdb$/, `.cin_events_${n}.duckdb`))).toBe(true);
			// The size guard sees every file: the main database and each partition.
			expect((await databaseFiles(fresh)).map((f) => f.name).sort()).toEqual(['cin_events_1', 'cin_events_2', 'cin_events_3', 'cin_events_4', 'split']);
			// The staging file is gone once the sources are appended.
			expect(existsSync(file.replace(/\.duckdb$/, '.cin_staging.duckdb'))).toBe(false);
			await writeStoreReport(fresh);
			const stored = await fresh.query(`SELECT DISTINCT rows, sum(bytes) > 0 FROM main.store_report WHERE table_name = 'events' GROUP BY rows`);
			expect(stored.rows).toEqual([[33, true]]);
		} finally {
			fresh.close();
		}
	});

	it('a reopened database reads its events once attachEventPartitions has attached the partition files (native DuckDB)', async () => {
		// The Node build of DuckDB-WASM cannot reopen a file it wrote; native DuckDB runs the same SQL.
		const file = path.join(dir, 'reopen.duckdb');
		const open = async () => {
			const instance = await DuckDBInstance.create(file, { threads: '1' });
			const conn = await instance.connect();
			return { client: new NativeSqlClient(conn, file), close: () => (conn.closeSync(), instance.closeSync()) };
		};
		const first = await open();
		try {
			await ingestEvents(first.client, [csvSource('a.csv', rows(1, 25))], { rowsPerPartition: 10, afterStep: () => checkpointAll(first.client) });
		} finally {
			first.close();
		}
		const second = await open();
		try {
			await expect(second.client.query(`SELECT count(*) FROM events`)).rejects.toThrow(/cin_events_1/);
			expect(await attachEventPartitions(second.client)).toEqual(['cin_events_1', 'cin_events_2', 'cin_events_3']);
			const [count, sessions] = (await second.client.query(`SELECT count(*), count(DISTINCT session_id) FROM events`)).rows[0];
			expect([Number(count), Number(sessions)]).toEqual([25, 11]);
		} finally {
			second.close();
		}
	});

});

describe('the database size limit', () => {
	it('stops the ingest after the step that took the database past the limit, naming the cause and the fix', async () => {
		const fresh = await WasmTestClient.open([], path.join(dir, 'limit.duckdb'));
		try {
			const [largest] = await databaseFiles(fresh);
			const rows = [HEADER, ...Array.from({ length: 50 }, (_, i) => `2019-10-01 10:00:${String(i % 60).padStart(2, '0')} UTC,view,${i},2,,,1.00,${i},s${i}`)].join('\n');
			const steps: string[] = [];
			const failure = ingestEvents(fresh, [csvSource('limit.csv', rows)], {
				maxDatabaseBytes: largest.bytes,
				afterStep: () => checkpointAll(fresh),
				onProgress: (p) => steps.push(p.step)
			});
			await expect(failure).rejects.toThrow(DatabaseSizeError);
			await expect(failure).rejects.toThrow(/database file ".+" reached .* past the .* GiB this app allows a file: DuckDB-WASM reads OPFS database files beyond 4 GiB back incorrectly.*split a very large file/);
			// It stopped at the first step that grew the database, long before the fact build.
			expect(steps).not.toContain('finish build');
		} finally {
			fresh.close();
		}
	});

	it('lets an ingest that stays under the limit finish', async () => {
		const fresh = await WasmTestClient.open([], path.join(dir, 'small.duckdb'));
		try {
			const rows = [HEADER, '2019-10-01 10:00:00 UTC,view,1,2,,,1.00,7,s1'].join('\n');
			const report = await ingestEvents(fresh, [csvSource('small.csv', rows)], {
				maxDatabaseBytes: OPFS_DATABASE_LIMIT_BYTES,
				afterStep: () => checkpointAll(fresh)
			});
			expect(report.rows).toBe(1);
		} finally {
			fresh.close();
		}
	});
});

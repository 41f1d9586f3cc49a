import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCsvHead } from '../../../src/lib/ingest/csv-head';
import { eventsCsvSource } from '../../../src/lib/ingest/csv-source';
import { ingestEvents, type IngestSource } from '../../../src/lib/ingest/ingest-events';
import { DATABASE_FILE_BYTES_SQL, DatabaseSizeError, OPFS_DATABASE_LIMIT_BYTES } from '../../../src/lib/store/database-size-limit';
import { WasmTestClient } from '../support/wasm-client';

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

describe('the database size limit', () => {
	it('stops the ingest after the step that took the database past the limit, naming the cause and the fix', async () => {
		const fresh = await WasmTestClient.open([], path.join(dir, 'limit.duckdb'));
		try {
			const bytes = Number((await fresh.query(DATABASE_FILE_BYTES_SQL)).rows[0]?.[0] ?? 0);
			const rows = [HEADER, ...Array.from({ length: 50 }, (_, i) => `2019-10-01 10:00:${String(i % 60).padStart(2, '0')} UTC,view,${i},2,,,1.00,${i},s${i}`)].join('\n');
			const steps: string[] = [];
			const failure = ingestEvents(fresh, [csvSource('limit.csv', rows)], {
				maxDatabaseBytes: bytes,
				afterStep: () => fresh.exec('CHECKPOINT'),
				onProgress: (p) => steps.push(p.step)
			});
			await expect(failure).rejects.toThrow(DatabaseSizeError);
			await expect(failure).rejects.toThrow(/past the .* GiB this app allows: DuckDB-WASM reads OPFS database files beyond 4 GiB back incorrectly.*Open fewer rows/);
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
				afterStep: () => fresh.exec('CHECKPOINT')
			});
			expect(report.rows).toBe(1);
		} finally {
			fresh.close();
		}
	});
});

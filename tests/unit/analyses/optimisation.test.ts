import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimisationSummarySql, optimisationTablesSql } from '../../../src/lib/analyses/optimisation/optimisation-sql';
import { WasmTestClient } from '../support/wasm-client';
import { objects } from '../store/store-kit';

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
	// What an ingest of two files leaves (dataset-meta.ts), by hand.
	await db.exec(`CREATE TABLE ingest_files AS FROM (VALUES ('Oct.csv', 6000, 100, 1, 2), ('Nov.csv', 4000, 60, 0, 0))
		AS t(file, source_bytes, rows, rejected_lines, invalid_rows)`);
	await db.exec(`CREATE TABLE store_report AS FROM (VALUES ('events', 'price', 500, 160), ('events', 'user_id', 300, 160), ('daily', 'day', 200, 61))
		AS t(table_name, column_name, bytes, rows)`);
});
afterAll(() => db.close());

describe('optimisation report', () => {
	it('summary: source bytes against the events table and the whole store, and the rows read', async () => {
		// 10,000 source bytes; events 800 bytes (10,000 / 800 = 12.5×); store 1,000; rows 160.
		expect(await objects(db, optimisationSummarySql())).toEqual([
			{ source_bytes: 10_000, events_bytes: 800, store_bytes: 1_000, events_compression_x: 12.5, rows: 160 }
		]);
	});

	it('summary: no compression figure when the report has no events bytes (a store in memory)', async () => {
		await db.exec(`CREATE TEMP TABLE store_report AS SELECT 'events' AS table_name, 'price' AS column_name, NULL::BIGINT AS bytes, 160 AS rows`);
		try {
			expect(await objects(db, optimisationSummarySql())).toEqual([
				{ source_bytes: 10_000, events_bytes: null, store_bytes: null, events_compression_x: null, rows: 160 }
			]);
		} finally {
			await db.exec(`DROP TABLE temp.store_report`);
		}
	});

	it('tables: stored bytes per table, largest first, as a share of the source bytes', async () => {
		expect(await objects(db, optimisationTablesSql())).toEqual([
			{ table_name: 'events', rows: 160, columns: 2, stored_bytes: 800, bytes_per_row: 5, pct_of_source: 8 },
			{ table_name: 'daily', rows: 61, columns: 1, stored_bytes: 200, bytes_per_row: 3.3, pct_of_source: 2 }
		]);
	});
});

import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEventsSql, buildStorePlan, DATABASE_SIZE_SQL, STORE_TABLES, storeReportSql, storeTablesSql } from '../../../src/lib/store';
import { WasmTestClient } from '../support/wasm-client';
import { NOVEMBER, OCTOBER, layout, objects, rawEvents, runSteps } from './store-kit';

// Stored sizes exist only for a database file, so this one attaches a file and uses it.
const file = path.join(tmpdir(), `store-report-${process.pid}.duckdb`);
let db: WasmTestClient;
beforeAll(async () => {
	rmSync(file, { force: true });
	db = await WasmTestClient.open([`ATTACH '${file}' AS store_file`, `USE store_file`]);
	await runSteps(db, appendEventsSql(rawEvents(OCTOBER)));
	await runSteps(db, appendEventsSql(rawEvents(NOVEMBER)));
	await runSteps(db, buildStorePlan({ rows: 14, months: ['2019-10', '2019-11'], minPairBaskets: 1 }));
	await db.exec('CHECKPOINT');
});
afterAll(() => {
	db.close();
	rmSync(file, { force: true });
	rmSync(`${file}.wal`, { force: true });
});

describe('the store report', () => {
	it('lists the store tables that exist, in build order', async () => {
		expect((await objects(db, storeTablesSql())).map((r) => r.table_name)).toEqual([...STORE_TABLES]);
	});

	it('gives every column of every table with its type and the table rows', async () => {
		const report = await objects(db, storeReportSql());
		for (const table of STORE_TABLES) {
			const mine = report.filter((r) => r.table_name === table);
			expect(mine.map((r) => `${r.column_name} ${r.column_type}`), table).toEqual(await layout(db, table));
			const rows = (await db.query(`SELECT count(*) FROM ${table}`)).rows[0][0];
			expect(new Set(mine.map((r) => r.rows)), table).toEqual(new Set([rows]));
		}
	});

	it('estimates stored bytes per column that add up to no more than the used blocks', async () => {
		const report = await objects(db, storeReportSql());
		const events = report.filter((r) => r.table_name === 'events');
		for (const r of events) {
			expect(r.bytes, String(r.column_name)).toBeGreaterThan(0);
			expect(r.compression, String(r.column_name)).toEqual(expect.any(String));
		}
		const [size] = await objects(db, DATABASE_SIZE_SQL);
		const total = report.reduce((sum, r) => sum + Number(r.bytes ?? 0), 0);
		expect(total).toBeGreaterThan(0);
		expect(total).toBeLessThanOrEqual(Number(size.used_blocks) * Number(size.block_size));
	});

	it('reports only the tables asked for', async () => {
		const report = await objects(db, storeReportSql({ tables: ['session_dict'] }));
		expect(report.map((r) => r.column_name)).toEqual(['session_id', 'user_session']);
	});
});

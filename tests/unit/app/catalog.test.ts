import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTables } from '../../../src/lib/app/catalog';
import { addPartitionSql, partitionName } from '../../../src/lib/store/event-partitions';
import { prepareStoreSql } from '../../../src/lib/store/prepare-store';
import { WasmTestClient } from '../support/wasm-client';

describe('listTables', () => {
	let db: WasmTestClient;
	beforeAll(async () => {
		db = await WasmTestClient.open();
		await db.exec(prepareStoreSql('main', { eventsTable: false }));
		for (const n of [1, 2]) {
			await db.attach(partitionName(n));
			await db.exec(addPartitionSql(partitionName(n), n === 2 ? [partitionName(1)] : [], 'x.csv'));
			await db.exec(`INSERT INTO ${partitionName(n)}.main.events SELECT TIMESTAMP '2019-10-01' + INTERVAL (i) MINUTE, 'view', i, 2, NULL, NULL, 1.00, i, i FROM range(${n * 3}) r(i)`);
		}
		await db.exec(`CREATE SCHEMA nb; CREATE TABLE nb.top AS SELECT 1 AS x; CREATE VIEW main.recent AS SELECT 1 AS y`);
	});
	afterAll(() => db.close());

	it('lists the events view with the rows of its partitions, and never the partition tables themselves', async () => {
		const tables = await listTables(db);
		const events = tables.filter((t) => t.name === 'events');
		expect(events.map((t) => [t.schema, t.rows])).toEqual([['main', 9]]);
		expect(events[0].columns.map((c) => c.name)).toEqual(['event_time', 'event_type', 'product_id', 'category_id', 'category_code', 'brand', 'price', 'user_id', 'session_id']);
	});

	it('lists other views with unknown rows, beside the tables of the main and nb schemas', async () => {
		const tables = await listTables(db);
		expect(tables.find((t) => t.name === 'recent')?.rows).toBeNull();
		expect(tables.find((t) => t.schema === 'nb' && t.name === 'top')?.rows).toBe(1);
	});
});

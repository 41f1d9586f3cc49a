import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../../../src/lib/data/sql-client';
import { STAGING_SETTINGS, withSettings } from '../../../src/lib/ingest/staging-settings';
import { WasmTestClient } from '../support/wasm-client';

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open([`SET memory_limit = '2GiB'`]);
});
afterAll(() => db.close());

const settings = async () =>
	(await db.query(`SELECT current_setting('memory_limit')::VARCHAR, current_setting('preserve_insertion_order')::BOOLEAN`)).rows[0];

describe('withSettings', () => {
	it('applies the staging settings while the work runs and puts the previous values back', async () => {
		expect(await settings()).toEqual(['2.0 GiB', true]);
		const during = await withSettings(db, STAGING_SETTINGS, settings);
		expect(during).toEqual(['1.0 GiB', false]);
		expect(await settings()).toEqual(['2.0 GiB', true]);
	});

	it('puts them back when the work fails', async () => {
		await expect(withSettings(db, STAGING_SETTINGS, () => db.exec('SELECT * FROM no_such_table'))).rejects.toThrow('no_such_table');
		expect(await settings()).toEqual(['2.0 GiB', true]);
	});

	it('reports the work\'s error, not a failure to put the settings back', async () => {
		let broken = false;
		// The engine, except that it fails every statement once the work has started.
		const client: SqlClient = {
			query: (sql) => db.query(sql),
			exec: (sql) => (broken ? Promise.reject(new Error('engine gone')) : db.exec(sql)),
			setVariable: (name, value) => db.setVariable(name, value)
		};
		const work = async () => {
			broken = true;
			throw new Error('copy failed');
		};
		await expect(withSettings(client, STAGING_SETTINGS, work)).rejects.toThrow('copy failed');
		broken = false;
		await db.exec(`SET memory_limit = '2GiB'; SET preserve_insertion_order = true`);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});

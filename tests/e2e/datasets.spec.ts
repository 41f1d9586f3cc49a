import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';
import { readEventsCsv } from '../../src/lib/ingest/event-schema';
import { expect, test } from './fixtures';
import { settled, useSmallNotebook } from './helpers';

const SAMPLE = ['2019-Oct.csv.gz', '2019-Nov.csv.gz'].map((f) => path.resolve('sample-data', f));
const HEADER = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
const ROW = '2019-10-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,541312140,72d76fde-8bb3-4e00-8c23-a032dfed738c';

/** Events per month of the generator's files, counted by native DuckDB. */
async function nativeMonths(): Promise<[string, number][]> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	const result = await conn.runAndReadAll(
		`SELECT strftime(event_time, '%Y-%m') AS month, count(*)::INTEGER FROM ${readEventsCsv(SAMPLE)} GROUP BY 1 ORDER BY 1`
	);
	const rows = result.getRows().map((r) => [String(r[0]), Number(r[1])] as [string, number]);
	conn.closeSync();
	instance.closeSync();
	return rows;
}

const query = (page: Page, sql: string) => page.evaluate(async (s) => (await window.cin.query(s)).rows, sql);
const opfsFiles = (page: Page) =>
	page.evaluate(async () => {
		const names: string[] = [];
		for await (const [name] of (await navigator.storage.getDirectory()) as unknown as AsyncIterable<[string]>) names.push(name);
		return names.sort();
	});
const datasetIds = (page: Page) => page.getByTestId('dataset').evaluateAll((els) => els.map((e) => `${e.dataset.datasetId}:${e.dataset.state}`));

test('two monthly CSVs ingest through the fallback input, each month into its own partition file, reopen after a reload without re-ingest, and delete frees their storage', async ({ page }) => {
	test.setTimeout(300_000);
	const expected = await nativeMonths();
	await page.goto('/');
	await settled(page);
	await expect(page.getByTestId('app')).toHaveAttribute('data-dataset', 'sample');
	await useSmallNotebook(page);

	await page.getByTestId('file-input').setInputFiles(
		SAMPLE.map((file) => ({ name: `gen-${path.basename(file)}`, mimeType: 'application/gzip', buffer: readFileSync(file) }))
	);
	await expect(page.getByTestId('ingest')).toBeVisible();
	await expect(page.getByTestId('notice')).toContainText('events ingested', { timeout: 240_000 });
	await settled(page);
	const id = await page.getByTestId('app').getAttribute('data-dataset');
	expect(id).toMatch(/^files-/);
	const months = await query(page, `SELECT strftime(event_time, '%Y-%m'), count(*)::INTEGER FROM events GROUP BY 1 ORDER BY 1`);
	expect(months).toEqual(expected);
	expect(await query(page, `SELECT file, rows FROM ingest_files ORDER BY file`)).toEqual([
		['gen-2019-Nov.csv.gz', expected[1][1]],
		['gen-2019-Oct.csv.gz', expected[0][1]]
	]);
	const builtAt = await query(page, `SELECT built_at::VARCHAR FROM store_build`);
	expect(await datasetIds(page)).toEqual([`${id}:ready`, 'sample:ready']);
	// Each source got partition files of its own; the staging file is gone.
	expect(await query(page, `SELECT name, source FROM event_partitions ORDER BY rowid`)).toEqual([
		['cin_events_1', 'gen-2019-Oct.csv.gz'],
		['cin_events_2', 'gen-2019-Nov.csv.gz']
	]);
	const files = (await opfsFiles(page)).filter((f) => f.includes(id!));
	expect(files).toEqual(expect.arrayContaining([`cin-${id}.duckdb`, `cin-${id}.cin_events_1.duckdb`, `cin-${id}.cin_events_2.duckdb`]));
	expect(files.filter((f) => f.includes('staging'))).toEqual([]);

	await page.reload();
	await settled(page);
	await expect(page.getByTestId('app')).toHaveAttribute('data-dataset', id!);
	expect(await query(page, `SELECT built_at::VARCHAR FROM store_build`)).toEqual(builtAt);
	await expect(page.locator('[data-testid="cell"][data-cell-name="event_count"]')).toHaveAttribute('data-status', 'done');
	await expect(page.locator('[data-testid="cell"][data-cell-name="event_count"]')).toContainText('from the saved result');
	// The reload attached the partitions again: every event is read.
	expect(await query(page, `SELECT strftime(event_time, '%Y-%m'), count(*)::INTEGER FROM events GROUP BY 1 ORDER BY 1`)).toEqual(expected);
	expect(await opfsFiles(page)).toContain(`cin-${id}.duckdb`);

	const row = page.locator(`[data-testid="dataset"][data-dataset-id="${id}"]`);
	await row.getByTestId('dataset-delete').click();
	await row.getByTestId('dataset-delete').click(); // confirm
	await expect(page.getByTestId('notice')).toContainText('freed its storage');
	await settled(page);
	await expect(page.getByTestId('app')).toHaveAttribute('data-dataset', 'sample');
	expect(await datasetIds(page)).toEqual(['sample:ready']);
	expect((await opfsFiles(page)).filter((f) => f.includes(id!))).toEqual([]);
});

test('bad files get specific messages and leave the existing datasets untouched', async ({ page }) => {
	test.setTimeout(300_000);
	await page.goto('/');
	await settled(page);
	await useSmallNotebook(page);
	const before = await query(page, `SELECT count(*)::INTEGER FROM events`);
	const open = async (name: string, text: string | Buffer) => {
		await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
	};
	const cases: [string, string | Buffer, RegExp][] = [
		['empty.csv', '', /empty\.csv is empty \(0 bytes\)/],
		['missing.csv', `${HEADER.replace(',user_session', '')}\n${ROW.replace(/,[^,]+$/, '')}\n`, /missing\.csv is missing the column user_session/],
		['photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /photo\.csv is not a text file/],
		['notes.txt', 'Shopping list\nmilk and eggs\n', /notes\.txt does not look like a CSV event log/]
	];
	for (const [name, body, message] of cases) {
		await open(name, body);
		await expect(page.getByTestId('notice')).toContainText(message);
		await settled(page);
		await expect(page.getByTestId('app')).toHaveAttribute('data-dataset', 'sample');
	}
	expect(await datasetIds(page)).toEqual(['sample:ready']);
	expect(await query(page, `SELECT count(*)::INTEGER FROM events`)).toEqual(before);

	// Another delimiter is read as such, and said; a truncated last line is skipped and named.
	const semicolons = [HEADER, ROW].map((l) => l.replaceAll(',', ';')).join('\n');
	await open('semicolons.csv', `${semicolons}\n`);
	await expect(page.getByTestId('notice')).toContainText(/semicolons\.csv: 1 events.*separated by semicolons/, { timeout: 60_000 });
	await settled(page);
	await open('truncated.csv', `${HEADER}\n${ROW}\n${ROW.replace('00:00:00', '00:00:01')}\n2019-10-01 00:00:02 UTC,view,446`);
	await expect(page.getByTestId('notice')).toContainText(/truncated\.csv: 2 events; 1 malformed line skipped \(e\.g\. line 4: .*the file is truncated/, { timeout: 60_000 });
	await settled(page);
	const states = await datasetIds(page);
	expect(states).toHaveLength(3);
	expect(states).toContain('sample:ready');
	await page.locator('[data-testid="dataset"][data-dataset-id="sample"]').getByTestId('dataset-open').click();
	await settled(page);
	expect(await query(page, `SELECT count(*)::INTEGER FROM events`)).toEqual(before);
});

test('Parquet months ingest through the fallback input with the same counts as the CSV source', async ({ page }) => {
	test.setTimeout(300_000);
	const expected = await nativeMonths();
	// The Parquet files the original platform would have written: native DuckDB, one per month.
	const dir = mkdtempSync(path.join(tmpdir(), 'cin-parquet-'));
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	const files = ['2019-10', '2019-11'].map((month) => path.join(dir, `${month}.parquet`));
	for (const [i, month] of ['2019-10', '2019-11'].entries()) {
		await conn.run(
			`COPY (SELECT * FROM ${readEventsCsv(SAMPLE)} WHERE strftime(event_time, '%Y-%m') = '${month}') TO '${files[i]}' (FORMAT parquet, ROW_GROUP_SIZE 50000)`
		);
	}
	conn.closeSync();
	instance.closeSync();

	await page.goto('/');
	await settled(page);
	await useSmallNotebook(page);
	await page.getByTestId('file-input').setInputFiles(files);
	await expect(page.getByTestId('notice')).toContainText('events ingested', { timeout: 240_000 });
	await settled(page);
	expect(await page.getByTestId('app').getAttribute('data-dataset')).toMatch(/^files-/);
	expect(await query(page, `SELECT strftime(event_time, '%Y-%m'), count(*)::INTEGER FROM events GROUP BY 1 ORDER BY 1`)).toEqual(expected);
	// 19-digit category ids arrive exactly (Int64 all the way, never a JS number).
	expect(await query(page, `SELECT count(*)::INTEGER FROM events WHERE category_id < 1000000000000000000`)).toEqual([[0]]);
	const cells = await page.evaluate(() => window.cin.cells(0));
	expect(cells.filter((c) => c.status !== 'done').map((c) => c.name)).toEqual([]);
});

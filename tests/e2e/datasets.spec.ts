import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';
import { readEventsCsv } from '../../src/lib/ingest/event-schema';
import { expect, test } from './fixtures';
import { datasetStates, opfsFiles, settled, useSmallNotebook } from './helpers';
import { FIXTURES_DIR } from '../../scripts/bad-inputs/corpus';
import { EXPECTED_NOTICES } from '../fixtures/bad-input-notices';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SAMPLE = ['2019-Oct.csv.gz', '2019-Nov.csv.gz'].map((f) => path.resolve('sample-data', f));

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
	expect(await datasetStates(page)).toEqual([`${id}:ready`, 'sample:ready']);
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
	expect(await datasetStates(page)).toEqual(['sample:ready']);
	expect((await opfsFiles(page)).filter((f) => f.includes(id!))).toEqual([]);
});

test('every refused file of the bad-input corpus gets its exact message, a cut-short .csv.gz and a Latin-1 file are handled in the browser as in Node, and the existing datasets and the notebook stay untouched', async ({ page }) => {
	test.setTimeout(300_000);
	await page.goto('/');
	await settled(page);
	await useSmallNotebook(page);
	const before = await query(page, `SELECT count(*)::INTEGER FROM events`);
	const notebook = await page.evaluate(() => window.cin.source('event_count'));
	const notice = page.getByTestId('notice').locator('span');
	const fixture = (name: string) => path.join(FIXTURES_DIR, name);

	// Refused before any work: the page says exactly what Node's run of the same steps says.
	const refused = Object.entries(EXPECTED_NOTICES).filter(([name, e]) => e.kind === 'error' && !/\.(md|link)$/.test(name));
	for (const [name, expected] of refused.filter(([name]) => name !== 'truncated.csv.gz')) {
		await page.getByTestId('file-input').setInputFiles(fixture(name));
		await expect(notice).toHaveText(expected.text);
		await expect(page.getByTestId('app')).toHaveAttribute('data-dataset', 'sample');
	}
	for (const [name, expected] of Object.entries(EXPECTED_NOTICES).filter(([name, e]) => name.endsWith('.md') && e.kind === 'error' && !name.startsWith('huge'))) {
		await page.getByTestId('notebook-input').setInputFiles(fixture(name));
		await expect(notice).toHaveText(expected.text);
	}
	// A damaged or foreign link pasted into the address bar (only the fragment changes).
	for (const [name, expected] of Object.entries(EXPECTED_NOTICES).filter(([name, e]) => name.endsWith('.link') && e.kind === 'error')) {
		await page.evaluate((hash) => (location.hash = hash), readFileSync(fixture(name), 'latin1'));
		// Read, refused and forgotten: the fragment is cleared as the notice is set.
		await expect.poll(() => new URL(page.url()).hash).toBe('');
		await expect(notice).toHaveText(expected.text);
	}
	expect(await page.evaluate(() => window.cin.source('event_count'))).toBe(notebook);

	// Chromium's own inflater finds the cut in a .csv.gz: nothing is kept.
	await page.getByTestId('file-input').setInputFiles(fixture('truncated.csv.gz'));
	await expect(notice).toHaveText(EXPECTED_NOTICES['truncated.csv.gz'].text, { timeout: 60_000 });
	await settled(page);
	await expect(page.getByTestId('app')).toHaveAttribute('data-dataset', 'sample');
	expect(await datasetStates(page)).toEqual(['sample:ready']);

	// Latin-1 is read as Latin-1 in the browser too.
	await page.getByTestId('file-input').setInputFiles(fixture('latin1.csv'));
	await expect(notice).toHaveText(new RegExp(`^${escapeRegExp(EXPECTED_NOTICES['latin1.csv'].text).replace('…', '\\d+\\.\\d')}$`), { timeout: 60_000 });
	await settled(page);
	expect(await query(page, `SELECT DISTINCT brand FROM events WHERE brand LIKE '%é%' ORDER BY 1`)).toEqual([['légo'], ['nestlé']]);

	const states = await datasetStates(page);
	expect(states).toHaveLength(2);
	expect(states).toContain('sample:ready');
	await page.locator('[data-testid="dataset"][data-dataset-id="sample"]').getByTestId('dataset-open').click();
	await settled(page);
	expect(await query(page, `SELECT count(*)::INTEGER FROM events`)).toEqual(before);
	expect(await page.evaluate(() => window.cin.source('event_count'))).toBe(notebook);
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

import { expect, test } from './fixtures';
import { addSqlCell, cell, holdEngine, settled } from './helpers';

test('a 200k-row result scrolls to its last row and sorts in DuckDB, summarises its columns and copies values', async ({ page }) => {
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/');
	await settled(page);
	const sql = `SELECT i AS n, i % 7 AS k, CASE WHEN i % 10 = 0 THEN NULL ELSE 'g' || (i % 7 % 3) END AS g FROM range(200000) t(i)`;
	await addSqlCell(page, 'big_result', sql);
	await settled(page);
	const table = cell(page, 'big_result').getByTestId('result-table');
	await expect(table).toHaveAttribute('data-rows', '200000');
	// Only a screenful of rows exists in the DOM, whatever the result size.
	expect(await table.locator('[role="row"]').count()).toBeLessThan(40);

	await table.locator('[role="grid"]').evaluate((el) => (el.scrollTop = el.scrollHeight));
	await expect(table.locator('[role="row"][aria-rowindex="200001"]')).toContainText('199,999');

	await table.locator('[role="grid"]').evaluate((el) => (el.scrollTop = 0));
	await table.getByRole('columnheader', { name: /^n/ }).click(); // ascending
	await table.getByRole('columnheader', { name: /^n/ }).click(); // descending
	await expect(table.getByRole('columnheader', { name: /^n/ })).toHaveAttribute('aria-sort', 'descending');
	await expect(table.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').first()).toHaveText('199,999');

	// Each column's summary, computed by DuckDB over all 200,000 rows: the share of NULLs and the
	// top value as an independent query over the cell's table counts them.
	const [nullPct, top, topPct] = await page.evaluate(async (q) => {
		const cin = (window as unknown as { cin: { query(sql: string): Promise<{ rows: unknown[][] }> } }).cin;
		return (await cin.query(q)).rows[0];
	}, `SELECT (SELECT round(100 * count(*) FILTER (WHERE g IS NULL) / count(*))::INTEGER FROM nb.big_result), g,
		round(100 * count(*) / (SELECT count(*) FROM nb.big_result))::INTEGER
		FROM nb.big_result WHERE g IS NOT NULL GROUP BY g ORDER BY count(*) DESC, g LIMIT 1`);
	const summary = (name: RegExp) => table.getByRole('columnheader', { name }).getByTestId('column-summary');
	await expect(summary(/^g/)).toContainText(`${nullPct}% null`);
	await expect(summary(/^g/)).toContainText(`${top} ${topPct}%`);
	await expect(summary(/^n/).locator('svg rect')).toHaveCount(16); // a histogram
	await expect(summary(/^k/).locator('svg rect')).toHaveCount(7); // one bar per value of i % 7
	await expect(summary(/^n/)).toContainText('0 – 199,999');

	// Copy: the selected value unformatted (Ctrl+C), the row as tab-separated text (context menu).
	const firstCell = table.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').first();
	await firstCell.click();
	await page.keyboard.press('Control+c');
	await expect(table.getByTestId('copy-status')).toHaveText('Copied value');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('199999');
	await firstCell.click({ button: 'right' });
	await table.getByRole('menuitem', { name: 'Copy row (tab-separated)' }).click();
	const n = 199999;
	await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe([n, n % 7, n % 10 === 0 ? '' : `g${n % 7 % 3}`].join('\t'));
});

test.describe('with the service worker blocked', () => {
	// The engine's wasm is held by a route; the app's service worker would answer it from its
	// cache, past the route (fixtures.ts).
	test.use({ serviceWorkers: 'block' });

	test('a saved result shown before the engine started pages through its whole table once the engine is up', async ({ page }) => {
		await page.goto('/');
		await settled(page);
		await addSqlCell(page, 'many_rows', 'SELECT i AS n FROM range(1000) t(i)');
		await expect(cell(page, 'many_rows').getByTestId('result-table')).toHaveAttribute('data-rows', '1000');
		await settled(page);

		// Hold back the engine: the table first shows what the last session kept, its preview.
		const release = await holdEngine(page);
		await page.reload();
		const table = cell(page, 'many_rows').getByTestId('result-table');
		await expect(cell(page, 'many_rows')).toContainText('from the saved result');
		await expect(page.getByTestId('engine-status')).toHaveAttribute('data-phase', 'loading');
		release();
		await settled(page);

		// The same output, now paged from DuckDB: every row is reachable.
		await expect(table).toHaveAttribute('data-rows', '1000');
		await table.locator('[role="grid"]').evaluate((el) => (el.scrollTop = el.scrollHeight));
		await expect(table.locator('[role="row"][aria-rowindex="1001"]')).toContainText('999');
	});
});

import { expect, test } from './fixtures';
import { addSqlCell, cell, holdEngine, settled } from './helpers';

test('a 200k-row result scrolls to its last row and sorts in DuckDB', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	await addSqlCell(page, 'big_result', 'SELECT i AS n, i % 7 AS k FROM range(200000) t(i)');
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

import { expect, test } from './fixtures';
import { cell, settled, typeInto } from './helpers';

test('a 200k-row result scrolls to its last row and sorts in DuckDB', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	await page.getByTestId('add-sql').click();
	const big = page.locator('[data-testid="cell"]').last();
	await big.getByLabel('cell name').fill('big_result');
	await big.getByLabel('cell name').press('Enter');
	await typeInto(cell(page, 'big_result'), 'SELECT i AS n, i % 7 AS k FROM range(200000) t(i)');
	await cell(page, 'big_result').locator('.cm-content').press('Shift+Enter');
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

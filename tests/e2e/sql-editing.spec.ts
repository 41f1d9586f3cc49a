import { expect, test } from './fixtures';
import { cell, settled, typeInto } from './helpers';
import type { Locator } from '@playwright/test';

test.beforeEach(async ({ page }) => {
	page.on('pageerror', (error) => console.log('pageerror:', error.message));
});

/** The editor's text, line by line as CodeMirror holds it (text content: a cell off screen is not laid out). */
const editorText = async (target: Locator) => (await target.locator('.cm-line').allTextContents()).join('\n');

test("SQL editing: completion of an upstream cell's column, the error's place underlined, Format, and undo per cell", async ({ page }) => {
	await page.goto('/');
	await settled(page);
	await page.getByTestId('add-sql').click();
	const added = page.locator('[data-testid="cell"]').last();
	await added.getByLabel('cell name').fill('edit_check');
	await added.getByLabel('cell name').press('Enter');
	const mine = cell(page, 'edit_check');
	const editor = mine.locator('.cm-content');

	// Completion offers a column of another cell's last result (summary_week1's week1_churn_pct).
	await typeInto(mine, 'SELECT week1_ch');
	const option = page.locator('.cm-tooltip-autocomplete [role="option"]').first();
	await expect(option).toContainText('week1_churn_pct');
	await editor.press('Enter');
	await expect.poll(() => editorText(mine)).toBe('SELECT week1_churn_pct');

	// A column that does not exist: DuckDB's error is underlined where it points.
	await editor.pressSequentially(', no_such_col FROM summary_week1', { delay: 0 });
	await editor.press('Escape');
	await editor.press('Shift+Enter');
	await expect(mine).toHaveAttribute('data-status', 'error');
	await expect(mine.getByTestId('sql-error-mark')).toHaveText('no_such_col');

	// Format: clauses on their own lines; any edit clears the mark. Then a run of the fixed query
	// brings results, re-rendering the cell.
	await typeInto(mine, 'select week1_churn_pct, cohort_users from summary_week1');
	await expect(mine.getByTestId('sql-error-mark')).toHaveCount(0);
	await editor.press('Escape');
	await mine.getByTestId('format-cell').click();
	const formatted = 'SELECT week1_churn_pct, cohort_users\nFROM summary_week1';
	await expect.poll(() => editorText(mine)).toBe(formatted);
	await editor.press('Shift+Enter');
	await expect(mine).toHaveAttribute('data-status', 'done');
	await expect(mine.getByTestId('result-table')).toHaveAttribute('data-rows', '1');

	// Another cell edited after it and formatted with Shift+Alt+F; the cell list changes; my
	// cell's editor is closed and opened again.
	const other = cell(page, 'summary_week1');
	const otherBefore = await editorText(other);
	await typeInto(other, 'select 1 as week1_churn_pct, 2 as cohort_users from range(1)');
	await other.locator('.cm-content').press('Shift+Alt+F');
	const otherEdited = 'SELECT 1 AS week1_churn_pct, 2 AS cohort_users\nFROM range(1)';
	await expect.poll(() => editorText(other)).toBe(otherEdited);
	await page.getByTestId('add-sql').click();
	await mine.getByRole('button', { name: 'Collapse cell' }).click();
	await expect(editor).toHaveCount(0);
	await mine.getByRole('button', { name: 'Expand cell' }).click();

	// Undo in my cell takes back its Format, and leaves the other cell as it is.
	await editor.click();
	await editor.press('Control+z');
	const typed = 'select week1_churn_pct, cohort_users from summary_week1';
	await expect.poll(() => editorText(mine)).toBe(typed);
	expect(await editorText(other)).toBe(otherEdited);
	// Undo in the other cell takes back its own edits only (each press one step; extra ones do nothing).
	await other.locator('.cm-content').click();
	for (let i = 0; i < 6; i += 1) await other.locator('.cm-content').press('Control+z');
	await expect.poll(() => editorText(other)).toBe(otherBefore);
	expect(await editorText(mine)).toBe(typed);
});

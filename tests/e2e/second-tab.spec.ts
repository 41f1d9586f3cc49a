import { expect, test } from './fixtures';
import { settled } from './helpers';

test('a second tab on the same workspace says so instead of failing', async ({ context }) => {
	const first = await context.newPage();
	await first.goto('/');
	await settled(first);

	const second = await context.newPage();
	await second.goto('/');
	await expect(second.getByTestId('engine-status')).toHaveAttribute('data-phase', 'failed');
	await expect(second.getByText('already open in another tab')).toBeVisible();
	// The notebook is still shown, but edits there must not overwrite the first tab's autosave.
	await expect(second.locator('[data-testid="cell"]').first()).toBeVisible();
	const saved = await first.evaluate(() => localStorage.getItem('cin:notebook:v1'));
	await second.locator('[data-cell-name="overview_daily"] .cm-content').click();
	await second.keyboard.type('-- typed in the second tab');
	expect(await first.evaluate(() => localStorage.getItem('cin:notebook:v1'))).toBe(saved);
	await first.getByTestId('run-all').click();
	await settled(first);
	await expect(first.locator('[data-testid="cell"][data-cell-name="overview_daily"]')).toHaveAttribute('data-status', 'done');
});

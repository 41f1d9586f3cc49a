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
	// The notebook is still shown, but edits there must not overwrite the first tab's autosave:
	// the notebook library (its list and texts) stays as the first tab left it, even once the
	// second tab is closing and writes what it has (pagehide).
	await expect(second.locator('[data-testid="cell"]').first()).toBeVisible();
	const library = () => first.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith('cin:notebook')).sort());
	const saved = await library();
	expect(saved.some(([key, text]) => key.startsWith('cin:notebook-text:') && text.includes('overview_daily'))).toBe(true);
	await second.locator('[data-cell-name="overview_daily"] .cm-content').click();
	await second.keyboard.type('-- typed in the second tab');
	await second.evaluate(() => window.dispatchEvent(new Event('pagehide')));
	expect(await library()).toEqual(saved);
	// The first tab keeps working: a cell re-runs (and so its dependants) on its engine.
	await first.locator('[data-testid="cell"][data-cell-name="overview_daily"] [data-testid="run-cell"]').click();
	await settled(first);
	await expect(first.locator('[data-testid="cell"][data-cell-name="overview_daily"]')).toHaveAttribute('data-status', 'done');
	expect((await first.evaluate(() => window.cin.cells(0))).find((c) => c.name === 'overview_daily')?.ms).toEqual(expect.any(Number));
});

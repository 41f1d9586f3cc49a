import { expect, test } from './fixtures';
import { addSqlCell, settled } from './helpers';

test('a CSV opened through the fallback file input becomes a table, and hostile text in its file name, headers and values is shown as text, never as HTML', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	await page.getByTestId('file-input').setInputFiles({
		name: 'stores.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('store_id,city,revenue\n1,Lisbon,10.5\n2,Porto,7.25\n3,Braga,\n')
	});
	await expect(page.getByTestId('notice')).toContainText('stores.csv: 3 rows loaded into table stores');
	await expect(page.getByTestId('catalog-table').filter({ hasText: 'stores' })).toBeVisible();

	// Hostile text in the file name, the headers and the values: each payload would set
	// window.__pwned if any of it reached the DOM as HTML.
	const img = (n: number) => `<img src=x onerror=window.__pwned=${n}>`;
	const script = '<script>window.__pwned=4</script>';
	await page.getByTestId('file-input').setInputFiles({
		name: `${img(1)}.csv`,
		mimeType: 'text/csv',
		buffer: Buffer.from(`"${img(2)}",label\n"${img(3)}","${script}"\n"<b>bold</b>",plain\n`)
	});
	const table = 'img_src_x_onerror_window___pwned_1';
	await expect(page.getByTestId('notice')).toContainText(`${img(1)}.csv: 2 rows loaded into table ${table}`);
	await expect(page.getByTestId('catalog-table').filter({ hasText: table })).toBeVisible();

	const shown = await addSqlCell(page, 'hostile', `SELECT * FROM ${table}`);
	const result = shown.getByTestId('result-table');
	await expect(result).toHaveAttribute('data-rows', '2');
	await expect(result).toContainText(img(2));
	await expect(result).toContainText(img(3));
	await expect(result).toContainText(script);
	await expect(result).toContainText('<b>bold</b>');
	// Rendered as text: no element was made from any of it, and nothing ran.
	expect(await page.locator('img[src="x"], b:text("bold")').count()).toBe(0);
	expect(await page.locator('script').evaluateAll((els) => els.filter((e) => e.textContent?.includes('__pwned')).length)).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('an event log opened through the fallback input becomes the open dataset and the notebook re-runs on it', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	const header = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
	const rows = [
		'2019-10-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,541312140,72d76fde-8bb3-4e00-8c23-a032dfed738c',
		'2019-10-01 00:00:05 UTC,cart,3900821,2053013552326770905,appliances.environment.water_heater,aqua,33.20,554748717,9333dfbd-b87a-4708-9857-6336556b0fcc',
		'2019-10-01 00:00:09 UTC,purchase,3900821,2053013552326770905,appliances.environment.water_heater,aqua,33.20,554748717,9333dfbd-b87a-4708-9857-6336556b0fcc'
	];
	await page.getByTestId('file-input').setInputFiles({
		name: '2019-Oct.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from([header, ...rows].join('\n') + '\n')
	});
	await expect(page.getByTestId('notice')).toContainText('2019-Oct.csv: 3 events ingested', { timeout: 60_000 });
	await settled(page);
	// A three-event log runs every descriptive cell, also_bought included. Its one day has no
	// feature cut (a cut needs days before it), so the model's cut inputs refuse their dates by
	// name, and the feature tables, the model, the lab and the cells reading them wait upstream.
	const cells = await page.evaluate(() => window.cin.cells(1));
	const modelOrLab = (name: string | null) => /^(propensity|lab_|model_(train|test)_cut$)/.test(name ?? '');
	const readsModelOrLab = (error: string | null) => /^upstream error in `(propensity|lab_\w+|model_(train|test)_cut)`$/.test(error ?? '');
	expect(cells.filter((c) => c.status !== 'done' && !modelOrLab(c.name) && !readsModelOrLab(c.error)).map((c) => `${c.name}: ${c.error}`)).toEqual([]);
	expect(cells.find((c) => c.name === 'also_bought')?.status).toBe('done');
	expect(cells.find((c) => c.name === 'model_cuts')?.status).toBe('done');
	const errorOf = (name: string) => cells.find((c) => c.name === name)?.error;
	expect(errorOf('model_train_cut')).toBe('"2019-10-16" is not one of the choices in `model_cuts`: pick another, or clear the box for the default');
	expect(errorOf('model_test_cut')).toBe('"2019-11-01" is not one of the choices in `model_cuts`: pick another, or clear the box for the default');
	expect(errorOf('propensity')).toMatch(/^upstream error in `model_(train|test)_cut`$/);
	expect(cells.find((c) => c.name === 'overview_kpis')?.rows[0]).toEqual(expect.arrayContaining([1]));
});

test('a 0-byte file and a foreign notebook get clear errors and change nothing', async ({ page }) => {
	await page.goto('/');
	await settled(page);
	await page.getByTestId('file-input').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
	await expect(page.getByTestId('notice')).toContainText('empty.csv is empty (0 bytes)');

	const cellsBefore = await page.locator('[data-testid="cell"]').count();
	await page.getByTestId('notebook-input').setInputFiles({
		name: 'README.md',
		mimeType: 'text/markdown',
		buffer: Buffer.from('# Some other project\n\nNot a notebook.\n')
	});
	await expect(page.getByTestId('notice')).toContainText('README.md is not a notebook this app can open');
	await expect(page.getByTestId('notice')).toContainText('line 1');
	expect(await page.locator('[data-testid="cell"]').count()).toBe(cellsBefore);
});

// Prepares the profile most e2e tests start from (fixtures.ts): a first visit that ingests the
// bundled sample and runs the default notebook, once per test run. Tests get copies of it.
import { mkdirSync, rmSync } from 'node:fs';
import { expect, test as setup } from '@playwright/test';
import { launchProfile, PREPARED_PROFILE } from './fixtures';
import { cell, settled } from './helpers';

setup('a profile with the bundled sample ingested and the default notebook run and saved', async ({ baseURL }) => {
	rmSync(PREPARED_PROFILE, { recursive: true, force: true });
	mkdirSync(PREPARED_PROFILE, { recursive: true });
	const context = await launchProfile(PREPARED_PROFILE, baseURL);
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto('/');
		// Settled includes the deferred CHECKPOINT and the output snapshot: until then the cell
		// tables are only in DuckDB's WAL, which is not durable in OPFS.
		await settled(page);
		await expect(page.getByTestId('app')).toHaveAttribute('data-dataset', 'sample');
		// The same check a returning user's first screen makes: the state reached the disk, so
		// a copy of this profile opens the sample and its saved results without re-ingesting.
		await page.reload();
		await expect(cell(page, 'overview_kpis')).toContainText('from the saved result');
		await settled(page);
		await expect(page.getByTestId('app')).toHaveAttribute('data-dataset', 'sample');
		// The service worker has cached the site: every test's page is served by it, as a returning user's is.
		expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
		expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
		// V8 writes the engine's compiled code to Chrome's code cache only once enough of it has
		// been optimised, which a page showing saved results never does: run the notebook and
		// give V8 a moment, so each copy of this profile starts the engine from cached code (as
		// a user's browser does after a working session) instead of compiling 35 MB per test.
		await page.evaluate(() => window.cin.runAll(true));
		await settled(page);
		await page.waitForTimeout(5_000);
	} finally {
		// Chromium writes localStorage and IndexedDB out and releases the profile as it closes:
		// only a closed profile is safe to copy.
		await context.close();
	}
});

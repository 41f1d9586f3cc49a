import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { settled } from './helpers';

// Chrome keeps a wasm module's compiled code beside its HTTP cache entry only when the module
// is compiled straight from the fetch Response (engine-worker.ts). Then a reload deserialises
// DuckDB's code, including the functions V8 had optimised, instead of compiling 34 MB afresh
// and re-optimising during the first queries. A normal profile, as users have: a test
// context is incognito-like, where Chrome keeps no code cache at all.
test('a reload starts the SQL engine from the code Chrome cached on the first visit', async ({ baseURL }) => {
	const profile = mkdtempSync(path.join(tmpdir(), 'cin-e2e-profile-'));
	const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, baseURL });
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto('/');
		await settled(page);
		// V8 hands the code to the cache a moment after the hot functions were optimised.
		await page.waitForTimeout(8_000);

		const cdp = await context.newCDPSession(page);
		const names = new Set<string>();
		cdp.on('Tracing.dataCollected', (e) => e.value.forEach((event) => names.add(String(event.name))));
		const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
		await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['v8.wasm'] } });
		await page.reload();
		await settled(page);
		await cdp.send('Tracing.end');
		await complete;
		expect(names.has('wasm.Deserialize'), 'the engine was compiled from the code cache').toBe(true);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

import { expect, test } from './fixtures';
import { settled } from './helpers';

// Chrome keeps a wasm module's compiled code beside its HTTP cache entry only when the module
// is compiled straight from the fetch Response (engine-worker.ts). Then a reload deserialises
// DuckDB's code, including the functions V8 had optimised, instead of compiling 34 MB afresh
// and re-optimising during the first queries. A profile on disk, as users have (an
// incognito-like context keeps no code cache at all), and an empty one: the prepared profile
// other tests copy already holds the code its own first visit cached.
test.use({ profile: 'empty' });

test('a reload starts the SQL engine from the code Chrome cached on the first visit', async ({ context, page }) => {
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
});

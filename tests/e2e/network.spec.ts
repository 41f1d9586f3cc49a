import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { settled } from './helpers';

// From an empty profile, as a first visit: the one run that fetches the bundled sample and the
// engine over the network and ingests the sample, besides running every cell. A prepared
// profile (fixtures.ts) would skip all of that and could serve the rest from Chrome's cache.
test.describe(() => {
	test.use({ profile: 'empty' });

	test('a full notebook run makes no request outside the app origin', async ({ page, context, baseURL }) => {
		const origin = new URL(baseURL!).origin;
		const requests: string[] = [];
		context.on('request', (request) => requests.push(request.url()));
		page.on('worker', (worker) => requests.push(worker.url()));
		await page.goto('/');
		await settled(page);
		await page.getByTestId('run-all').click();
		await settled(page);
		expect(requests.length).toBeGreaterThan(5);
		const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
		expect(foreign).toEqual([]);
	});
});

test('the built site references no CDN or extension host', () => {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir)) {
			const full = path.join(dir, entry);
			if (statSync(full).isDirectory()) walk(full);
			else files.push(full);
		}
	};
	walk('build');
	expect(files.some((f) => f.endsWith('.wasm'))).toBe(true);
	const offending = files.filter((f) =>
		/cdn\.jsdelivr|unpkg\.com|extensions\.duckdb\.org|fonts\.googleapis|fonts\.gstatic/.test(readFileSync(f).toString('latin1'))
	);
	expect(offending).toEqual([]);
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

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

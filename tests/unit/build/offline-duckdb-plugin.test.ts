import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as duckdbBlocking from '@duckdb/duckdb-wasm/blocking';
import { neutraliseOutsideUrls } from '../../../scripts/offline-duckdb-plugin';

const require = createRequire(import.meta.url);
const OUTSIDE = /cdn\.jsdelivr|unpkg\.com|extensions\.duckdb\.org/;

describe('neutralising outside URLs in the DuckDB wasm', () => {
	it('replaces every extension host and CDN URL with a placeholder of the same length', () => {
		const input = new TextEncoder().encode('x\0https://extensions.duckdb.org\0https://community-extensions.duckdb.org\0<link href="https://unpkg.com/treeflex/dist/css/treeflex.css">');
		const { bytes, replaced } = neutraliseOutsideUrls(input);
		const text = new TextDecoder().decode(bytes);
		expect(replaced).toBe(3);
		expect(bytes.length).toBe(input.length);
		expect(text).not.toMatch(OUTSIDE);
		expect(text).toContain('file:///no-extensions');
	});

	it('leaves the real engine working after the patch', async () => {
		const wasmPath = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
		const original = readFileSync(wasmPath);
		expect(original.toString('latin1')).toMatch(OUTSIDE);
		const { bytes, replaced } = neutraliseOutsideUrls(original);
		expect(replaced).toBeGreaterThanOrEqual(3);
		expect(bytes.length).toBe(original.length);
		expect(Buffer.from(bytes).toString('latin1')).not.toMatch(OUTSIDE);

		const dir = mkdtempSync(path.join(tmpdir(), 'cin-wasm-'));
		const patched = path.join(dir, 'duckdb-eh.wasm');
		writeFileSync(patched, bytes);
		const duckdb: typeof duckdbBlocking = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
		const db = await duckdb.createDuckDB(
			{ mvp: { mainModule: patched, mainWorker: '' }, eh: { mainModule: patched, mainWorker: '' } },
			new duckdb.VoidLogger(),
			duckdb.NODE_RUNTIME
		);
		await db.instantiate();
		db.open({});
		const conn = db.connect();
		const value = conn.query(`SELECT sum(i)::INTEGER AS s FROM range(101) t(i)`).getChildAt(0)?.get(0);
		expect(value).toBe(5050);
		conn.close();
		db.reset();
	});
});

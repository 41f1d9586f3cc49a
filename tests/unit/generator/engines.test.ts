import { describe, expect, it } from 'vitest';
import { generatorStatements } from '../../../src/lib/generator/index';
import { fingerprintSql } from '../../../src/lib/generator/fingerprint';
import { openWasmDuckDB } from '../support/wasm-duckdb';
import { openNative, rows, runAll } from './native';

const OPTIONS = { scale: 0.0005, seed: 42 } as const;

function plain(v: unknown): unknown {
	return typeof v === 'bigint' ? String(v) : v;
}

async function nativeFingerprint(options: { scale: number; seed: number }) {
	const db = await openNative();
	try {
		await runAll(db.conn, generatorStatements(options));
		return (await rows(db.conn, fingerprintSql())).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])));
	} finally {
		db.close();
	}
}

describe('generator engines', () => {
	it('gives identical rows on native DuckDB 1.5 and DuckDB-WASM 1.4 for the same seed and scale', async () => {
		const wasm = await openWasmDuckDB();
		let browser: Record<string, string>[];
		try {
			for (const s of generatorStatements(OPTIONS)) wasm.conn.query(s.sql);
			const types = wasm.conn.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position`);
			expect(types.toArray().map((r) => `${r.column_name} ${r.data_type}`)).toEqual([
				'event_time TIMESTAMP', 'event_type VARCHAR', 'product_id BIGINT', 'category_id BIGINT', 'category_code VARCHAR',
				'brand VARCHAR', 'price DOUBLE', 'user_id BIGINT', 'user_session VARCHAR'
			]);
			browser = wasm.conn.query(fingerprintSql()).toArray().map((r) =>
				Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, String(plain(v))]))
			);
			const leftovers = wasm.conn.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'gen\\_%' ESCAPE '\\'`);
			expect(leftovers.toArray()[0].n).toBe(0);
		} finally {
			wasm.close();
		}
		const native = await nativeFingerprint(OPTIONS);
		expect(browser).toHaveLength(2);
		expect(Number(browser[0].rows)).toBeGreaterThan(20_000);
		expect(browser).toEqual(native);
	}, 180_000);

	it('changes every month’s rows when the seed changes', async () => {
		const a = await nativeFingerprint({ scale: 0.0001, seed: 1 });
		const b = await nativeFingerprint({ scale: 0.0001, seed: 2 });
		expect(a.map((r) => r.checksum)).not.toEqual(b.map((r) => r.checksum));
		expect(a.map((r) => r.rows)).not.toEqual(b.map((r) => r.rows));
	}, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../../scripts/generate/args';
import { generate, type Summary } from '../../../scripts/generate/run';
import { openWasmDuckDB } from '../support/wasm-duckdb';
import { openNative, rows } from './native';

const HEADER = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
const ROW = /^2019-1[01]-\d\d \d\d:\d\d:\d\d UTC,(view|cart|purchase),\d{6,9},\d{19},[a-z_.]*,[a-z0-9.\-]*,-?\d+\.\d\d,\d{9},([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})?$/;

describe('npm run generate', () => {
	const dir = mkdtempSync(join(tmpdir(), 'cin-generate-test-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('parses options and rejects unknown ones', () => {
		const a = parseArgs(['--', '--scale', '0.5', '--seed', '7', '--format', 'parquet', '--out', 'x', '--report']);
		expect(a).toMatchObject({ scale: 0.5, seed: 7, format: 'parquet', out: 'x', report: true, gzip: false });
		expect(parseArgs(['--sample'])).toMatchObject({ scale: 0.003, seed: 42, gzip: true, out: 'sample-data' });
		expect(() => parseArgs(['--format', 'json'])).toThrow('invalid --format: json');
		expect(() => parseArgs(['--bogus'])).toThrow('unknown option: --bogus');
	});

	describe('csv', () => {
		let summary: Summary;
		beforeAll(async () => {
			summary = await generate({ ...parseArgs(['--scale', '0.0005', '--out', join(dir, 'csv')]), quiet: true });
		}, 120_000);

		it('writes one Kaggle-format file per month', () => {
			expect(summary.files.map((f) => f.path.split('/').pop())).toEqual(['2019-Oct.csv', '2019-Nov.csv']);
			for (const [i, f] of summary.files.entries()) {
				const lines = readFileSync(f.path, 'utf8').split('\n');
				expect(lines[0]).toBe(HEADER);
				expect(lines.pop()).toBe('');
				const body = lines.slice(1);
				expect(body.length).toBeGreaterThan(10_000);
				const bad = body.filter((l) => !ROW.test(l));
				expect(bad.slice(0, 3)).toEqual([]);
				expect(body.every((l) => l.startsWith(i === 0 ? '2019-10' : '2019-11'))).toBe(true);
				const times = body.map((l) => l.slice(0, 19));
				expect(times.every((t, k) => k === 0 || times[k - 1] <= t)).toBe(true);
				expect(body.some((l) => l.includes(',,'))).toBe(true);
			}
			expect(summary.rows).toBe(summary.files.reduce((a, f) => a + readFileSync(f.path, 'utf8').split('\n').length - 2, 0));
		});

		it('gives every session one user and a unique id', async () => {
			const db = await openNative();
			try {
				const files = summary.files.map((f) => `'${f.path}'`).join(', ');
				const [r] = await rows(db.conn, `SELECT count(*) FILTER (WHERE users > 1) AS shared, count(*) AS sessions
					FROM (SELECT user_session, count(DISTINCT user_id) AS users FROM read_csv([${files}]) WHERE user_session IS NOT NULL GROUP BY 1)`);
				expect(r.shared).toBe(0);
				expect(r.sessions).toBeGreaterThan(3000);
			} finally {
				db.close();
			}
		});
	});

	it('writes typed Parquet files and a .duckdb that DuckDB-WASM 1.4 opens', async () => {
		const base = { ...parseArgs(['--scale', '0.0001']), quiet: true };
		const pq = await generate({ ...base, format: 'parquet', out: join(dir, 'pq') });
		const dd = await generate({ ...base, format: 'duckdb', out: join(dir, 'dd') });
		expect(pq.files.map((f) => f.path.split('/').pop())).toEqual(['2019-Oct.parquet', '2019-Nov.parquet']);
		expect(pq.rows).toBe(dd.rows);
		const db = await openNative();
		try {
			const types = await rows(db.conn, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${pq.files[0].path}'))`);
			expect(types.map((t) => `${t.column_name} ${t.column_type}`)).toEqual([
				'event_time TIMESTAMP', 'event_type VARCHAR', 'product_id BIGINT', 'category_id BIGINT', 'category_code VARCHAR',
				'brand VARCHAR', 'price DOUBLE', 'user_id BIGINT', 'user_session VARCHAR'
			]);
		} finally {
			db.close();
		}
		const wasm = await openWasmDuckDB();
		try {
			const bytes = new Uint8Array(readFileSync(dd.files[0].path));
			wasm.conn.useUnsafe((bindings) => bindings.registerFileBuffer('generated.duckdb', bytes));
			wasm.conn.query(`ATTACH 'generated.duckdb' AS gen (READ_ONLY)`);
			const n = wasm.conn.query(`SELECT count(*)::INTEGER AS n FROM gen.events`).toArray()[0].n;
			expect(n).toBe(dd.rows);
		} finally {
			wasm.close();
		}
	}, 120_000);
});

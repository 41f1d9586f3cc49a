import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from '../../../scripts/generate/args';
import { generate } from '../../../scripts/generate/run';
import { EVENT_COLUMN_TYPES, EVENT_COLUMNS } from '../../../src/lib/generator/index';
import { fidelityQueries, judge, type FidelityResult } from '../../../src/lib/generator/fidelity';
import { openNative, rows } from './native';

const SAMPLE = resolve('sample-data');
const FILES = ['2019-Oct.csv.gz', '2019-Nov.csv.gz'];

describe('committed sample', () => {
	it('is what the generator writes today, byte for byte (decompressed)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'cin-sample-'));
		try {
			const args = { ...parseArgs(['--sample']), out: dir, quiet: true };
			await generate(args);
			for (const f of FILES) {
				const fresh = gunzipSync(readFileSync(join(dir, f)));
				const committed = gunzipSync(readFileSync(join(SAMPLE, f)));
				expect(fresh.length).toBe(committed.length);
				expect(fresh.equals(committed)).toBe(true);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 180_000);

	describe('fidelity', () => {
		let db: Awaited<ReturnType<typeof openNative>>;
		let results: FidelityResult[];
		beforeAll(async () => {
			db = await openNative();
			const columns = EVENT_COLUMNS.map((c) => `'${c}': '${EVENT_COLUMN_TYPES[c]}'`).join(', ');
			const list = FILES.map((f) => `'${join(SAMPLE, f)}'`).join(', ');
			await db.conn.run(`CREATE TABLE events AS SELECT * FROM read_csv([${list}], header = true, columns = {${columns}}, timestampformat = '%Y-%m-%d %H:%M:%S UTC')`);
			results = [];
			for (const q of fidelityQueries({ scale: 0.003 }).filter((q) => !q.hidden)) {
				const [r] = await rows(db.conn, q.sql);
				results.push(judge(q, Object.values(r)[0]));
			}
		}, 120_000);
		afterAll(() => db.close());

		it('has thousands of buyers', async () => {
			const [r] = await rows(db.conn, `SELECT count(DISTINCT user_id) AS buyers FROM events WHERE event_type = 'purchase'`);
			expect(r.buyers as number).toBeGreaterThanOrEqual(2000);
		});

		it('meets every calibration target of the fidelity report', () => {
			const failed = results.filter((r) => r.ok === false).map((r) => `${r.label}: ${r.generated} vs ${r.target}`);
			expect(failed).toEqual([]);
			expect(results.filter((r) => r.ok === true).length).toBeGreaterThan(50);
		});
	});
});

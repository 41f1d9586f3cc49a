import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnSummariesSql, HISTOGRAM_BINS, summarizeColumns, type ColumnSummary } from '../../../src/lib/data/column-summaries';
import { qualified } from '../../../src/lib/data/sql';
import type { ColumnInfo } from '../../../src/lib/data/value';
import { WasmTestClient } from '../support/wasm-client';

// Every summary here is checked against the data it was made from, on the real engine.
describe('column summaries', () => {
	let db: WasmTestClient;
	beforeAll(async () => {
		db = await WasmTestClient.open(['CREATE SCHEMA nb']);
	});
	afterAll(() => db.close());

	/** The table's columns as the app sees them, and its summaries. */
	async function summarize(table: string, options = {}): Promise<{ columns: ColumnInfo[]; summaries: ColumnSummary[] }> {
		const head = await db.query(`SELECT * FROM ${qualified('nb', table)} LIMIT 0`);
		const [{ n }] = (await db.query(`SELECT count(*) AS n FROM ${qualified('nb', table)}`)).rows.map(([n]) => ({ n: Number(n) }));
		return { columns: head.columns, summaries: await summarizeColumns(db, 'nb', table, head.columns, n, options) };
	}

	it('bins numbers into equal-width bins over every row, with exact min and max, NULLs and distinct values', async () => {
		// 1..100 squared (skewed) and 5 NULLs, as DOUBLE.
		await db.exec(`CREATE TABLE nb.nums AS SELECT CASE WHEN i <= 100 THEN (i * i)::DOUBLE END AS x FROM range(1, 106) r(i)`);
		const { summaries } = await summarize('nums');
		const [x] = summaries;
		expect(x).toMatchObject({ rows: 105, nulls: 5, sampled: null, top: null });
		expect(x.distinct).toBeGreaterThanOrEqual(95);
		expect(x.distinct).toBeLessThanOrEqual(100);
		expect(x.histogram).toMatchObject({ min: '1.0', max: '10000.0', low: 1, high: 10000, temporal: false });
		const width = (10000 - 1) / HISTOGRAM_BINS;
		const expected = new Array(HISTOGRAM_BINS).fill(0);
		for (let i = 1; i <= 100; i++) expected[Math.min(HISTOGRAM_BINS - 1, Math.floor((i * i - 1) / width))]++;
		expect(x.histogram!.bins).toEqual(expected);
	});

	it('gives integers spanning few values one bin per value', async () => {
		await db.exec(`CREATE TABLE nb.small_ints AS SELECT (i % 7)::INTEGER AS k, 5 AS same FROM range(700) r(i)`);
		const { summaries } = await summarize('small_ints');
		expect(summaries[0].histogram).toMatchObject({ perValue: true, bins: [100, 100, 100, 100, 100, 100, 100] });
		expect(summaries[1].histogram).toMatchObject({ min: '5', max: '5', bins: [700] });
	});

	it('bins timestamps and dates by time, with their exact first and last values', async () => {
		await db.exec(`CREATE TABLE nb.times AS SELECT TIMESTAMP '2019-10-01 00:00:00' + INTERVAL (i) HOUR AS ts, DATE '2019-10-01' + (i % 10)::INTEGER AS d FROM range(160) r(i)`);
		const { summaries } = await summarize('times');
		expect(summaries[0].histogram).toMatchObject({ min: '2019-10-01 00:00:00', max: '2019-10-07 15:00:00', temporal: true, low: Date.UTC(2019, 9, 1) / 1000 });
		expect(summaries[0].histogram!.bins.reduce((a, b) => a + b)).toBe(160);
		expect(summaries[0].histogram!.bins).toEqual([...new Array(15).fill(10), 10]);
		expect(summaries[1].histogram).toMatchObject({ min: '2019-10-01', max: '2019-10-10', temporal: true });
		expect(summaries[1].histogram!.bins.reduce((a, b) => a + b)).toBe(160);
	});

	it('lists the most frequent text and boolean values with their counts and what else there is', async () => {
		await db.exec(`CREATE TABLE nb.words AS SELECT * FROM (VALUES ('a', true), ('a', true), ('a', false), ('a', NULL), ('a', true),
			('b', true), ('b', false), ('b', true), ('c', NULL), ('c', true), ('d', true), ('e', true), (NULL, true)) v(w, flag)`);
		const { summaries } = await summarize('words');
		const [w, flag] = summaries;
		expect(w).toMatchObject({ rows: 13, nulls: 1, distinct: 5, histogram: null });
		expect(w.top).toEqual({
			values: [{ value: 'a', count: 5 }, { value: 'b', count: 3 }, { value: 'c', count: 2 }],
			otherRows: 2,
			otherValues: 2
		});
		expect(flag).toMatchObject({ nulls: 2, distinct: 2 });
		expect(flag.top).toEqual({ values: [{ value: 'true', count: 9 }, { value: 'false', count: 2 }], otherRows: 0, otherValues: 0 });
	});

	it('summarises a column of NULLs only, and an empty result', async () => {
		await db.exec(`CREATE TABLE nb.nulls AS SELECT NULL::INTEGER AS n, NULL::VARCHAR AS s, NULL::TIMESTAMP AS t FROM range(4)`);
		const all = (await summarize('nulls')).summaries;
		expect(all.map((c) => [c.rows, c.nulls, c.distinct, c.histogram])).toEqual([[4, 4, 0, null], [4, 4, 0, null], [4, 4, 0, null]]);
		expect(all[1].top).toEqual({ values: [], otherRows: 0, otherValues: 0 });

		await db.exec(`CREATE TABLE nb.empty AS SELECT 1 AS n, 'x' AS s, [1] AS l WHERE false`);
		const none = (await summarize('empty')).summaries;
		expect(none.map((c) => [c.rows, c.nulls, c.histogram])).toEqual([[0, 0, null], [0, 0, null], [0, 0, null]]);
		expect(none[2].distinct).toBeNull(); // a list column gets NULLs only
	});

	it('never puts a column name into the SQL: quotes, spaces and markup are safe', async () => {
		await db.exec(`CREATE TABLE nb."odd ""table""" AS SELECT 1 AS "it's ""quoted""", 'x' AS "<img src=x onerror=alert(1)>", 2.5 AS "a b; DROP TABLE t" FROM range(3)`);
		const { columns, summaries } = await summarize('odd "table"');
		const sql = columnSummariesSql('nb', 'odd "table"', columns, 3);
		for (const c of columns) expect(sql).not.toContain(c.name);
		expect(summaries.map((s) => s.rows)).toEqual([3, 3, 3]);
		expect(summaries[1].top!.values).toEqual([{ value: 'x', count: 3 }]);
	});

	it('keeps huge integers and decimals exact in min and max', async () => {
		await db.exec(`CREATE TABLE nb.huge AS SELECT * FROM (VALUES
			(170141183460469231731687303715884105727::HUGEINT, 18446744073709551615::UBIGINT, 0.125::DECIMAL(18,3), 12345678901234567890.12::DECIMAL(38,2)),
			(-170141183460469231731687303715884105727::HUGEINT, 0::UBIGINT, -7.5::DECIMAL(18,3), 1::DECIMAL(38,2)),
			(1::HUGEINT, 9007199254740993::UBIGINT, NULL, 2::DECIMAL(38,2))) v(h, u, d, w)`);
		const { summaries } = await summarize('huge');
		const [h, u, d, w] = summaries;
		expect(h.histogram).toMatchObject({ min: '-170141183460469231731687303715884105727', max: '170141183460469231731687303715884105727' });
		expect(u.histogram).toMatchObject({ min: '0', max: '18446744073709551615' });
		expect(d).toMatchObject({ nulls: 1, histogram: { min: '-7.500', max: '0.125' } });
		expect(w.histogram).toMatchObject({ min: '1.00', max: '12345678901234567890.12' });
		for (const c of summaries) expect(c.histogram!.bins.reduce((a, b) => a + b)).toBe(3 - c.nulls);
	});

	it('counts histograms and top values of a large result from a seeded sample, scaled to every row', async () => {
		// 'g' || (i % 4) with i % 4 = 0 twice as often as 1..3 by construction: shares 40/20/20/20.
		await db.exec(`CREATE TABLE nb.large AS SELECT i AS n, CASE WHEN i % 5 = 4 THEN 'g0' ELSE 'g' || (i % 5 % 4) END AS g FROM range(20000) r(i)`);
		const { summaries } = await summarize('large', { sampleAbove: 10_000, sampleRows: 4_000 });
		const [n, g] = summaries;
		expect(n.sampled).toBe(4_000);
		expect(n).toMatchObject({ rows: 20_000, nulls: 0, histogram: { min: '0', max: '19999' } });
		const bins = n.histogram!.bins;
		expect(bins.reduce((a, b) => a + b)).toBeCloseTo(20_000, -2);
		for (const count of bins) expect(Math.abs(count - 1250)).toBeLessThan(400);
		expect(g.top!.values[0].value).toBe('g0');
		expect(Math.abs(g.top!.values[0].count - 8000)).toBeLessThan(800);
		expect(g.top!.otherRows + g.top!.values.reduce((a, v) => a + v.count, 0)).toBeCloseTo(20_000, -2);
		// The same seed gives the same sample.
		expect((await summarize('large', { sampleAbove: 10_000, sampleRows: 4_000 })).summaries).toEqual(summaries);
	});
});

// The native client must hand the runtime what the page's client hands it: the same values and
// column types for the same query (checked against DuckDB-WASM, the page's engine), errors
// carrying their SQL, and a model's columns as typed arrays both ways.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeSqlClient } from '../../../scripts/bench/native-sql-client';
import { QueryError } from '../../../src/lib/data/query-error';
import { WasmTestClient } from '../support/wasm-client';

const EVERY_TYPE = `SELECT
	42::TINYINT AS ti, 7::UTINYINT AS uti, 300::SMALLINT AS si, 70000::INTEGER AS i, 4000000000::UINTEGER AS ui,
	9007199254740993::BIGINT AS big_exact, 12::BIGINT AS big_small, 2053013555631882655::BIGINT AS category_id,
	12345678901234567890123::HUGEINT AS huge, sum(x)::HUGEINT AS hsum,
	1.5::FLOAT AS f, 0.1::DOUBLE AS d, 'NaN'::DOUBLE AS nan, 'inf'::DOUBLE AS inf,
	12.34::DECIMAL(9,2) AS price, -0.05::DECIMAL(9,2) AS neg, 123456789012345678.12::DECIMAL(38,2) AS wide,
	'héllo' AS s, 'view'::ENUM('view', 'cart') AS e, true AS b, NULL::INTEGER AS nothing,
	DATE '2019-10-01' AS day, TIMESTAMP '2019-10-01 13:05:07.123456' AS ts, TIMESTAMP_S '2019-11-30 23:59:59' AS ts_s,
	TIME '01:02:03' AS t, [1, 2, NULL] AS ints, [DATE '2019-10-02'] AS days, {'a': 1, 'b': 'x'} AS st,
	'\\x01\\xff'::BLOB AS bl
FROM (SELECT 1 AS x)`;

describe('the native SQL client', () => {
	let dir: string;
	let native: { client: NativeSqlClient; close(): void };
	let wasm: WasmTestClient;

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'cin-native-client-'));
		native = await NativeSqlClient.open(path.join(dir, 'n.duckdb'), { threads: 2, tempDirectory: path.join(dir, 'spill') });
		wasm = await WasmTestClient.open();
	}, 120_000);
	afterAll(() => {
		native?.close();
		wasm?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('gives every column the value and type name the page gets from DuckDB-WASM', async () => {
		const [n, w] = [await native.client.query(EVERY_TYPE), await wasm.query(EVERY_TYPE)];
		expect(n.columns.map((c) => [c.name, c.type, c.kind])).toEqual(w.columns.map((c) => [c.name, c.type, c.kind]));
		expect(n.rows).toEqual(w.rows);
		expect(n.rows[0][7]).toBe('2053013555631882655');
	});

	it('opens with the threads and the spill directory it is given', async () => {
		const r = await native.client.query(`SELECT current_setting('threads'), current_setting('temp_directory')`);
		expect(r.rows).toEqual([[2, path.join(dir, 'spill')]]);
	});

	it('keeps at most maxRows rows while counting them all, and runs several statements', async () => {
		const r = await native.client.query('CREATE OR REPLACE TABLE t AS SELECT range AS x FROM range(5000); SELECT x FROM t ORDER BY x', { maxRows: 3 });
		expect(r.rows).toEqual([[0], [1], [2]]);
		expect(r.rowCount).toBe(5000);
	});

	it('reports a failed query as a QueryError carrying its SQL', async () => {
		const failure = native.client.query('SELECT no_such_column FROM t');
		await expect(failure).rejects.toBeInstanceOf(QueryError);
		await expect(failure).rejects.toMatchObject({ sql: 'SELECT no_such_column FROM t', message: expect.stringContaining('no_such_column') });
	});

	it('moves numeric columns as typed arrays both ways, NULL as NaN in floating columns', async () => {
		const read = await native.client.readColumns(
			`SELECT range::BIGINT AS id, (range % 2)::UTINYINT AS label, CASE WHEN range = 1 THEN NULL ELSE range / 4 END::FLOAT AS f, range::INTEGER AS n FROM range(3000) ORDER BY 1`
		);
		expect(read.names).toEqual(['id', 'label', 'f', 'n']);
		expect(read.arrays.map((a) => a.constructor.name)).toEqual(['Float64Array', 'Uint8Array', 'Float32Array', 'Int32Array']);
		expect(read.rows).toBe(3000);
		expect(Array.from(read.arrays[2].slice(0, 3))).toEqual([0, NaN, 0.5]);
		await expect(native.client.readColumns(`SELECT CASE WHEN range = 1 THEN NULL ELSE range END::INTEGER AS n FROM range(3)`)).rejects.toThrow('column n has NULLs');

		await native.client.exec('CREATE SCHEMA IF NOT EXISTS nb');
		await native.client.writeColumns('nb', 'scores', { names: ['id', 'score', 'decile', 'n'], arrays: [read.arrays[0], read.arrays[2], read.arrays[1], read.arrays[3]], rows: 3000 });
		const back = await native.client.query(`SELECT typeof(id), typeof(score), typeof(decile), typeof(n), count(*), count(*) FILTER (WHERE isnan(score)), sum(id) FROM nb.scores GROUP BY ALL`);
		expect(back.rows).toEqual([['DOUBLE', 'FLOAT', 'UTINYINT', 'INTEGER', 3000, 1, (2999 * 3000) / 2]]);
	});

	it('binds variables as the page does: numbers as DOUBLE, text as VARCHAR', async () => {
		await native.client.setVariable('top_n', 3);
		await native.client.setVariable('segment', "Can't lose");
		const r = await native.client.query(`SELECT typeof(getvariable('top_n')), getvariable('top_n'), getvariable('segment')`);
		expect(r.rows).toEqual([['DOUBLE', 3, "Can't lose"]]);
	});
});

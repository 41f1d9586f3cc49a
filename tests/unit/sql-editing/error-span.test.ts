// Error positions on DuckDB-WASM's own messages: every case runs bad SQL on the real engine,
// the named ones through the SQL cell kind, so the SQL that ran is the wrapped, bound query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmTestClient } from '../support/wasm-client';
import { kindRunner } from '../support/kind-runner';
import { RESULTS_CACHE_SETUP } from '../../../src/lib/runtime/results-cache';
import { newCellId, type CellData } from '../../../src/lib/notebook/cell';
import { errorSpan } from '../../../src/lib/sql-editing/error-span';
import { cellErrorSpan } from '../../../src/lib/sql-editing/cell-error-span';

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open([
		...RESULTS_CACHE_SETUP,
		`CREATE TABLE t AS SELECT 1 AS a, 'x' AS bee`,
		`SET VARIABLE min_a = 0`,
		`SET VARIABLE label = 'x'`
	]);
}, 60_000);
afterAll(() => db.close());

/** What the engine says about `sql`, run as the client runs it. */
async function failure(sql: string): Promise<{ message: string; sql: string }> {
	try {
		await db.query(sql);
	} catch (error) {
		return { message: (error as Error).message, sql: (error as { sql: string }).sql };
	}
	throw new Error(`expected ${sql} to fail`);
}

/** The error of `source` run as a SQL cell (named: materialised as nb.<name>), as the cell's state holds it. */
async function cellFailure(source: string, name: string | null): Promise<{ message: string; sql?: string }> {
	const run = kindRunner({ client: db, fingerprint: () => 'f', variables: () => new Set(['min_a', 'label']) });
	const cell: CellData = { id: newCellId(), kind: 'sql', name, source, attrs: {} };
	try {
		await run(cell, { signal: new AbortController().signal, force: true });
	} catch (error) {
		const sql = (error as { sql?: string }).sql;
		return sql === undefined ? { message: (error as Error).message } : { message: (error as Error).message, sql };
	}
	throw new Error(`expected the cell to fail: ${source}`);
}

/** The text an error's span covers. */
const marked = (text: string, span: { from: number; to: number } | null) => (span ? text.slice(span.from, span.to) : null);

describe('errorSpan on DuckDB-WASM messages', () => {
	it('marks an unknown column under the caret', async () => {
		const sql = 'SELECT a,\n  foo\nFROM t';
		const error = await failure(sql);
		expect(error.message).toContain('LINE 2:');
		expect(errorSpan(error.message, sql)).toEqual({ from: 12, to: 15 });
	});

	it('marks a qualified column whole, and a call with its arguments', async () => {
		const qualified = 'SELECT a FROM t x WHERE x.bogus = 1';
		expect(marked(qualified, errorSpan((await failure(qualified)).message, qualified))).toBe('x.bogus');
		const call = 'SELECT sum(bee) FROM t';
		expect(marked(call, errorSpan((await failure(call)).message, call))).toBe('sum(bee)');
	});

	it('marks the word a parser error is at, an unknown table and an unknown function', async () => {
		for (const [sql, expected] of [
			['SELEC a FROM t', 'SELEC'],
			['SELECT a b c FROM t', 'c'],
			['SELECT a FROM nope', 'nope'],
			['SELECT a FROM t JOIN t2 USING (a)', 't2'],
			['SELECT nope(a) FROM t', 'nope(a)'],
			["SELECT a + 'x' FROM t", '+'],
			["SELECT a FROM t WHERE a = 'one' AND 'unterminated", "'unterminated"]
		]) {
			expect(marked(sql, errorSpan((await failure(sql)).message, sql)), sql).toBe(expected);
		}
	});

	it('counts columns as DuckDB shows them: multi-byte characters once, tabs not at all', async () => {
		for (const sql of ["SELECT '→→→', foo FROM t", 'SELECT\ta,\tfoo FROM t', 'SELECT a,\r\n  foo\r\nFROM t']) {
			expect(marked(sql, errorSpan((await failure(sql)).message, sql)), JSON.stringify(sql)).toBe('foo');
		}
	});

	it('finds the spot in a long line DuckDB shows cut on both sides', async () => {
		const pad = "'" + 'a long string literal that pads the line '.repeat(3) + "'";
		const sql = `SELECT ${pad}, foo, ${pad} FROM t`;
		const error = await failure(sql);
		expect(error.message).toMatch(/LINE 1: \.\.\./);
		expect(errorSpan(error.message, sql)).toEqual({ from: sql.indexOf('foo'), to: sql.indexOf('foo') + 3 });
	});

	it('marks the last word at the end of the input, and an ambiguous column by its name', async () => {
		const cut = 'SELECT a FROM t WHERE';
		expect(marked(cut, errorSpan((await failure(cut)).message, cut))).toBe('WHERE');
		const ambiguous = 'SELECT x.a FROM t x JOIN t y ON x.a = y.a WHERE a = 1';
		const error = await failure(ambiguous);
		expect(error.message).not.toContain('LINE');
		expect(errorSpan(error.message, ambiguous)).toEqual({ from: ambiguous.lastIndexOf('a = 1'), to: ambiguous.lastIndexOf('a = 1') + 1 });
	});

	it('gives no span for an error that names no place', async () => {
		const sql = "SELECT strptime('x', '%Y')";
		expect(errorSpan((await failure(sql)).message, sql)).toBeNull();
	});
});

describe('cellErrorSpan: the error placed in the cell text', () => {
	it('finds it in a named cell, whose query ran inside CREATE TABLE … AS', async () => {
		const source = 'SELECT a,\n  foo\nFROM t';
		const error = await cellFailure(source, 'named_one');
		expect(error.sql).toContain('CREATE OR REPLACE TABLE');
		expect(marked(source, cellErrorSpan(source, error))).toBe('foo');
	});

	it('carries the position back past $variables bound as getvariable()', async () => {
		const source = "SELECT a FROM t\nWHERE a > $min_a AND bee = $label AND nope = 1";
		for (const name of ['bound', null]) {
			const error = await cellFailure(source, name);
			expect(error.sql).toContain("getvariable('label')");
			expect(marked(source, cellErrorSpan(source, error)), String(name)).toBe('nope');
		}
	});

	it('marks a failed cast of a variable whole, though the engine saw getvariable()', async () => {
		const source = 'SELECT a + $min_a AS b, $label::INTEGER AS n FROM t';
		const error = await cellFailure(source, 'cast_fails');
		expect(marked(source, cellErrorSpan(source, error))).toBe('$label::INTEGER');
	});

	it('finds it in a later statement of an unnamed cell by the name the message gives', async () => {
		// The engine's caret is off there (it lands on `t`), or missing after a third statement.
		for (const source of ['SELECT 1;\nSELECT foo FROM t', 'SELECT 1; SELECT 2; SELECT a,\n foo FROM t']) {
			expect(marked(source, cellErrorSpan(source, await cellFailure(source, null))), source).toBe('foo');
		}
	});

	it('gives no span when the error is outside the cell text', () => {
		const source = 'SELECT 1 AS a';
		const error = { message: 'Binder Error: x\n\nLINE 1: INSERT INTO nb._cells SELECT zz\n                                     ^', sql: 'INSERT INTO nb._cells SELECT zz' };
		expect(cellErrorSpan(source, error)).toBeNull();
	});
});

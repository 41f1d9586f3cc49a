// The function list and the keywords, against the real DuckDB-WASM engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmTestClient } from '../support/wasm-client';
import { listSqlFunctions, type SqlFunction } from '../../../src/lib/sql-editing/sql-functions';
import { CLAUSE_KEYWORDS, EXPRESSION_KEYWORDS, STATEMENT_KEYWORDS } from '../../../src/lib/sql-editing/sql-keywords';
import { completeSql } from '../../../src/lib/sql-editing/complete-sql';

let db: WasmTestClient;
let functions: SqlFunction[];
beforeAll(async () => {
	db = await WasmTestClient.open();
	functions = await listSqlFunctions(db);
}, 60_000);
afterAll(() => db.close());

describe('listSqlFunctions', () => {
	it('lists each function of the engine once, with its kind', () => {
		const names = functions.map((f) => f.name);
		expect(new Set(names).size).toBe(names.length);
		expect(functions.length).toBeGreaterThan(500);
		const byName = new Map(functions.map((f) => [f.name, f]));
		expect(byName.get('sum')?.kind).toBe('aggregate');
		expect(byName.get('date_trunc')?.kind).toBe('scalar');
		expect(byName.get('read_csv')?.kind).toBe('table');
		expect(byName.get('regexp_matches')?.kind).toBe('scalar');
	});

	it('gives the shortest overload as a signature, and the description', () => {
		const byName = new Map(functions.map((f) => [f.name, f]));
		expect(byName.get('date_trunc')).toMatchObject({ signature: 'date_trunc(part, timestamp) → TIMESTAMP', description: 'Truncate to specified precision' });
		expect(byName.get('regexp_matches')?.signature).toBe('regexp_matches(string, regex) → BOOLEAN');
		expect(byName.get('regexp_matches')?.overloads).toBe(2);
		// A table function's many named parameters are cut to the first few.
		expect(byName.get('read_csv')?.signature).toMatch(/^read_csv\([^)]*, …\)$/);
	});

	it('leaves out operators, internal functions and pragmas', () => {
		expect(functions.filter((f) => !/^[a-z_][a-z0-9_]*$/.test(f.name) || f.name.startsWith('__'))).toEqual([]);
		const names = new Set(functions.map((f) => f.name));
		// Pragmas only (PRAGMA enable_profiling), not callable in a query.
		expect(['enable_profiling', 'show_tables', 'disable_optimizer'].filter((n) => names.has(n))).toEqual([]);
	});

	it("completes the engine's functions with their signature", () => {
		const text = 'SELECT date_tr';
		const options = completeSql(text, text.length, { tables: [], functions })!.options;
		expect(options.find((o) => o.label === 'date_trunc')?.info).toBe('date_trunc(part, timestamp) → TIMESTAMP  (+3 more)\nTruncate to specified precision');
	});
});

describe('completion keywords', () => {
	it('are every one made of DuckDB keywords', async () => {
		const { rows } = await db.query('SELECT keyword_name FROM duckdb_keywords()');
		const known = new Set(rows.map((r) => String(r[0]).toUpperCase()));
		const words = [...STATEMENT_KEYWORDS, ...CLAUSE_KEYWORDS, ...EXPRESSION_KEYWORDS].flatMap((k) => k.split(' '));
		expect(words.filter((w) => !known.has(w))).toEqual([]);
	});
});

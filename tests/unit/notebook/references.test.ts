import { describe, expect, it } from 'vitest';
import { extractTableReferences, extractVariables } from '../../../src/lib/notebook/references';
import { cellReferences } from '../support/notebook-kinds';
import { newCellId, type CellData, type CellKind } from '../../../src/lib/notebook/cell';

const tables = (sql: string) => [...extractTableReferences(sql)].sort();
const variables = (sql: string) => [...extractVariables(sql)].sort();
const cell = (kind: CellKind, source: string): CellData => ({ id: newCellId(), kind, name: null, source, attrs: {} });

describe('extractTableReferences', () => {
	it('finds the table after FROM, lower-cased', () => {
		expect(tables('SELECT * FROM Daily')).toEqual(['daily']);
	});

	it('ignores table names inside string literals', () => {
		expect(tables("SELECT 'FROM daily' AS s, 'it''s FROM weekly' FROM t")).toEqual(['t']);
		expect(tables("SELECT E'it\\'s FROM daily' FROM t")).toEqual(['t']);
	});

	it('ignores line comments and nested block comments', () => {
		const sql = `-- FROM daily
SELECT 1 /* FROM weekly /* nested FROM monthly */ still FROM yearly */ FROM t`;
		expect(tables(sql)).toEqual(['t']);
	});

	it('reads quoted identifiers, lower-cased, with "" escapes', () => {
		expect(tables('SELECT * FROM "daily"')).toEqual(['daily']);
		expect(tables('SELECT * FROM "Daily Sales"')).toEqual(['daily sales']);
		expect(tables('SELECT * FROM "say ""hi"""')).toEqual(['say "hi"']);
	});

	it('does not count column names equal to a cell name', () => {
		expect(tables('SELECT daily, t.daily FROM t WHERE daily > 0 ORDER BY daily')).toEqual(['t']);
	});

	it('does not count table functions', () => {
		expect(tables("SELECT * FROM read_csv('daily.csv')")).toEqual([]);
		expect(tables('SELECT * FROM range(10) r JOIN daily d ON r.range = d.n')).toEqual(['daily']);
	});

	it('does not count files read by replacement scan', () => {
		expect(tables("SELECT * FROM 'daily.parquet'")).toEqual([]);
	});

	it('finds every kind of join', () => {
		const sql = `SELECT * FROM a
			JOIN b ON a.id = b.id LEFT JOIN c USING (id) INNER JOIN d ON true
			CROSS JOIN e FULL OUTER JOIN f ON true ASOF JOIN g ON a.t >= g.t
			POSITIONAL JOIN h SEMI JOIN i ON true ANTI JOIN j ON true NATURAL JOIN k`;
		expect(tables(sql)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']);
	});

	it('finds every item of a comma-separated FROM list, skipping aliases', () => {
		expect(tables('SELECT * FROM daily d, weekly AS w, monthly, yearly y(a, b) WHERE d.x = w.x')).toEqual([
			'daily', 'monthly', 'weekly', 'yearly'
		]);
	});

	it('does not treat commas outside FROM as list items', () => {
		expect(tables('SELECT a, b, daily FROM t GROUP BY a, b, daily ORDER BY a, daily')).toEqual(['t']);
	});

	it('recurses into subqueries in FROM, WHERE and SELECT', () => {
		const sql = `SELECT (SELECT max(x) FROM c) FROM (SELECT * FROM a) s, (FROM b) q
			WHERE s.id IN (SELECT id FROM d) AND EXISTS (SELECT 1 FROM e)`;
		expect(tables(sql)).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('does not read FROM inside function arguments as a table', () => {
		expect(tables("SELECT extract(year FROM ts), substring(s FROM 2 FOR 3), trim(BOTH 'x' FROM s) FROM t")).toEqual(['t']);
	});

	it('supports FROM-first syntax', () => {
		expect(tables('FROM daily')).toEqual(['daily']);
		expect(tables('FROM daily SELECT day, revenue WHERE revenue > 0')).toEqual(['daily']);
		expect(tables('FROM daily, weekly SELECT *')).toEqual(['daily', 'weekly']);
	});

	it('lets CTE names shadow cells', () => {
		expect(tables('WITH daily AS (SELECT 1 AS x) SELECT * FROM daily')).toEqual([]);
		expect(tables('WITH a AS (SELECT 1), b AS (FROM a) SELECT * FROM b JOIN a ON true')).toEqual([]);
	});

	it('still counts tables read by a CTE body', () => {
		expect(tables('WITH d AS (SELECT * FROM daily) SELECT * FROM d')).toEqual(['daily']);
		expect(tables('WITH d (day, total) AS MATERIALIZED (FROM daily) FROM d JOIN weekly USING (day)')).toEqual(['daily', 'weekly']);
	});

	it('reads a non-recursive CTE name in its own body as the outer table', () => {
		expect(tables('WITH daily AS (SELECT * FROM daily WHERE x > 0) SELECT * FROM daily')).toEqual(['daily']);
	});

	it('lets a recursive CTE refer to itself', () => {
		const sql = `WITH RECURSIVE walk(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM walk WHERE n < 10)
			SELECT * FROM walk JOIN daily ON true`;
		expect(tables(sql)).toEqual(['daily']);
	});

	it('scopes a CTE to the subquery that defines it', () => {
		expect(tables('SELECT * FROM (WITH daily AS (SELECT 1) FROM daily) s, daily')).toEqual(['daily']);
	});

	it('counts main.x and nb.x as x and ignores other schemas', () => {
		expect(tables('SELECT * FROM main.daily, nb.weekly, other.monthly, db.main.yearly')).toEqual(['daily', 'weekly']);
	});

	it('does not let a CTE shadow a schema-qualified table', () => {
		expect(tables('WITH daily AS (SELECT 1) SELECT * FROM main.daily')).toEqual(['daily']);
	});

	it('handles multiple statements and resets CTEs at each', () => {
		const sql = 'WITH daily AS (SELECT 1) SELECT * FROM daily; SELECT * FROM daily; SELECT * FROM weekly;';
		expect(tables(sql)).toEqual(['daily', 'weekly']);
	});

	it('finds the table after INTO, UPDATE, TABLE, DESCRIBE and SUMMARIZE', () => {
		expect(tables('INSERT INTO a (x, y) SELECT * FROM b')).toEqual(['a', 'b']);
		expect(tables('UPDATE c SET x = 1 FROM d WHERE c.id = d.id')).toEqual(['c', 'd']);
		expect(tables('TABLE e')).toEqual(['e']);
		expect(tables('DESCRIBE f; SUMMARIZE g; SUMMARIZE SELECT * FROM h')).toEqual(['f', 'g', 'h']);
		expect(tables('DROP TABLE IF EXISTS i')).toEqual(['i']);
	});

	it('ignores dollar-quoted strings', () => {
		expect(tables('SELECT $$ FROM daily $$ AS s, $tag$ FROM weekly $x $$ $tag$ AS t FROM monthly')).toEqual(['monthly']);
	});

	it('does not mistake WITH ORDINALITY or window clauses for CTEs or tables', () => {
		expect(tables('SELECT sum(x) OVER (PARTITION BY y ORDER BY z) FROM t')).toEqual(['t']);
		expect(tables('SELECT count(*) FILTER (WHERE x > 1) FROM t')).toEqual(['t']);
	});

	it('survives unbalanced and unterminated input', () => {
		expect(tables('SELECT * FROM daily WHERE (x')).toEqual(['daily']);
		expect(tables("SELECT ') FROM weekly")).toEqual([]);
		expect(tables('SELECT * FROM daily) ) FROM weekly')).toEqual(['daily', 'weekly']);
	});
});

describe('extractVariables', () => {
	it('finds $name variables, lower-cased', () => {
		expect(variables('SELECT * FROM t WHERE price > $Min_Price AND brand = $brand')).toEqual(['brand', 'min_price']);
	});

	it('ignores variables in strings and comments', () => {
		expect(variables("SELECT '$a', E'$b' -- $c\n /* $d */ , $e")).toEqual(['e']);
	});

	it('tells dollar-quoted strings from variables', () => {
		expect(variables('SELECT $$ $a $$, $tag$ $b $tag$, $c, $d')).toEqual(['c', 'd']);
	});

	it('does not count positional parameters', () => {
		expect(variables('SELECT $1, $2')).toEqual([]);
	});
});

describe('cellReferences', () => {
	it('reads tables and variables of a sql cell', () => {
		const refs = cellReferences(cell('sql', 'SELECT * FROM daily WHERE revenue > $threshold'));
		expect([...refs.tables]).toEqual(['daily']);
		expect([...refs.variables]).toEqual(['threshold']);
	});

	it("reads a chart's data field as its one table reference", () => {
		const refs = cellReferences(cell('chart', '{"data": "Daily", "marks": [{"type": "dot", "x": "a"}]}'));
		expect([...refs.tables]).toEqual(['daily']);
		expect(refs.variables.size).toBe(0);
	});

	it('gives a chart with invalid JSON no references', () => {
		expect(cellReferences(cell('chart', '{"data": "daily",')).tables.size).toBe(0);
	});

	it('gives markdown and input cells no references', () => {
		expect(cellReferences(cell('markdown', 'SELECT * FROM daily $x')).tables.size).toBe(0);
		expect(cellReferences(cell('input', '{"type": "text", "value": "FROM daily"}')).variables.size).toBe(0);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { formatSql } from '../../../src/lib/sql-editing/format-sql';
import { lexSql } from '../../../src/lib/notebook/sql-tokens';
import { customerIntelligenceNotebook } from '../../../src/lib/analyses/customer-intelligence';
import { readNotebook } from '../../../src/lib/runtime/read-notebook';
import { bindVariables } from '../../../src/lib/runtime/bind-variables';
import { extractVariables } from '../../../src/lib/notebook/references';

/** The text's tokens (comments included) as written; words lower-cased, since keywords change case. */
const tokensOf = (sql: string) => lexSql(sql).map((t) => (t.kind === 'word' ? t.value : sql.slice(t.start, t.end)));
/** Words exactly as written, to check that no name changed case. */
const wordsOf = (sql: string) => lexSql(sql).filter((t) => t.kind === 'word').map((t) => sql.slice(t.start, t.end));

const RECASED = ['false → FALSE', 'true → TRUE'];

const defaultSqlCells = () =>
	readNotebook(customerIntelligenceNotebook())
		.cells.filter((c) => c.kind === 'sql')
		.map((c) => ({ name: c.name ?? '(unnamed)', source: c.source }));

describe('formatSql', () => {
	it('upper-cases keywords and puts each clause on its own line', () => {
		expect(formatSql('select a, b from t where a > 1 group by a order by b desc limit 5')).toBe(
			'SELECT a, b\nFROM t\nWHERE a > 1\nGROUP BY a\nORDER BY b DESC\nLIMIT 5'
		);
	});

	it('indents a subquery and a CTE body one level', () => {
		expect(formatSql('with x as (select a from t) select * from (select a from x) s join y on s.a = y.a')).toBe(
			['WITH x AS (', '  SELECT a', '  FROM t', ')', 'SELECT *', 'FROM (', '  SELECT a', '  FROM x', ') s', 'JOIN y ON s.a = y.a'].join('\n')
		);
	});

	it('puts a long select list one item per line and a long condition one AND per line', () => {
		const sql =
			'select customer_identifier, first_purchase_timestamp, last_purchase_timestamp, lifetime_value from customers ' +
			"where lifetime_value > 100 and first_purchase_timestamp > DATE '2020-01-01' and last_purchase_timestamp between 1 and 2";
		expect(formatSql(sql)).toBe(
			[
				'SELECT',
				'  customer_identifier,',
				'  first_purchase_timestamp,',
				'  last_purchase_timestamp,',
				'  lifetime_value',
				'FROM customers',
				'WHERE lifetime_value > 100',
				"  AND first_purchase_timestamp > DATE '2020-01-01'",
				'  AND last_purchase_timestamp BETWEEN 1 AND 2'
			].join('\n')
		);
	});

	it('keeps the case of names that are also keywords (DuckDB keeps it in result column names)', () => {
		const out = formatSql('select Day, columns, first, rows, t.select, count(*) as Value from t order by Day nulls first');
		expect(out).toBe('SELECT Day, columns, first, rows, t.select, count(*) AS Value\nFROM t\nORDER BY Day NULLS FIRST');
	});

	it('keeps every comment, string and name, in order', () => {
		const sql = `-- leading note
select a, -- the id
  /* block */ 'it''s -- not a comment' as s
from t -- where from
where x = $limit_value`;
		const out = formatSql(sql);
		expect(tokensOf(out)).toEqual(tokensOf(sql));
		expect(out).toBe(
			[
				'-- leading note',
				'SELECT',
				'  a, -- the id',
				"  /* block */ 'it''s -- not a comment' AS s",
				'FROM t -- where from',
				'WHERE x = $limit_value'
			].join('\n')
		);
	});

	it('puts a comma that follows a line comment before the comment', () => {
		expect(formatSql('select a -- first\n, b -- second\nfrom t')).toBe('SELECT\n  a, -- first\n  b -- second\nFROM t');
	});

	it('upper-cases keywords that are names elsewhere only where they are keywords', () => {
		expect(formatSql('select name from a union all by name select name from b order by name')).toBe(
			'SELECT name\nFROM a\nUNION ALL BY NAME\nSELECT name\nFROM b\nORDER BY name'
		);
		expect(formatSql("select cast(t as timestamp with time zone), t at time zone 'UTC', interval 2 day from x")).toBe(
			"SELECT CAST(t AS TIMESTAMP WITH TIME ZONE), t AT TIME ZONE 'UTC', INTERVAL 2 DAY\nFROM x"
		);
	});

	it('writes operators as DuckDB reads them: multi-character operators whole, signs on their number', () => {
		expect(formatSql("select a>=-1, x::int, a||b, 10**k, j->>'k', -(2), a=-b, [1,2][1], {'k': 1} from t", { width: 120 })).toBe(
			"SELECT a >= -1, x::INT, a || b, 10 ** k, j ->> 'k', -(2), a = -b, [1, 2][1], {'k': 1}\nFROM t"
		);
	});

	it('breaks a long CASE into WHEN lines', () => {
		const sql =
			"select case when segment = 'champions' then 'reward them' when segment = 'at risk' then 'win them back' else 'watch' end as action from s";
		expect(formatSql(sql)).toBe(
			[
				'SELECT CASE',
				"  WHEN segment = 'champions' THEN 'reward them'",
				"  WHEN segment = 'at risk' THEN 'win them back'",
				"  ELSE 'watch'",
				'END AS action',
				'FROM s'
			].join('\n')
		);
	});

	it('separates statements with a blank line', () => {
		expect(formatSql('create table x as select 1 as a; select * from x;')).toBe('CREATE TABLE x AS\nSELECT 1 AS a;\n\nSELECT *\nFROM x;');
	});

	it('keeps broken SQL as written, in order, without throwing', () => {
		for (const sql of ['select (a from t', 'select a) from t', "select 'unclosed from t", 'select /* unclosed', '', '   ']) {
			expect(tokensOf(formatSql(sql))).toEqual(tokensOf(sql));
		}
	});

	it('formats every SQL cell of the default notebook to the same tokens, stably, changing the case of keywords only', () => {
		const recased = new Set<string>();
		for (const { name, source } of defaultSqlCells()) {
			const once = formatSql(source);
			expect(tokensOf(once), name).toEqual(tokensOf(source));
			const [before, after] = [wordsOf(source), wordsOf(once)];
			before.forEach((word, i) => word !== after[i] && recased.add(`${word} → ${after[i]}`));
			expect(formatSql(once), name).toBe(once);
		}
		// The notebook writes its keywords upper-case but for these; every name keeps its case.
		expect([...recased].sort()).toEqual(RECASED);
	});
});

// DuckDB's own parse of each cell, before and after formatting: the same statement tree (only
// the positions of its nodes in the text may differ). Native DuckDB: the WASM build lacks the
// json extension that provides json_serialize_sql.
describe('formatSql on the default notebook, parsed by DuckDB', () => {
	let instance: DuckDBInstance;
	let conn: DuckDBConnection;
	beforeAll(async () => {
		instance = await DuckDBInstance.create(':memory:');
		conn = await instance.connect();
	});
	afterAll(() => {
		conn.closeSync();
		instance.closeSync();
	});

	const parseTree = async (sql: string) => {
		const bound = bindVariables(sql, extractVariables(sql));
		const reader = await conn.runAndReadAll(`SELECT json_serialize_sql(${"'" + bound.replaceAll("'", "''") + "'"})`);
		const json = JSON.parse(String(reader.getRows()[0][0])) as { error: boolean; error_message?: string };
		return JSON.stringify(json, (key, value) => (key === 'query_location' ? undefined : value));
	};

	it('gives the same statement tree for every SQL cell', async () => {
		const cells = defaultSqlCells();
		expect(cells.length).toBeGreaterThan(50);
		for (const { name, source } of cells) {
			const before = await parseTree(source);
			expect(before, name).toContain('"error":false');
			expect(await parseTree(formatSql(source)), name).toBe(before);
		}
	});
});

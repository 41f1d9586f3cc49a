import { describe, expect, it } from 'vitest';
import { isSingleQuery, splitStatements, stripComments } from '../../../src/lib/data/statements';
import { quoteIdent, quoteString } from '../../../src/lib/data/sql';

describe('splitStatements', () => {
	it('splits on top-level semicolons only', () => {
		expect(splitStatements(`SELECT ';'; SELECT "a;b" FROM t; -- x; y\nSELECT 1 /* ; */`)).toEqual([
			`SELECT ';'`,
			` SELECT "a;b" FROM t`,
			` -- x; y\nSELECT 1 /* ; */`
		]);
	});

	it('ignores semicolons in dollar-quoted strings but not after $variables', () => {
		expect(splitStatements(`SELECT $$a;b$$; SELECT $x; SELECT $tag$;$tag$`)).toHaveLength(3);
	});

	it('drops statements that are only comments or whitespace', () => {
		expect(splitStatements(`SELECT 1; -- trailing comment\n ;`)).toEqual(['SELECT 1']);
	});
});

describe('isSingleQuery', () => {
	it.each([
		['SELECT 1', true],
		['  -- comment\nWITH a AS (SELECT 1) SELECT * FROM a;', true],
		['FROM events', true],
		['(SELECT 1) UNION ALL (SELECT 2)', true],
		['VALUES (1), (2)', true],
		['SELECT 1; SELECT 2', false],
		['CREATE TABLE x AS SELECT 1', false],
		['SET threads = 1', false],
		['/* SELECT */ INSERT INTO t VALUES (1)', false]
	])('%s → %s', (sql, expected) => {
		expect(isSingleQuery(sql)).toBe(expected);
	});
});

describe('SQL text helpers', () => {
	it('quotes identifiers and strings by doubling quotes', () => {
		expect(quoteIdent('my "x"')).toBe('"my ""x"""');
		expect(quoteString("it's")).toBe(`'it''s'`);
		expect(() => quoteIdent('')).toThrow(/empty/);
	});

	it('strips comments but not comment-like text inside strings', () => {
		expect(stripComments(`SELECT '--not' -- yes`)).toBe(`SELECT '--not' `);
		expect(stripComments(`SELECT /* a /* nested */ b */ 1`)).toBe(`SELECT   1`);
	});
});

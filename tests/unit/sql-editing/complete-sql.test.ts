import { describe, expect, it } from 'vitest';
import { completeSql, type CompletionSchema, type CompletionTable } from '../../../src/lib/sql-editing/complete-sql';
import { completionTables } from '../../../src/lib/sql-editing/completion-tables';
import type { SqlFunction } from '../../../src/lib/sql-editing/sql-functions';
import { buildGraph } from '../../../src/lib/notebook/graph';
import type { CellData, CellId } from '../../../src/lib/notebook/cell';
import type { CellOutput } from '../../../src/lib/runtime/cell-output';
import { DEFAULT_KINDS } from '../support/notebook-kinds';

const events: CompletionTable = {
	name: 'events',
	schema: 'main',
	source: 'table',
	rows: 1000,
	columns: [
		{ name: 'event_time', type: 'TIMESTAMP' },
		{ name: 'event_type', type: 'ENUM' },
		{ name: 'user_id', type: 'INTEGER' },
		{ name: 'price', type: 'DECIMAL(9,2)' }
	]
};
const users: CompletionTable = {
	name: 'users',
	schema: 'main',
	source: 'table',
	rows: 10,
	columns: [
		{ name: 'user_id', type: 'INTEGER' },
		{ name: 'purchases', type: 'BIGINT' },
		{ name: 'First Seen', type: 'DATE' }
	]
};
const rfm: CompletionTable = {
	name: 'rfm_scores',
	schema: 'nb',
	source: 'cell',
	rows: 5,
	columns: [
		{ name: 'user_id', type: 'INTEGER' },
		{ name: 'recency_score', type: 'INTEGER' },
		{ name: 'segment', type: 'VARCHAR' }
	]
};
const fn = (name: string, kind: SqlFunction['kind'], description: string | null = null): SqlFunction => ({
	name,
	kind,
	signature: `${name}(x)`,
	overloads: 1,
	description
});
const schema: CompletionSchema = {
	tables: [events, users, rfm],
	functions: [fn('sum', 'aggregate', 'Calculates the sum.'), fn('date_trunc', 'scalar'), fn('read_csv', 'table')],
	variables: ['min_spend']
};

/** Completes at the `|` of `text`. */
function complete(text: string, explicit = false) {
	const cursor = text.indexOf('|');
	return completeSql(text.replace('|', ''), cursor, schema, explicit);
}
const labels = (text: string, kind?: string, explicit = false) =>
	(complete(text, explicit)?.options ?? []).filter((o) => kind === undefined || o.kind === kind).map((o) => o.label);

describe('completeSql', () => {
	it('offers the tables, cells first, after FROM and JOIN, with table functions', () => {
		const result = complete('SELECT * FROM ev|');
		expect(result?.from).toBe('SELECT * FROM '.length);
		expect(result?.to).toBe('SELECT * FROM ev'.length);
		expect(labels('SELECT * FROM ev|', 'table')).toEqual(['rfm_scores', 'events', 'users']);
		expect(labels('SELECT * FROM ev|', 'function')).toEqual(['read_csv']);
		expect(labels('SELECT * FROM events e JOIN u|', 'table')).toContain('users');
		expect(labels('SELECT * FROM events, u|', 'table')).toContain('users');
		const cell = complete('SELECT * FROM r|')!.options.find((o) => o.label === 'rfm_scores')!;
		const table = complete('SELECT * FROM r|')!.options.find((o) => o.label === 'events')!;
		expect(cell.boost).toBeGreaterThan(table.boost);
		expect(cell.detail).toBe('cell · 5 rows');
	});

	it('offers the columns of the tables the statement reads, also when FROM comes after the cursor', () => {
		expect(labels('SELECT rec| FROM rfm_scores', 'column')).toEqual(['user_id', 'recency_score', 'segment']);
		expect(labels('SELECT * FROM events WHERE pr|', 'column')).toEqual(['event_time', 'event_type', 'user_id', 'price']);
		const both = complete('SELECT u| FROM events JOIN users USING (user_id)')!.options.filter((o) => o.kind === 'column');
		expect(both.find((o) => o.label === 'user_id')?.detail).toBe('INTEGER · events, users');
		expect(both.map((o) => o.label)).toContain('"First Seen"');
	});

	it('offers every known column, a cell result first, while the statement names no table yet', () => {
		const columns = complete('SELECT rec|')!.options.filter((o) => o.kind === 'column');
		expect(columns.map((o) => o.label)).toEqual(['user_id', 'recency_score', 'segment', 'event_time', 'event_type', 'price', 'purchases', '"First Seen"']);
		expect(columns.find((o) => o.label === 'recency_score')?.detail).toBe('INTEGER · rfm_scores');
		expect(columns.find((o) => o.label === 'user_id')?.detail).toBe('INTEGER · rfm_scores, events, users');
	});

	it('offers the columns of an alias or a table after its dot, and only those', () => {
		expect(labels('SELECT e.| FROM events AS e JOIN users u ON u.user_id = e.user_id')).toEqual(['event_time', 'event_type', 'user_id', 'price']);
		expect(labels('SELECT u.pu| FROM events AS e JOIN users u ON true')).toEqual(['user_id', 'purchases', '"First Seen"']);
		expect(labels('SELECT rfm_scores.| FROM rfm_scores')).toEqual(['user_id', 'recency_score', 'segment']);
		expect(labels('SELECT x.| FROM events')).toEqual([]);
		expect(labels('SELECT * FROM nb.|')).toEqual(['rfm_scores']);
		expect(labels('SELECT main.users.| FROM main.users')).toEqual(['user_id', 'purchases', '"First Seen"']);
	});

	it('offers the columns a CTE or a subquery selects', () => {
		const cte = 'WITH spend AS (SELECT user_id, sum(price) AS total, max(event_time) last_seen FROM events GROUP BY 1) SELECT s.| FROM spend s';
		expect(labels(cte)).toEqual(['user_id', 'total', 'last_seen']);
		expect(labels('WITH spend AS (SELECT 1 AS total) SELECT * FROM sp|', 'table')[0]).toBe('spend');
		expect(labels('SELECT q.| FROM (SELECT user_id, price * 2 AS doubled FROM events) AS q')).toEqual(['user_id', 'doubled']);
		expect(labels('SELECT q.| FROM (SELECT e.user_id, sum(price) spent, price + 1, price::INT FROM events e) q')).toEqual(['user_id', 'spent']);
		expect(labels('WITH a(x, y) AS (SELECT 1, 2) SELECT a.| FROM a')).toEqual(['x', 'y']);
		expect(labels('SELECT s.| FROM (SELECT * FROM users) s')).toEqual(['user_id', 'purchases', '"First Seen"']);
	});

	it('offers functions with their signature and description, keywords and input variables in expressions', () => {
		const options = complete('SELECT s| FROM events')!.options;
		const sum = options.find((o) => o.label === 'sum')!;
		expect(sum).toMatchObject({ kind: 'function', detail: 'aggregate', info: 'sum(x)\nCalculates the sum.' });
		expect(options.some((o) => o.label === 'read_csv')).toBe(false);
		expect(options.some((o) => o.label === 'SELECT')).toBe(false);
		expect(labels('SELECT s| FROM events', 'keyword')).toContain('DISTINCT');
		expect(labels('SELECT * FROM events WHERE price > $m|')).toEqual(['$min_spend']);
		expect(complete('SELECT * FROM events WHERE price > $m|')?.from).toBe('SELECT * FROM events WHERE price > '.length);
	});

	it('offers statement keywords at the start, and clause keywords after a table', () => {
		expect(labels('se|')).toEqual(['SELECT', 'WITH', 'FROM', 'VALUES', 'DESCRIBE', 'SUMMARIZE', 'PIVOT', 'UNPIVOT']);
		expect(labels('SELECT * FROM events wh|')).toContain('WHERE');
		expect(labels('SELECT * FROM events wh|', 'column')).toEqual([]);
		expect(labels('SELECT 1; sel|')[0]).toBe('SELECT');
	});

	it('quotes a name that needs it, and every name inside an opened quote', () => {
		expect(labels('SELECT "us| FROM events', 'column')).toContain('"user_id"');
		expect(complete('SELECT "us| FROM events')?.from).toBe('SELECT '.length);
		expect(labels('SELECT * FROM users WHERE Fi|', 'column')).toContain('"First Seen"');
	});

	it('offers nothing inside a string or a comment, nor without a typed word unless asked', () => {
		expect(complete("SELECT 'fr|' FROM events")).toBeNull();
		expect(complete("SELECT 'open fr|")).toBeNull();
		expect(complete('SELECT 1 -- fr|')).toBeNull();
		expect(complete('SELECT /* fr| */ 1')).toBeNull();
		expect(complete('SELECT |')).toBeNull();
		expect(complete('SELECT 12|')).toBeNull();
		expect(labels('SELECT | FROM users', 'column', true)).toEqual(['user_id', 'purchases', '"First Seen"']);
	});
});

describe('completionTables', () => {
	const cell = (id: string, kind: CellData['kind'], name: string | null, source: string): CellData => ({ id: id as CellId, kind, name, source, attrs: {} });
	const cells = [
		cell('a', 'sql', 'daily_totals', 'SELECT day, sum(price) AS revenue FROM events GROUP BY 1'),
		cell('b', 'sql', 'top_days', 'SELECT * FROM daily_totals ORDER BY revenue DESC'),
		cell('c', 'sql', 'not_run', 'SELECT 1 AS one'),
		cell('d', 'input', 'min_spend', '{"type":"number","value":1}'),
		cell('e', 'sql', 'reads_top', 'SELECT * FROM top_days')
	];
	const graph = buildGraph(cells, DEFAULT_KINDS);
	const outputs = new Map<string, CellOutput>([
		['a', { kind: 'table', schema: 'nb', table: 'daily_totals', columns: [{ name: 'day', type: 'DATE', kind: 'date' }, { name: 'revenue', type: 'DOUBLE', kind: 'number' }], rowCount: 61, preview: [], cached: false }]
	]);
	const catalog = [
		{ schema: 'main', name: 'events', rows: 1000, columns: events.columns },
		{ schema: 'nb', name: 'daily_totals', rows: 61, columns: [{ name: 'stale', type: 'INTEGER' }] },
		{ schema: 'nb', name: 'top_days', rows: 61, columns: [{ name: 'day', type: 'DATE' }] },
		{ schema: 'nb', name: 'propensity_scores', rows: 9, columns: [{ name: 'score', type: 'DOUBLE' }] }
	];
	const tablesFor = (id: string | null) =>
		completionTables({ cells, cellId: id as CellId | null, graph, output: (c) => outputs.get(c) ?? null, catalog });

	it("lists named cells with their last result's columns, then the catalog", () => {
		const tables = tablesFor('c');
		expect(tables.map((t) => `${t.source}:${t.schema}.${t.name}`)).toEqual([
			'cell:nb.daily_totals',
			'cell:nb.top_days',
			'cell:nb.reads_top',
			'table:main.events',
			'table:nb.propensity_scores'
		]);
		expect(tables[0]).toMatchObject({ columns: [{ name: 'day', type: 'DATE' }, { name: 'revenue', type: 'DOUBLE' }], rows: 61 });
		expect(tables[1].columns).toEqual([{ name: 'day', type: 'DATE' }]);
		expect(tables[2].columns).toEqual([]);
	});

	it('leaves out the cell itself and the cells that read it', () => {
		expect(tablesFor('b').map((t) => t.name)).toEqual(['daily_totals', 'not_run', 'events', 'propensity_scores']);
	});
});

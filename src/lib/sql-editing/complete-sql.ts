// Completion for a SQL cell, without an editor: given what can be named (the dataset's tables,
// the notebook's cells and their result columns, the engine's functions, the inputs' variables),
// the text and the cursor, the options to offer and the range they replace. It reads the
// statement around the cursor with the notebook's tokenizer: which clause it is in, the tables
// its FROM names and their aliases, the columns of its CTEs and subqueries.
import { lexSql, type SqlToken } from '../notebook/sql-tokens';
import { isReservedWord } from '../notebook/reserved-words';
import type { SqlFunction } from './sql-functions';
import { CLAUSE_KEYWORDS, EXPRESSION_KEYWORDS, STATEMENT_KEYWORDS } from './sql-keywords';

export interface CompletionColumn {
	name: string;
	type: string;
}

export interface CompletionTable {
	/** The name a query uses for it. */
	name: string;
	/** Its schema (`main`: the dataset, `nb`: cell results). */
	schema: string;
	/** A notebook cell's result (named after the cell), or a table or view of the database. */
	source: 'cell' | 'table';
	/** Its columns, [] when not known yet (a cell that has not run). */
	columns: readonly CompletionColumn[];
	rows?: number | null;
}

export interface CompletionSchema {
	tables: readonly CompletionTable[];
	functions: readonly SqlFunction[];
	/** Variables input cells set (read as `$name`). */
	variables?: readonly string[];
}

export type CompletionKind = 'table' | 'column' | 'function' | 'keyword' | 'schema' | 'variable';

export interface SqlCompletion {
	label: string;
	kind: CompletionKind;
	/** A short note beside the label (a type, a signature). */
	detail?: string;
	/** A longer description shown beside the list. */
	info?: string;
	/** Ranks options that match equally well: higher first. */
	boost: number;
}

export interface CompletionResult {
	/** The range the chosen option replaces: the word being typed. */
	from: number;
	to: number;
	options: SqlCompletion[];
}

const TABLE_KEYWORDS = new Set(['from', 'join', 'into', 'update', 'table', 'describe', 'summarize', 'pivot', 'unpivot']);
const CLAUSES = new Set([
	'select', 'from', 'join', 'where', 'group', 'order', 'having', 'qualify', 'window', 'limit', 'offset', 'on', 'using',
	'set', 'values', 'returning', 'union', 'except', 'intersect', 'by'
]);
/** Words after a table that end it (not an alias). */
const NOT_ALIASES = new Set([
	'where', 'join', 'on', 'using', 'left', 'right', 'inner', 'outer', 'full', 'cross', 'natural', 'semi', 'anti', 'asof',
	'positional', 'group', 'order', 'limit', 'offset', 'having', 'qualify', 'window', 'union', 'except', 'intersect',
	'select', 'lateral', 'pivot', 'unpivot', 'tablesample', 'returning', 'set', 'values', 'as'
]);
const SCHEMAS = ['main', 'nb'];

const BOOST = { scopeColumn: 40, cell: 30, table: 20, otherColumn: 10, func: 5, keyword: 0, clauseKeyword: 35, variable: 45 };

/** The completions at `cursor` in `text`, or null where none apply (inside a string or a comment, or nothing typed). */
export function completeSql(text: string, cursor: number, schema: CompletionSchema, explicit = false): CompletionResult | null {
	const all = lexSql(text);
	const within = all.find((t) => t.start < cursor && (cursor < t.end || (cursor === t.end && isOpen(t, text))));
	if (within && (within.kind === 'string' || within.kind === 'comment')) return null;
	if (within?.kind === 'variable') return variableCompletions(within, cursor, schema);
	const quoted = within?.kind === 'quoted' ? within : null;
	const word = quoted ? text.slice(quoted.start, cursor) : (/[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*$/.exec(text.slice(0, cursor))?.[0] ?? '');
	const from = cursor - word.length;
	if (word === '' && !explicit && text[from - 1] !== '.') return null;
	if (/^\d/.test(word)) return null;

	const tokens = all.filter((t) => t.kind !== 'comment');
	const [stmtStart, stmtEnd] = statementAround(tokens, from);
	const statement = tokens.slice(stmtStart, stmtEnd);
	const before = statement.filter((t) => t.end <= from);
	const scope = readScope(statement, schema);
	const quote = quoted !== null;

	// After `name.`: the columns of that table or alias, or the tables of that schema.
	const qualifier = qualifierBefore(before, from);
	if (qualifier !== null) {
		return { from, to: cursor, options: qualifiedOptions(qualifier, scope, schema, quote) };
	}
	const prev = before.at(-1);
	const clause = clauseAt(before);
	const options: SqlCompletion[] = [];
	if (prev === undefined) {
		options.push(...keywords(STATEMENT_KEYWORDS, BOOST.clauseKeyword));
	} else if ((prev.kind === 'word' && TABLE_KEYWORDS.has(prev.value)) || (isPunct(prev, ',') && clause === 'from')) {
		options.push(...tableOptions(schema, scope, quote), ...functionOptions(schema, true));
	} else if ((clause === 'from' || clause === 'join') && isName(prev)) {
		// `FROM t |`: the next clause, a join, or an alias.
		options.push(...keywords(CLAUSE_KEYWORDS, BOOST.clauseKeyword));
	} else {
		options.push(
			...columnOptions(scope, schema, quote),
			...functionOptions(schema, false),
			...tableOptions(schema, scope, quote).map((o) => ({ ...o, boost: o.boost - 25 })),
			...keywords(EXPRESSION_KEYWORDS, BOOST.keyword),
			...keywords(CLAUSE_KEYWORDS, BOOST.keyword),
			...variableOptions(schema)
		);
	}
	return { from, to: cursor, options };
}

// ---- reading the statement ---------------------------------------------------------------

/** A string, comment or quoted name the cursor at its end is still inside (it is not closed). */
function isOpen(t: SqlToken, text: string): boolean {
	const body = text.slice(t.start, t.end);
	if (t.kind === 'comment') return body.startsWith('--') || !body.endsWith('*/') || body.length < 4;
	if (t.kind === 'string') return body.length < 2 || !body.endsWith("'") || /^[eE]'$/.test(body);
	if (t.kind === 'quoted') return body.length < 2 || !body.endsWith('"');
	return t.kind === 'variable';
}

function statementAround(tokens: SqlToken[], at: number): [number, number] {
	let start = 0;
	for (let i = 0; i < tokens.length; i += 1) {
		if (!isPunct(tokens[i], ';')) continue;
		if (tokens[i].end <= at) start = i + 1;
		else return [start, i];
	}
	return [start, tokens.length];
}

/** The clause the cursor is in, at its own parenthesis depth: `select`, `from`, `where`… or null. */
function clauseAt(before: SqlToken[]): string | null {
	let depth = 0;
	for (let i = before.length - 1; i >= 0; i -= 1) {
		const t = before[i];
		if (isPunct(t, ')')) depth += 1;
		else if (isPunct(t, '(')) {
			if (depth === 0) return null;
			depth -= 1;
		} else if (depth === 0 && t.kind === 'word' && CLAUSES.has(t.value)) return t.value === 'by' ? 'group' : t.value;
	}
	return null;
}

/** The names before `.` at `from` (`a.b.` → ['a', 'b']), or null when no `.` comes just before. */
function qualifierBefore(before: SqlToken[], from: number): string[] | null {
	let i = before.length - 1;
	if (!isPunct(before[i], '.') || before[i].end !== from) return null;
	const parts: string[] = [];
	while (isPunct(before[i], '.') && isName(before[i - 1]) && before[i - 1].end === before[i].start) {
		parts.unshift(before[i - 1].value);
		i -= 2;
	}
	return parts.length > 0 ? parts : null;
}

/** A relation a statement reads: a known table, or a CTE or subquery with the columns its SELECT names. */
interface ScopeEntry {
	name: string;
	alias: string | null;
	columns: readonly CompletionColumn[];
	table: CompletionTable | null;
}

interface Scope {
	/** Relations named in FROM / JOIN, with their aliases. */
	relations: ScopeEntry[];
	/** CTEs defined in the statement. */
	ctes: ScopeEntry[];
}

function readScope(statement: SqlToken[], schema: CompletionSchema): Scope {
	const ctes = readCtes(statement);
	const relations: ScopeEntry[] = [];
	let inFrom = false;
	// Whether each open parenthesis holds a query: `extract(year FROM ts)` names no table.
	const queries: boolean[] = [];
	for (let i = 0; i < statement.length; i += 1) {
		const t = statement[i];
		if (isPunct(t, '(')) queries.push(statement[i + 1]?.kind === 'word' && ['select', 'with', 'from'].includes(statement[i + 1].value));
		else if (isPunct(t, ')')) queries.pop();
		if (queries.length > 0 && !queries.at(-1)) continue;
		if (t.kind === 'word' && CLAUSES.has(t.value)) inFrom = t.value === 'from' || t.value === 'join';
		const starts = (t.kind === 'word' && (t.value === 'from' || t.value === 'join')) || (inFrom && isPunct(t, ','));
		if (!starts) continue;
		let k = i + 1;
		if (isWord(statement[k], 'lateral')) k += 1;
		if (isPunct(statement[k], '(')) {
			// A subquery: its columns are what its SELECT names.
			const close = closingParen(statement, k);
			const entry = { name: '', alias: null, columns: selectedColumns(statement.slice(k + 1, close), schema, ctes), table: null };
			k = close + 1;
			relations.push({ ...entry, alias: aliasAt(statement, k) });
			continue;
		}
		if (!isName(statement[k])) continue;
		const parts = [statement[k].value];
		while (isPunct(statement[k + 1], '.') && isName(statement[k + 2])) {
			parts.push(statement[k + 2].value);
			k += 2;
		}
		k += 1;
		if (isPunct(statement[k], '(')) k = closingParen(statement, k) + 1; // a table function
		const name = parts.at(-1)!;
		const cte = parts.length === 1 ? ctes.find((c) => c.name === name) : undefined;
		const table = cte ? null : findTable(schema, parts);
		relations.push({ name, alias: aliasAt(statement, k), columns: cte?.columns ?? table?.columns ?? [], table });
	}
	return { relations, ctes };
}

/** The alias at `k` (`AS x` or a bare `x`), if any. */
function aliasAt(statement: SqlToken[], k: number): string | null {
	if (isWord(statement[k], 'as')) k += 1;
	const t = statement[k];
	return isName(t) && !(t.kind === 'word' && NOT_ALIASES.has(t.value)) ? t.value : null;
}

/** `WITH a AS (…), b (x, y) AS (…)`: each CTE's name and the columns its body selects. */
function readCtes(statement: SqlToken[]): ScopeEntry[] {
	const ctes: ScopeEntry[] = [];
	if (!isWord(statement[0], 'with')) return ctes;
	let i = isWord(statement[1], 'recursive') ? 2 : 1;
	while (isName(statement[i])) {
		const name = statement[i].value;
		let k = i + 1;
		let listed: string[] | null = null;
		if (isPunct(statement[k], '(')) {
			const close = closingParen(statement, k);
			listed = statement.slice(k + 1, close).filter(isName).map((t) => t.value);
			k = close + 1;
		}
		if (!isWord(statement[k], 'as')) break;
		k += 1;
		if (isWord(statement[k], 'not')) k += 1;
		if (isWord(statement[k], 'materialized')) k += 1;
		if (!isPunct(statement[k], '(')) break;
		const close = closingParen(statement, k);
		const body = statement.slice(k + 1, close);
		const columns = listed ? listed.map((n) => ({ name: n, type: '' })) : selectedColumns(body, { tables: [], functions: [] }, ctes);
		ctes.push({ name, alias: null, columns, table: null });
		if (!isPunct(statement[close + 1], ',')) break;
		i = close + 2;
	}
	return ctes;
}

/** The output columns a query's top-level SELECT list names (`x`, `t.x`, `… AS x`, `… x`); `*` expands known tables. */
function selectedColumns(query: SqlToken[], schema: CompletionSchema, ctes: ScopeEntry[]): CompletionColumn[] {
	const items: SqlToken[][] = [];
	let depth = 0;
	for (const t of query) {
		if (isPunct(t, ')')) depth -= 1;
		if (depth === 0 && t.kind === 'word' && t.value === 'select' && items.length === 0) {
			items.push([]);
		} else if (items.length > 0 && depth === 0 && t.kind === 'word' && CLAUSES.has(t.value)) {
			break;
		} else if (items.length > 0 && !(depth === 0 && isWord(t, 'distinct'))) {
			if (depth === 0 && isPunct(t, ',')) items.push([]);
			else items.at(-1)!.push(t);
		}
		if (isPunct(t, '(')) depth += 1;
	}
	const columns: CompletionColumn[] = [];
	for (const item of items) {
		const last = item.at(-1);
		if (last === undefined) continue;
		if (isPunct(last, '*')) {
			for (const r of readScope(query, schema).relations) columns.push(...(ctes.find((c) => c.name === r.name)?.columns ?? r.columns));
		} else if (isName(last)) {
			// `x`, `t.x`, `… AS x`, `sum(v) x`: a name; `a + b`, `v::INT`: an expression DuckDB names itself.
			const before = item.at(-2);
			const named = before === undefined || before.kind !== 'punct' || before.value === '.' || before.value === ')';
			if (named) columns.push({ name: last.value, type: '' });
		}
	}
	return columns;
}

function closingParen(tokens: SqlToken[], open: number): number {
	let depth = 0;
	for (let k = open; k < tokens.length; k += 1) {
		if (isPunct(tokens[k], '(')) depth += 1;
		else if (isPunct(tokens[k], ')') && --depth === 0) return k;
	}
	return tokens.length;
}

/** `name`, `schema.name` or `database.schema.name` (lower-cased parts) among the known tables; a cell first. */
function findTable(schema: CompletionSchema, parts: string[]): CompletionTable | null {
	const name = parts.at(-1)!;
	const inSchema = parts.length >= 2 ? parts.at(-2)! : null;
	const matches = schema.tables.filter((t) => t.name.toLowerCase() === name && (inSchema === null || t.schema === inSchema));
	return matches.find((t) => t.source === 'cell') ?? matches[0] ?? null;
}

// ---- options -----------------------------------------------------------------------------

function qualifiedOptions(parts: string[], scope: Scope, schema: CompletionSchema, quote: boolean): SqlCompletion[] {
	if (parts.length === 1) {
		const name = parts[0];
		const aliased = scope.relations.find((r) => r.alias === name);
		const cte = scope.ctes.find((c) => c.name === name);
		if (!aliased && !cte && SCHEMAS.includes(name)) return schema.tables.filter((t) => t.schema === name).map((t) => table(t, quote));
		const relation = aliased ?? scope.relations.find((r) => r.alias === null && r.name === name);
		const columns = relation?.columns ?? cte?.columns ?? findTable(schema, parts)?.columns ?? [];
		return columns.map((c) => column(c, [relation?.table?.name ?? name], BOOST.scopeColumn, quote));
	}
	const found = findTable(schema, parts);
	return found ? found.columns.map((c) => column(c, [found.name], BOOST.scopeColumn, quote)) : [];
}

function tableOptions(schema: CompletionSchema, scope: Scope, quote: boolean): SqlCompletion[] {
	const seen = new Set<string>();
	const options: SqlCompletion[] = [];
	for (const cte of scope.ctes) {
		seen.add(cte.name);
		options.push({ label: identifier(cte.name, quote), kind: 'table', detail: 'CTE', boost: BOOST.cell + 5 });
	}
	// Cells first: a cell's table shadows a dataset table of the same name (search_path nb, main).
	for (const t of [...schema.tables].sort((a, b) => Number(b.source === 'cell') - Number(a.source === 'cell'))) {
		const key = t.name.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		options.push(table(t, quote));
	}
	return options;
}

function table(t: CompletionTable, quote: boolean): SqlCompletion {
	const rows = t.rows === null || t.rows === undefined ? '' : ` · ${t.rows.toLocaleString('en-US')} rows`;
	const columns = t.columns.length ? `\n${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')}` : '';
	return {
		label: identifier(t.name, quote),
		kind: 'table',
		detail: t.source === 'cell' ? `cell${rows}` : `${t.schema}${rows}`,
		info: `${t.source === 'cell' ? 'cell result' : `table ${t.schema}.${t.name}`}${columns}`,
		boost: t.source === 'cell' ? BOOST.cell : BOOST.table
	};
}

/** The columns of the relations the statement reads; with none named yet, every known column. */
function columnOptions(scope: Scope, schema: CompletionSchema, quote: boolean): SqlCompletion[] {
	const inScope = scope.relations.filter((r) => r.columns.length > 0);
	const sources: { table: string; columns: readonly CompletionColumn[]; boost: number }[] = inScope.length
		? inScope.map((r) => ({ table: r.table?.name ?? r.alias ?? r.name, columns: r.columns, boost: BOOST.scopeColumn }))
		: [...schema.tables]
				.sort((a, b) => Number(b.source === 'cell') - Number(a.source === 'cell'))
				.map((t) => ({ table: t.name, columns: t.columns, boost: t.source === 'cell' ? BOOST.otherColumn + 5 : BOOST.otherColumn }));
	const byName = new Map<string, { column: CompletionColumn; tables: string[]; boost: number }>();
	for (const source of sources) {
		for (const c of source.columns) {
			const key = c.name.toLowerCase();
			const entry = byName.get(key);
			if (entry) entry.tables.push(source.table);
			else byName.set(key, { column: c, tables: [source.table], boost: source.boost });
		}
	}
	return [...byName.values()].map((e) => column(e.column, e.tables, e.boost, quote));
}

function column(c: CompletionColumn, tables: string[], boost: number, quote: boolean): SqlCompletion {
	const where = tables.length > 3 ? `${tables.slice(0, 3).join(', ')} +${tables.length - 3}` : tables.join(', ');
	return {
		label: identifier(c.name, quote),
		kind: 'column',
		detail: [c.type, where].filter(Boolean).join(' · '),
		boost
	};
}

function functionOptions(schema: CompletionSchema, tableFunctions: boolean): SqlCompletion[] {
	return schema.functions
		.filter((f) => (f.kind === 'table' || f.kind === 'table_macro') === tableFunctions)
		.map((f) => ({
			label: f.name,
			kind: 'function' as const,
			detail: f.kind === 'aggregate' ? 'aggregate' : f.kind === 'scalar' ? undefined : f.kind.replace('_', ' '),
			info: [f.signature + (f.overloads > 1 ? `  (+${f.overloads - 1} more)` : ''), f.description].filter(Boolean).join('\n'),
			boost: BOOST.func
		}));
}

function variableOptions(schema: CompletionSchema): SqlCompletion[] {
	return (schema.variables ?? []).map((v) => ({ label: `$${v}`, kind: 'variable' as const, detail: 'input', boost: BOOST.variable }));
}

function variableCompletions(token: SqlToken, cursor: number, schema: CompletionSchema): CompletionResult {
	return { from: token.start, to: cursor, options: variableOptions(schema) };
}

function keywords(list: readonly string[], boost: number): SqlCompletion[] {
	return list.map((k) => ({ label: k, kind: 'keyword' as const, boost }));
}

/** A name as SQL must write it: quoted when it is not a plain identifier (or when the user opened a quote). */
function identifier(name: string, quote: boolean): string {
	if (!quote && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !isReservedWord(name)) return name;
	return `"${name.replaceAll('"', '""')}"`;
}

function isPunct(t: SqlToken | undefined, c: string): boolean {
	return t !== undefined && t.kind === 'punct' && t.value === c;
}

function isWord(t: SqlToken | undefined, w: string): boolean {
	return t !== undefined && t.kind === 'word' && t.value === w;
}

function isName(t: SqlToken | undefined): t is SqlToken {
	return t !== undefined && (t.kind === 'word' || t.kind === 'quoted');
}

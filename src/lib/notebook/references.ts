import { RESERVED_WORDS } from './reserved-words';
import { tokenizeSql, type SqlToken } from './sql-tokens';

/** Keywords after which a table name may follow. */
const TABLE_KEYWORDS = new Set(['from', 'join', 'into', 'update', 'table', 'describe', 'summarize', 'pivot', 'unpivot']);
const TABLE_PREFIXES = new Set(['lateral', 'only', 'if', 'not', 'exists']);
/** After these, `name(` is a column list, not a table function. */
const DEFINING_KEYWORDS = new Set(['into', 'table']);
const FROM_CLAUSE_ENDS = new Set([
	'where', 'group', 'having', 'window', 'qualify', 'order', 'limit', 'offset', 'fetch', 'for',
	'union', 'intersect', 'except', 'select', 'returning', 'set', 'values'
]);
/** A parenthesis whose first word is one of these holds a query; any other holds an expression or a list. */
const QUERY_STARTS = new Set(['select', 'with', 'from', 'values', 'table', 'describe', 'summarize', 'pivot', 'unpivot']);
/** Schemas whose tables are notebook cells. */
const CELL_SCHEMAS = new Set(['main', 'nb']);

export function extractTableReferences(sql: string): Set<string> {
	return tablesOf(tokenizeSql(sql));
}

export function extractVariables(sql: string): Set<string> {
	return variablesOf(tokenizeSql(sql));
}

/** Both at once, from one pass of the tokenizer. */
export function sqlReferences(sql: string): { tables: Set<string>; variables: Set<string> } {
	const tokens = tokenizeSql(sql);
	return { tables: tablesOf(tokens), variables: variablesOf(tokens) };
}

function tablesOf(tokens: SqlToken[]): Set<string> {
	const refs = new Set<string>();
	let i = 0;
	while (i < tokens.length) i = walkLevel(tokens, i, [], true, refs) + 1;
	return refs;
}

function variablesOf(tokens: SqlToken[]): Set<string> {
	return new Set(tokens.filter((t) => t.kind === 'variable').map((t) => t.value));
}

/**
 * Collects table references from tokens[start] up to the `)` closing this level; returns that
 * `)`'s index (or tokens.length). `scopes` holds the CTE names visible here.
 */
function walkLevel(
	tokens: SqlToken[],
	start: number,
	scopes: readonly Set<string>[],
	isQuery: boolean,
	refs: Set<string>
): number {
	const ctes = new Set<string>();
	const visible = [...scopes, ctes];
	let inFrom = false;
	let tableKeyword: string | null = null;
	let i = start;
	while (i < tokens.length) {
		const t = tokens[i];
		if (isPunct(t, '(')) {
			const first = tokens[i + 1];
			const query = first !== undefined && first.kind === 'word' && QUERY_STARTS.has(first.value);
			i = walkLevel(tokens, i + 1, visible, query, refs) + 1;
			tableKeyword = null;
			continue;
		}
		if (isPunct(t, ')')) return i;
		if (isPunct(t, ';')) {
			ctes.clear();
			inFrom = false;
			tableKeyword = null;
		} else if (!isQuery) {
			// Expressions such as extract(year FROM ts) have no table positions.
		} else if (isPunct(t, ',')) {
			tableKeyword = inFrom ? 'from' : null;
		} else if (t.kind === 'word' && t.value === 'with') {
			i = readWith(tokens, i, visible, ctes, refs);
			continue;
		} else if (t.kind === 'word' && TABLE_KEYWORDS.has(t.value)) {
			tableKeyword = t.value;
			if (t.value === 'from') inFrom = true;
		} else if (t.kind === 'word' && FROM_CLAUSE_ENDS.has(t.value)) {
			inFrom = false;
			tableKeyword = null;
		} else if (tableKeyword !== null && t.kind === 'word' && TABLE_PREFIXES.has(t.value)) {
			// FROM LATERAL (...), DROP TABLE IF EXISTS t: the table position moves on.
		} else if (tableKeyword !== null && isName(t)) {
			i = readTableName(tokens, i, tableKeyword, visible, refs);
			tableKeyword = null;
			continue;
		} else {
			tableKeyword = null;
		}
		i += 1;
	}
	return i;
}

/** Reads `name`, `schema.name` …; records it unless it is a table function or a CTE; returns the next index. */
function readTableName(
	tokens: SqlToken[],
	start: number,
	keyword: string,
	scopes: readonly Set<string>[],
	refs: Set<string>
): number {
	const parts = [tokens[start].value];
	let i = start + 1;
	while (isPunct(tokens[i], '.') && tokens[i + 1] !== undefined && isName(tokens[i + 1])) {
		parts.push(tokens[i + 1].value);
		i += 2;
	}
	if (isPunct(tokens[i], '(') && !DEFINING_KEYWORDS.has(keyword)) return i;
	const name = parts.length === 1 ? parts[0] : parts.length === 2 && CELL_SCHEMAS.has(parts[0]) ? parts[1] : null;
	if (name !== null && parts.length === 1 && scopes.some((s) => s.has(name))) return i;
	if (name !== null) refs.add(name);
	return i;
}

/**
 * Reads `WITH [RECURSIVE] a [(cols)] AS [NOT MATERIALIZED] (body), b AS (...)`, walking each body
 * and adding the names to `ctes`; anything else (WITH ORDINALITY …) is skipped as a plain word.
 */
function readWith(
	tokens: SqlToken[],
	start: number,
	scopes: readonly Set<string>[],
	ctes: Set<string>,
	refs: Set<string>
): number {
	let i = start + 1;
	const recursive = isWord(tokens[i], 'recursive');
	if (recursive) i += 1;
	for (;;) {
		const nameToken = tokens[i];
		if (nameToken === undefined || !isName(nameToken)) return i;
		let k = i + 1;
		if (isPunct(tokens[k], '(')) k = closingParen(tokens, k) + 1;
		if (isWord(tokens[k], 'using') && isWord(tokens[k + 1], 'key')) {
			k += 2;
			if (isPunct(tokens[k], '(')) k = closingParen(tokens, k) + 1;
		}
		if (!isWord(tokens[k], 'as')) return start + 1;
		k += 1;
		if (isWord(tokens[k], 'not')) k += 1;
		if (isWord(tokens[k], 'materialized')) k += 1;
		if (!isPunct(tokens[k], '(')) return start + 1;
		// A non-recursive CTE's own name inside its body means the outer table (DuckDB and Postgres agree).
		if (recursive) ctes.add(nameToken.value);
		const end = walkLevel(tokens, k + 1, scopes, true, refs);
		ctes.add(nameToken.value);
		i = end + 1;
		if (!isPunct(tokens[i], ',')) return i;
		i += 1;
	}
}

function closingParen(tokens: SqlToken[], open: number): number {
	let depth = 0;
	for (let i = open; i < tokens.length; i += 1) {
		if (isPunct(tokens[i], '(')) depth += 1;
		else if (isPunct(tokens[i], ')') && --depth === 0) return i;
	}
	return tokens.length;
}

function isName(t: SqlToken): boolean {
	return t.kind === 'quoted' || (t.kind === 'word' && !RESERVED_WORDS.has(t.value));
}

function isPunct(t: SqlToken | undefined, value: string): boolean {
	return t !== undefined && t.kind === 'punct' && t.value === value;
}

function isWord(t: SqlToken | undefined, value: string): boolean {
	return t !== undefined && t.kind === 'word' && t.value === value;
}

// Which words of a query are keywords (shown upper-cased), type names (upper-cased too) and
// names (left exactly as written). Only a word that cannot be a name there is a keyword: DuckDB
// keeps the case of an identifier as written in its result's column names (`SELECT Day` returns
// a column `Day`), so changing the case of a name would change what the cell produces.
import { RESERVED_WORDS } from '../notebook/reserved-words';

export type WordRole = 'keyword' | 'type' | 'name';

/** A token as the roles need it: `lower` is the lower-cased word or the punctuation/operator. */
export interface RoleToken {
	kind: 'word' | 'other' | 'string' | 'number';
	lower: string;
}

// DuckDB's `type_function` keywords (duckdb_keywords()) are accepted as column names too
// (`SELECT columns FROM t` runs), so each is a keyword only where it cannot be a name.
const JOIN_WORDS = new Set(['natural', 'left', 'right', 'full', 'inner', 'outer', 'cross', 'semi', 'anti', 'asof', 'positional']);
const OPERATOR_WORDS = new Set(['is', 'isnull', 'notnull', 'like', 'ilike', 'glob', 'similar', 'overlaps']);
const BY_AFTER = new Set(['group', 'order', 'partition', 'union', 'intersect', 'except', 'all', 'distinct']);
const SET_OPERATIONS = new Set(['union', 'intersect', 'except', 'all', 'distinct']);
/** After AS: a name (an alias, as written), except these, which continue the statement. */
const AFTER_AS_KEYWORDS = new Set(['select', 'with', 'from', 'table', 'pivot', 'unpivot', 'summarize', 'describe', 'not', 'materialized']);
const STATEMENT_STARTS = new Set(
	('insert update delete drop alter copy attach detach install load pragma explain begin commit rollback checkpoint ' +
		'vacuum export import call use prepare execute deallocate reset set').split(' ')
);
const TYPE_NAMES = new Set(
	('bigint int int1 int2 int4 int8 integer smallint tinyint hugeint uhugeint ubigint uinteger usmallint utinyint double ' +
		'float float4 float8 real decimal numeric dec boolean bool varchar text string char bpchar date time timestamp ' +
		'timestamptz datetime interval blob bytea uuid json bit bitstring varint bignum').split(' ')
);
const INTERVAL_UNITS = new Set(
	('year years month months week weeks day days hour hours minute minutes second seconds millisecond milliseconds ' +
		'microsecond microseconds decade decades century centuries millennium millennia quarter quarters').split(' ')
);

/** Context-dependent unreserved keywords: the word is a keyword when `test(prev, next, next2)` holds. */
const CONTEXTUAL: Record<string, (p: RoleToken | undefined, n: RoleToken | undefined, n2: RoleToken | undefined) => boolean> = {
	over: (p, n) => is(p, ')') && (is(n, '(') || n?.kind === 'word'),
	filter: (p, n) => is(p, ')') && is(n, '('),
	within: (_, n) => is(n, 'group'),
	nulls: (_, n) => is(n, 'first') || is(n, 'last'),
	first: (p) => is(p, 'nulls'),
	last: (p) => is(p, 'nulls'),
	partition: (_, n) => is(n, 'by'),
	rows: (_, n) => is(n, 'between') || is(n, 'unbounded') || is(n, 'current'),
	range: (_, n) => is(n, 'between') || is(n, 'unbounded') || is(n, 'current'),
	groups: (_, n) => is(n, 'between') || is(n, 'unbounded') || is(n, 'current'),
	unbounded: (_, n) => is(n, 'preceding') || is(n, 'following'),
	preceding: (p) => is(p, 'unbounded') || p?.kind === 'number',
	following: (p) => is(p, 'unbounded') || p?.kind === 'number',
	current: (_, n) => is(n, 'row'),
	row: (p) => is(p, 'current'),
	recursive: (p) => is(p, 'with'),
	ordinality: (p) => is(p, 'with'),
	rollup: (p, n) => (is(p, 'by') || is(p, ',')) && is(n, '('),
	cube: (p, n) => (is(p, 'by') || is(p, ',')) && is(n, '('),
	grouping: (_, n) => is(n, 'sets'),
	sets: (p) => is(p, 'grouping'),
	exclude: (p, n) => is(p, '*') && is(n, '('),
	replace: (p, n) => (is(p, '*') && is(n, '(')) || is(p, 'or'),
	rename: (p, n) => is(p, '*') && is(n, '('),
	sample: (p) => is(p, 'using'),
	between: () => true,
	exists: (_, n) => is(n, '('),
	values: (_, n) => is(n, '('),
	if: (_, n) => is(n, 'not') || is(n, 'exists'),
	at: (_, n) => is(n, 'time'),
	time: (p, n) => (is(p, 'at') || is(p, 'with') || is(p, 'without')) && is(n, 'zone'),
	zone: (p) => is(p, 'time'),
	temp: (p) => is(p, 'create'),
	temporary: (p) => is(p, 'create'),
	view: (p) => is(p, 'create') || is(p, 'replace') || is(p, 'drop') || is(p, 'temp') || is(p, 'temporary'),
	macro: (p) => is(p, 'create') || is(p, 'replace') || is(p, 'drop') || is(p, 'temp') || is(p, 'temporary'),
	variable: (p) => is(p, 'set') || is(p, 'reset'),
	interval: (_, n) => n?.kind === 'string' || n?.kind === 'number' || is(n, '(')
};

function is(token: RoleToken | undefined, lower: string): boolean {
	return token !== undefined && token.lower === lower;
}

/**
 * The role of each word of `tokens` (comments left out), null for the others. Inside
 * `cast(` / `try_cast(` parentheses the word after AS is a type, elsewhere an alias.
 */
export function wordRoles(tokens: readonly RoleToken[]): (WordRole | null)[] {
	const roles: (WordRole | null)[] = [];
	const castLevels: boolean[] = [];
	let statementStart = true;
	for (let i = 0; i < tokens.length; i += 1) {
		const t = tokens[i];
		const prev = tokens[i - 1];
		if (t.kind !== 'word') {
			roles.push(null);
			if (t.lower === '(') castLevels.push(prev?.kind === 'word' && (prev.lower === 'cast' || prev.lower === 'try_cast'));
			else if (t.lower === ')') castLevels.pop();
			statementStart = t.lower === ';';
			continue;
		}
		roles.push(roleOf(t, prev, tokens[i + 1], tokens[i + 2], statementStart, castLevels.at(-1) === true, tokens[i - 2]));
		statementStart = false;
	}
	return roles;
}

function roleOf(
	t: RoleToken,
	prev: RoleToken | undefined,
	next: RoleToken | undefined,
	next2: RoleToken | undefined,
	statementStart: boolean,
	inCast: boolean,
	prev2: RoleToken | undefined
): WordRole {
	const w = t.lower;
	// t.name, name.column: always names, whatever the word.
	if (is(prev, '.') || is(next, '.')) return 'name';
	if (is(prev, '::')) return TYPE_NAMES.has(w) ? 'type' : 'name';
	if (is(prev, 'as')) {
		if (inCast) return TYPE_NAMES.has(w) ? 'type' : 'name';
		return AFTER_AS_KEYWORDS.has(w) || (w === 'values' && is(next, '(')) ? 'keyword' : 'name';
	}
	if (statementStart && STATEMENT_STARTS.has(w)) return 'keyword';
	if (RESERVED_WORDS.has(w)) return 'keyword';
	if (w === 'join') return 'keyword';
	if (JOIN_WORDS.has(w)) return next !== undefined && (next.lower === 'join' || JOIN_WORDS.has(next.lower)) ? 'keyword' : 'name';
	if (w === 'by') return prev !== undefined && BY_AFTER.has(prev.lower) ? 'keyword' : 'name';
	// UNION [ALL] BY NAME (not ORDER BY name).
	if (w === 'name' && is(prev, 'by') && prev2 !== undefined && SET_OPERATIONS.has(prev2.lower)) return 'keyword';
	if (OPERATOR_WORDS.has(w)) return is(next, '(') ? 'name' : 'keyword';
	// A typed literal: DATE '2020-01-01', TIMESTAMP '…'.
	if (TYPE_NAMES.has(w) && next?.kind === 'string' && w !== 'interval') return 'type';
	// INTERVAL 1 DAY, INTERVAL '2' HOURS.
	if (INTERVAL_UNITS.has(w) && (prev?.kind === 'number' || prev?.kind === 'string') && is(prev2, 'interval')) return 'keyword';
	const contextual = CONTEXTUAL[w];
	return contextual?.(prev, next, next2) ? 'keyword' : 'name';
}

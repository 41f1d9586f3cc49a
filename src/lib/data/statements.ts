// Just enough SQL lexing to split a cell into statements and see whether it is a query that
// can be materialised (`CREATE TABLE … AS <query>`). Strings, quoted identifiers and comments
// are skipped so a `;` inside them does not split.

/** Splits SQL text on top-level semicolons; drops empty statements. */
export function splitStatements(sql: string): string[] {
	const out: string[] = [];
	let start = 0;
	let i = 0;
	while (i < sql.length) {
		const ch = sql[i];
		if (ch === "'" || ch === '"') {
			i = skipQuoted(sql, i, ch);
		} else if (ch === '-' && sql[i + 1] === '-') {
			const nl = sql.indexOf('\n', i);
			i = nl === -1 ? sql.length : nl + 1;
		} else if (ch === '/' && sql[i + 1] === '*') {
			i = skipBlockComment(sql, i);
		} else if (ch === '$') {
			i = skipDollarQuoted(sql, i);
		} else if (ch === ';') {
			out.push(sql.slice(start, i));
			start = ++i;
		} else {
			i++;
		}
	}
	out.push(sql.slice(start));
	return out.filter((s) => stripComments(s).trim().length > 0);
}

function skipQuoted(sql: string, i: number, quote: string): number {
	i++;
	while (i < sql.length) {
		if (sql[i] === quote) {
			if (sql[i + 1] === quote) i += 2;
			else return i + 1;
		} else i++;
	}
	return i;
}

function skipBlockComment(sql: string, i: number): number {
	let depth = 0;
	while (i < sql.length) {
		if (sql[i] === '/' && sql[i + 1] === '*') {
			depth++;
			i += 2;
		} else if (sql[i] === '*' && sql[i + 1] === '/') {
			depth--;
			i += 2;
			if (depth === 0) return i;
		} else i++;
	}
	return i;
}

function skipDollarQuoted(sql: string, i: number): number {
	const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
	if (!tag) return i + 1; // a $variable or $1 parameter
	const end = sql.indexOf(tag[0], i + tag[0].length);
	return end === -1 ? sql.length : end + tag[0].length;
}

/** Removes comments (keeps strings intact). */
export function stripComments(sql: string): string {
	let out = '';
	let i = 0;
	while (i < sql.length) {
		const ch = sql[i];
		if (ch === "'" || ch === '"') {
			const end = skipQuoted(sql, i, ch);
			out += sql.slice(i, end);
			i = end;
		} else if (ch === '-' && sql[i + 1] === '-') {
			const nl = sql.indexOf('\n', i);
			i = nl === -1 ? sql.length : nl;
		} else if (ch === '/' && sql[i + 1] === '*') {
			i = skipBlockComment(sql, i);
			out += ' ';
		} else {
			out += ch;
			i++;
		}
	}
	return out;
}

const QUERY_START = /^\s*(\(|select\b|with\b|from\b|values\b|table\b|pivot\b|unpivot\b)/i;

/** True when `sql` is exactly one statement and that statement is a query. */
export function isSingleQuery(sql: string): boolean {
	const statements = splitStatements(sql);
	return statements.length === 1 && QUERY_START.test(stripComments(statements[0]));
}

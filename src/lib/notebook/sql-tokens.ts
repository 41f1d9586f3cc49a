export type SqlTokenKind = 'word' | 'quoted' | 'string' | 'number' | 'variable' | 'parameter' | 'punct' | 'comment';

export interface SqlToken {
	kind: SqlTokenKind;
	/** word, quoted identifier, variable: the lower-cased name (DuckDB identifiers are case-insensitive); punct: the character. */
	value: string;
	start: number;
	/** Just past the token's last character (an unclosed string or comment runs to the end). */
	end: number;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;
const VARIABLE = /\$([A-Za-z_][A-Za-z0-9_]*)/y;
const PARAMETER = /\$\d+/y;
const NUMBER = /(\d[\d_]*(\.[\d_]*)?|\.\d[\d_]*)([eE][+-]?\d+)?/y;

/** Tokens of SQL text with comments and whitespace dropped; never throws (unclosed strings and comments run to the end). */
export function tokenizeSql(sql: string): SqlToken[] {
	return lexSql(sql).filter((t) => t.kind !== 'comment');
}

/** Every token of SQL text, comments included (value ''), whitespace dropped: what a formatter or an editor needs. */
export function lexSql(sql: string): SqlToken[] {
	const tokens: SqlToken[] = [];
	let i = 0;
	const n = sql.length;
	while (i < n) {
		const c = sql[i];
		const next = sql[i + 1];
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
			i += 1;
		} else if (c === '-' && next === '-') {
			// The comment ends before its newline: the newline is whitespace.
			const end = sql.indexOf('\n', i);
			tokens.push({ kind: 'comment', value: '', start: i, end: end < 0 ? n : end });
			i = end < 0 ? n : end + 1;
		} else if (c === '/' && next === '*') {
			const end = skipBlockComment(sql, i);
			tokens.push({ kind: 'comment', value: '', start: i, end });
			i = end;
		} else if (c === "'") {
			const end = skipQuoted(sql, i, "'", false);
			tokens.push({ kind: 'string', value: '', start: i, end });
			i = end;
		} else if (c === '"') {
			const end = skipQuoted(sql, i, '"', false);
			const body = sql.slice(i + 1, sql[end - 1] === '"' ? end - 1 : end);
			tokens.push({ kind: 'quoted', value: body.replaceAll('""', '"').toLowerCase(), start: i, end });
			i = end;
		} else if (c === '$') {
			i = lexDollar(sql, i, tokens);
		} else if ((c === 'E' || c === 'e') && next === "'") {
			const end = skipQuoted(sql, i + 1, "'", true);
			tokens.push({ kind: 'string', value: '', start: i, end });
			i = end;
		} else if (WORD_START.test(c)) {
			let end = i + 1;
			while (end < n && WORD_PART.test(sql[end])) end += 1;
			tokens.push({ kind: 'word', value: sql.slice(i, end).toLowerCase(), start: i, end });
			i = end;
		} else if (/\d/.test(c) || (c === '.' && /\d/.test(next ?? ''))) {
			NUMBER.lastIndex = i;
			NUMBER.exec(sql);
			tokens.push({ kind: 'number', value: sql.slice(i, NUMBER.lastIndex), start: i, end: NUMBER.lastIndex });
			i = NUMBER.lastIndex;
		} else {
			tokens.push({ kind: 'punct', value: c, start: i, end: i + 1 });
			i += 1;
		}
	}
	return tokens;
}

function skipBlockComment(sql: string, start: number): number {
	let depth = 0;
	let i = start;
	while (i < sql.length) {
		if (sql.startsWith('/*', i)) {
			depth += 1;
			i += 2;
		} else if (sql.startsWith('*/', i)) {
			depth -= 1;
			i += 2;
			if (depth === 0) return i;
		} else {
			i += 1;
		}
	}
	return sql.length;
}

/** Index just past the closing quote; a doubled quote is an escaped quote. */
function skipQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
	let i = start + 1;
	while (i < sql.length) {
		const c = sql[i];
		if (backslashEscapes && c === '\\') {
			i += 2;
		} else if (c === quote) {
			if (sql[i + 1] !== quote) return i + 1;
			i += 2;
		} else {
			i += 1;
		}
	}
	return sql.length;
}

function lexDollar(sql: string, start: number, tokens: SqlToken[]): number {
	DOLLAR_TAG.lastIndex = start;
	const tag = DOLLAR_TAG.exec(sql);
	if (tag) {
		const close = sql.indexOf(tag[0], DOLLAR_TAG.lastIndex);
		const end = close < 0 ? sql.length : close + tag[0].length;
		tokens.push({ kind: 'string', value: '', start, end });
		return end;
	}
	VARIABLE.lastIndex = start;
	const variable = VARIABLE.exec(sql);
	if (variable) {
		tokens.push({ kind: 'variable', value: variable[1].toLowerCase(), start, end: VARIABLE.lastIndex });
		return VARIABLE.lastIndex;
	}
	PARAMETER.lastIndex = start;
	if (PARAMETER.exec(sql)) {
		tokens.push({ kind: 'parameter', value: sql.slice(start, PARAMETER.lastIndex), start, end: PARAMETER.lastIndex });
		return PARAMETER.lastIndex;
	}
	tokens.push({ kind: 'punct', value: '$', start, end: start + 1 });
	return start + 1;
}

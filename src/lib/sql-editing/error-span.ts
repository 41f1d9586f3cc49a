// Where in a query DuckDB's error points. DuckDB ends most errors with the line it failed on
// and a caret under the spot:
//
//   Binder Error: Referenced column "foo" not found in FROM clause!
//   …
//   LINE 2:   AND foo > 2
//                 ^
//
// The line is a window of at most ~80 columns (`...` where it was cut) and the caret counts
// display columns (a tab counts none). Errors without it (`syntax error at end of input`, an
// ambiguous column) name the word instead, which is looked up in the text.
import { lexSql, type SqlToken } from '../notebook/sql-tokens';

/** A range of text: `from` inclusive, `to` exclusive. */
export interface TextSpan {
	from: number;
	to: number;
}

const CONTEXT = /LINE (\d+): (.*)\n( *)\^/;

/** The span of `sql` (the text DuckDB ran) that `message` points at, or null when it names no place. */
export function errorSpan(message: string, sql: string): TextSpan | null {
	const tokens = lexSql(sql).filter((t) => t.kind !== 'comment');
	// DuckDB-WASM places the caret right only in the first statement of a request: in a later
	// one it is off by the statements before it, or missing (measured on 1.32). The word the
	// message names is the better guess there.
	const firstEnd = tokens.find((t) => t.kind === 'punct' && t.value === ';')?.start ?? sql.length;
	const caret = caretOffset(message, sql);
	const at = caret !== null && caret <= firstEnd ? caret : namedOffset(message, sql, tokens);
	if (at === null) return null;
	return spanAt(tokens, at, sql.length);
}

/** The offset in `sql` under DuckDB's caret, or null when the message has none (or it does not match the text). */
function caretOffset(message: string, sql: string): number | null {
	const match = CONTEXT.exec(message);
	if (!match) return null;
	const lineNo = Number(match[1]);
	const context = match[2];
	const caret = match[3].length - `LINE ${match[1]}: `.length;
	const lines = sql.split('\n');
	if (lineNo < 1 || lineNo > lines.length || caret < 0) return null;
	const lineStart = lines.slice(0, lineNo - 1).reduce((n, line) => n + line.length + 1, 0);
	const line = lines[lineNo - 1].replace(/\r$/, '');
	// The window shown: the line itself, or a piece of it with `...` on a cut side.
	const cutStart = context.startsWith('...');
	let shown = cutStart ? context.slice(3) : context;
	if (shown.endsWith('...') && !line.endsWith(shown)) shown = shown.slice(0, -3);
	const windowStart = cutStart ? line.indexOf(shown) : line.startsWith(shown) ? 0 : -1;
	if (windowStart < 0) return null;
	const column = columnToIndex(shown, caret - (cutStart ? 3 : 0));
	return column === null ? null : lineStart + windowStart + column;
}

/** The UTF-16 index in `text` at display column `column`, counted as DuckDB renders (utf8proc widths). */
function columnToIndex(text: string, column: number): number | null {
	let width = 0;
	let index = 0;
	for (const ch of text) {
		const w = displayWidth(ch);
		if (width >= column && w > 0) return index;
		width += w;
		index += ch.length;
	}
	return width >= column ? index : null;
}

function displayWidth(ch: string): number {
	if (/[\p{Cc}\p{Mn}\p{Me}]/u.test(ch)) return 0;
	return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u{FF01}-\u{FF60}\p{Extended_Pictographic}]/u.test(ch) ? 2 : 1;
}

/** Errors without a caret: the offset of the word they name, or of the end of the text. */
function namedOffset(message: string, sql: string, tokens: SqlToken[]): number | null {
	if (/syntax error at end of input/.test(message)) return tokens.at(-1)?.start ?? null;
	const near = /syntax error at or near "([^"]*)"/.exec(message);
	if (near) return tokens.find((t) => sql.slice(t.start, t.end) === near[1])?.start ?? null;
	const named =
		/column(?: name)? "([^"]+)"/i.exec(message) ??
		/(?:Table|Function) with name "?([^"\s]+)"? does not exist/i.exec(message);
	if (!named) return null;
	const name = named[1].toLowerCase();
	// The first unqualified use of the name.
	const found = tokens.find(
		(t, i) => (t.kind === 'word' || t.kind === 'quoted') && t.value === name && !(tokens[i - 1]?.kind === 'punct' && tokens[i - 1].value === '.')
	);
	return found?.start ?? null;
}

/**
 * The token at `at`, widened to what a reader sees as one thing: a qualified name (`t.col`)
 * or a call with its arguments (`sum(x)`). Past the end: the last character.
 */
function spanAt(tokens: SqlToken[], at: number, length: number): TextSpan | null {
	const i = tokens.findIndex((t) => t.start <= at && at < t.end);
	if (i < 0) return length === 0 ? null : { from: Math.min(at, length - 1), to: Math.min(at, length - 1) + 1 };
	let first = i;
	let last = i;
	const isName = (t: SqlToken | undefined) => t !== undefined && (t.kind === 'word' || t.kind === 'quoted');
	const isPunct = (t: SqlToken | undefined, c: string) => t !== undefined && t.kind === 'punct' && t.value === c;
	if (isPunct(tokens[i], ':') && isPunct(tokens[i + 1], ':') && i > 0 && isName(tokens[i + 2])) {
		// A failed cast `value::TYPE`: DuckDB points at the `::`; the value and the type are what failed.
		first = isPunct(tokens[i - 1], ')') ? openingParen(tokens, i - 1) : i - 1;
		if (first > 0 && isName(tokens[first - 1]) && isPunct(tokens[first], '(') && tokens[first - 1].end === tokens[first].start) first -= 1;
		last = i + 2;
		if (isPunct(tokens[last + 1], '(')) last = closingParen(tokens, last + 1);
		return { from: tokens[first].start, to: tokens[last].end };
	}
	if (isName(tokens[i])) {
		while (isPunct(tokens[last + 1], '.') && isName(tokens[last + 2])) last += 2;
		if (isPunct(tokens[last + 1], '(') && tokens[last + 1].start === tokens[last].end) last = closingParen(tokens, last + 1);
	}
	return { from: tokens[first].start, to: tokens[last].end };
}

function openingParen(tokens: SqlToken[], close: number): number {
	let depth = 0;
	for (let k = close; k >= 0; k -= 1) {
		if (tokens[k].kind !== 'punct') continue;
		if (tokens[k].value === ')') depth += 1;
		else if (tokens[k].value === '(' && --depth === 0) return k;
	}
	return close;
}

function closingParen(tokens: SqlToken[], open: number): number {
	let depth = 0;
	for (let k = open; k < tokens.length; k += 1) {
		if (tokens[k].kind !== 'punct') continue;
		if (tokens[k].value === '(') depth += 1;
		else if (tokens[k].value === ')' && --depth === 0) return k;
	}
	return open - 1;
}

// Formats SQL text for reading: keywords upper-cased, each clause on its own line, long lists
// and conditions one item per line, subqueries indented. It only moves whitespace and changes
// the case of keywords: every other character (names, strings, comments, numbers) is kept as
// written and in order, so the formatted query is the same query (names keep their case, see
// sql-word-roles.ts). Text it cannot make sense of (unbalanced parentheses) is still kept.
import { lexSql, type SqlToken } from '../notebook/sql-tokens';
import { wordRoles, type RoleToken, type WordRole } from './sql-word-roles';

export interface FormatOptions {
	/** One level of indentation (default two spaces). */
	indent?: string;
	/** A list or condition longer than this is broken over lines (default 80). */
	width?: number;
}

interface Tok {
	kind: SqlToken['kind'] | 'op';
	/** Lower-cased word; the text of punctuation and operators. */
	lower: string;
	/** What is written. */
	text: string;
	role: WordRole | null;
	/** A line break came before it in the source (a comment on its own line stays there). */
	newlineBefore: boolean;
	/** A `-` or `+` sign rather than an operator between two values. */
	unary: boolean;
}
interface Group {
	open: Tok;
	items: Node[];
	close: Tok | null;
}
type Node = Tok | Group;
interface Clause {
	/** Comments on their own lines before the clause. */
	lead: Tok[];
	head: Node[];
	body: Node[];
}
type Layout = { indent: string; width: number };

export function formatSql(sql: string, options: FormatOptions = {}): string {
	const layout = { indent: options.indent ?? '  ', width: options.width ?? 80 };
	const printer = new Printer(layout.indent);
	formatBlock(buildTree(tokensOf(sql)), 0, printer, layout);
	return printer.text();
}

// ---- tokens ------------------------------------------------------------------------------

const OPERATOR_CHARS = '+-*/<>=~!@#%^&|`?';
const SIGN_KEEPING = '~!@#%^&|`?';
const VALUE_KEYWORDS = new Set(['end', 'null', 'true', 'false']);

function tokensOf(sql: string): Tok[] {
	const raw = lexSql(sql);
	const out: Tok[] = [];
	let prevEnd = 0;
	for (let i = 0; i < raw.length; i += 1) {
		const t = raw[i];
		const newlineBefore = sql.slice(prevEnd, t.start).includes('\n');
		const make = (kind: Tok['kind'], text: string): Tok => ({ kind, lower: kind === 'word' ? t.value : text, text, role: null, newlineBefore, unary: false });
		if (t.kind === 'punct' && OPERATOR_CHARS.includes(t.value)) {
			// Adjacent operator characters are one operator, split as DuckDB's lexer (PostgreSQL's)
			// does: it ends in + or - only when it holds one of ~!@#%^&|`? (so `=-1` is `=` `-1`).
			let j = i;
			while (raw[j + 1]?.kind === 'punct' && raw[j + 1].start === raw[j].end && OPERATOR_CHARS.includes(raw[j + 1].value)) j += 1;
			const run = sql.slice(t.start, raw[j].end);
			const parts = splitOperator(run);
			parts.forEach((part, k) => out.push({ ...make('op', part), newlineBefore: k === 0 && newlineBefore }));
			prevEnd = raw[j].end;
			i = j;
			continue;
		}
		if (t.kind === 'punct' && t.value === ':' && raw[i + 1]?.start === t.end && (raw[i + 1].value === ':' || raw[i + 1].value === '=')) {
			out.push(make('op', `:${raw[i + 1].value}`));
			prevEnd = raw[i + 1].end;
			i += 1;
			continue;
		}
		out.push(make(t.kind, sql.slice(t.start, t.end)));
		prevEnd = t.end;
	}
	assignRoles(out);
	return out;
}

function splitOperator(run: string): string[] {
	const tail: string[] = [];
	let op = run;
	while (op.length > 1 && /[+-]$/.test(op) && ![...op].some((c) => SIGN_KEEPING.includes(c))) {
		tail.unshift(op.slice(-1));
		op = op.slice(0, -1);
	}
	return [op, ...tail];
}

function assignRoles(tokens: Tok[]): void {
	const significant = tokens.filter((t) => t.kind !== 'comment');
	const roleTokens: RoleToken[] = significant.map((t) => ({
		kind: t.kind === 'word' ? 'word' : t.kind === 'string' ? 'string' : t.kind === 'number' ? 'number' : 'other',
		lower: t.kind === 'word' || t.kind === 'op' || t.kind === 'punct' ? t.lower : t.text
	}));
	const roles = wordRoles(roleTokens);
	significant.forEach((t, i) => {
		t.role = roles[i];
		if (t.role === 'keyword' || t.role === 'type') t.text = t.text.toUpperCase();
		if (t.kind === 'op' && (t.lower === '-' || t.lower === '+')) {
			const prev = significant[i - 1];
			t.unary =
				prev === undefined ||
				((prev.kind === 'op' || prev.kind === 'punct') && !')]}'.includes(prev.lower)) ||
				(prev.role === 'keyword' && !VALUE_KEYWORDS.has(prev.lower));
		}
	});
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Parentheses, brackets and braces become groups (a comma inside one does not split a list). */
function buildTree(tokens: Tok[]): Node[] {
	const root: Node[] = [];
	const stack: Group[] = [];
	for (const t of tokens) {
		const into = stack.at(-1)?.items ?? root;
		const top = stack.at(-1);
		if (t.kind === 'punct' && t.lower in CLOSERS) {
			const group: Group = { open: t, items: [], close: null };
			into.push(group);
			stack.push(group);
		} else if (t.kind === 'punct' && top !== undefined && t.lower === CLOSERS[top.open.lower]) {
			top.close = t;
			stack.pop();
		} else {
			into.push(t);
		}
	}
	return root;
}

const isGroup = (node: Node | undefined): node is Group => node !== undefined && 'open' in node;
const isComment = (node: Node | undefined): node is Tok => node !== undefined && !isGroup(node) && node.kind === 'comment';
/** A keyword (any, or one of `words`). */
const isWord = (node: Node | undefined, ...words: string[]): node is Tok =>
	node !== undefined && !isGroup(node) && node.kind === 'word' && node.role === 'keyword' && (words.length === 0 || words.includes(node.lower));
const isPunct = (node: Node | undefined, text: string): boolean => node !== undefined && !isGroup(node) && node.kind === 'punct' && node.lower === text;

const QUERY_STARTS = ['select', 'with', 'from', 'table', 'pivot', 'unpivot', 'summarize', 'describe'];

/** A parenthesis holding a query: laid out as an indented block. */
function isQueryGroup(group: Group): boolean {
	return group.open.lower === '(' && isWord(group.items.find((n) => !isComment(n)), ...QUERY_STARTS);
}

// ---- layout ------------------------------------------------------------------------------

/** Statements, one after another, each a sequence of clauses. */
function formatBlock(nodes: Node[], level: number, p: Printer, layout: Layout): void {
	const statements: Node[][] = [[]];
	for (let i = 0; i < nodes.length; i += 1) {
		statements.at(-1)!.push(nodes[i]);
		if (isPunct(nodes[i], ';')) {
			while (isComment(nodes[i + 1]) && !(nodes[i + 1] as Tok).newlineBefore) statements.at(-1)!.push(nodes[++i]);
			statements.push([]);
		}
	}
	const nonEmpty = statements.filter((s) => s.length > 0);
	nonEmpty.forEach((statement, k) => {
		if (k > 0) p.newline(level, true);
		splitClauses(statement).forEach((clause, c) => {
			if (c > 0) p.newline(level);
			formatClause(clause, level, p, layout);
		});
	});
}

const JOIN_WORDS = ['natural', 'left', 'right', 'full', 'inner', 'outer', 'cross', 'semi', 'anti', 'asof', 'positional'];

/** How many nodes from `i` make a clause keyword (`GROUP BY`, `LEFT OUTER JOIN`…), 0 if none starts there. */
function clauseHead(nodes: Node[], i: number, first: boolean): number {
	const node = nodes[i];
	if (!isWord(node)) return 0;
	const prev = nodes.slice(0, i).filter((n) => !isComment(n)).at(-1);
	switch (node.lower) {
		case 'select': {
			let k = i + 1;
			if (isWord(nodes[k], 'distinct', 'all')) k += 1;
			if (isWord(nodes[k - 1], 'distinct') && isWord(nodes[k], 'on') && isGroup(nodes[k + 1])) k += 2;
			return k - i;
		}
		case 'where': case 'having': case 'qualify': case 'window': case 'limit': case 'offset': case 'returning':
			return 1;
		case 'values':
			return first ? 1 : 0;
		case 'from':
			return isWord(prev, 'distinct', 'delete') ? 0 : 1;
		case 'with':
			return first ? (isWord(nodes[i + 1], 'recursive') ? 2 : 1) : 0;
		case 'group': case 'order':
			return isWord(nodes[i + 1], 'by') && !isWord(prev, 'within') ? 2 : 0;
		case 'union': case 'intersect': case 'except': {
			let k = i + 1;
			if (isWord(nodes[k], 'all', 'distinct')) k += 1;
			if (isWord(nodes[k], 'by') && !isGroup(nodes[k + 1]) && (nodes[k + 1] as Tok | undefined)?.lower === 'name') k += 2;
			return k - i;
		}
		case 'join':
			return isWord(prev, ...JOIN_WORDS) ? 0 : 1;
		default: {
			if (!JOIN_WORDS.includes(node.lower) || isWord(prev, ...JOIN_WORDS)) return 0;
			let k = i;
			while (isWord(nodes[k], ...JOIN_WORDS)) k += 1;
			return isWord(nodes[k], 'join') ? k + 1 - i : 0;
		}
	}
}

function splitClauses(nodes: Node[]): Clause[] {
	const clauses: Clause[] = [{ lead: [], head: [], body: [] }];
	let seenToken = false;
	for (let i = 0; i < nodes.length; ) {
		const size = clauseHead(nodes, i, !seenToken);
		if (size === 0) {
			clauses.at(-1)!.body.push(nodes[i]);
			if (!isComment(nodes[i])) seenToken = true;
			i += 1;
			continue;
		}
		const current = clauses.at(-1)!;
		// Comments on their own lines just before a clause introduce it.
		const lead: Tok[] = [];
		const leading = current.head.length === 0 && current.body.every(isComment);
		while (isComment(current.body.at(-1)) && (leading || (current.body.at(-1) as Tok).newlineBefore)) lead.unshift(current.body.pop() as Tok);
		if (current.head.length === 0 && current.body.length === 0) clauses.pop();
		clauses.push({ lead, head: nodes.slice(i, i + size), body: [] });
		seenToken = true;
		i += size;
	}
	return clauses;
}

type ClauseShape = 'list' | 'conditions' | 'ctes' | 'flat';

function shapeOf(head: Node[]): ClauseShape {
	const first = head[0];
	if (isWord(first, 'select', 'group', 'order', 'returning', 'from', 'window', 'values')) return 'list';
	if (isWord(first, 'where', 'having', 'qualify', 'join', ...JOIN_WORDS)) return 'conditions';
	if (isWord(first, 'with')) return 'ctes';
	return 'flat';
}

function formatClause(clause: Clause, level: number, p: Printer, layout: Layout): void {
	for (const comment of clause.lead) {
		p.token(comment, level);
		p.newline(level);
	}
	inline(clause.head, level, p, layout);
	const body = clause.body;
	if (body.length === 0) return;
	const shape = shapeOf(clause.head);
	const items = shape === 'list' || shape === 'ctes' ? splitAtCommas(body) : shape === 'conditions' ? splitConditions(body) : [body];
	// One item (`FROM (subquery) AS s`) stays beside its keyword, whatever its length.
	if (items.length === 1 || (shape !== 'ctes' && fits([...clause.head, ...body], level, layout))) {
		inline(body, level, p, layout);
	} else if (shape === 'list') {
		for (const item of items) {
			p.newline(level + 1);
			inline(item, level + 1, p, layout);
		}
	} else if (shape === 'conditions') {
		items.forEach((part, k) => {
			if (k > 0) p.newline(level + 1);
			inline(part, k > 0 ? level + 1 : level, p, layout);
		});
	} else {
		items.forEach((cte, k) => {
			if (k > 0) p.newline(level);
			inline(cte, level, p, layout);
		});
	}
}

/** Writes nodes on the current line; a subquery opens an indented block, a long CASE one too. */
function inline(nodes: Node[], level: number, p: Printer, layout: Layout): void {
	for (let i = 0; i < nodes.length; i += 1) {
		const node = nodes[i];
		if (!p.measuring && isWord(node, 'case')) {
			const end = caseEnd(nodes, i);
			const span = nodes.slice(i, end + 1);
			if (end > i && !fitsAt(span, p.column + 1, layout)) {
				formatCase(span, level, p, layout);
				i = end;
				continue;
			}
		}
		if (isGroup(node)) {
			p.token(node.open, level);
			// A VALUES list stays on its line when it fits: `(VALUES (1), (2)) AS t(x)`.
			const values = node.open.lower === '(' && isWord(node.items.find((n) => !isComment(n)), 'values');
			if (isQueryGroup(node) || (values && !p.measuring && !fitsAt([node], p.column, layout))) {
				p.newline(level + 1);
				formatBlock(node.items, level + 1, p, layout);
				if (node.close) {
					p.newline(level);
					p.token(node.close, level);
				}
			} else if (!p.measuring && node.close && splitAtCommas(node.items).length > 1 && !fitsAt([node], p.column, layout)) {
				// A list too long for its line: one item per line.
				for (const item of splitAtCommas(node.items)) {
					p.newline(level + 1);
					inline(item, level + 1, p, layout);
				}
				p.newline(level);
				p.token(node.close, level);
			} else {
				inline(node.items, level, p, layout);
				if (node.close) p.token(node.close, level);
			}
		} else {
			if (node.kind === 'comment' && node.newlineBefore) p.newline(level);
			p.token(node, level);
		}
	}
}

/** The index of the END closing the CASE at `start` (or `start` when it is not closed). */
function caseEnd(nodes: Node[], start: number): number {
	let depth = 0;
	for (let i = start; i < nodes.length; i += 1) {
		if (isWord(nodes[i], 'case')) depth += 1;
		else if (isWord(nodes[i], 'end') && --depth === 0) return i;
	}
	return start;
}

/** CASE, then each WHEN … THEN … and the ELSE on a line of its own, then END. */
function formatCase(span: Node[], level: number, p: Printer, layout: Layout): void {
	p.token(span[0] as Tok, level);
	let part: Node[] = [];
	let nested = 0;
	const flush = () => {
		if (part.length === 0) return;
		p.newline(level + 1);
		inline(part, level + 1, p, layout);
		part = [];
	};
	for (const node of span.slice(1, -1)) {
		if (isWord(node, 'case')) nested += 1;
		else if (isWord(node, 'end')) nested -= 1;
		else if (nested === 0 && isWord(node, 'when', 'else')) flush();
		part.push(node);
	}
	if (part.length > 0 && !isWord(part[0], 'when', 'else')) {
		// CASE x WHEN …: the operand stays beside CASE.
		inline(part, level, p, layout);
		part = [];
	}
	flush();
	p.newline(level);
	p.token(span.at(-1) as Tok, level);
}

/** Whether the nodes fit on one line at this level, with no comment forcing a break. */
function fits(nodes: Node[], level: number, layout: Layout): boolean {
	return fitsAt(nodes, layout.indent.length * level, layout);
}

function fitsAt(nodes: Node[], column: number, layout: Layout): boolean {
	const trial = new Printer(layout.indent, true);
	inline(nodes, 0, trial, layout);
	const text = trial.text();
	return !trial.hasLineComment && !text.includes('\n') && column + text.length <= layout.width;
}

/** Items separated by top-level commas (each keeps its comma and a comment after it on the same line). */
function splitAtCommas(nodes: Node[]): Node[][] {
	const items: Node[][] = [[]];
	for (let i = 0; i < nodes.length; i += 1) {
		items.at(-1)!.push(nodes[i]);
		if (isPunct(nodes[i], ',')) {
			while (isComment(nodes[i + 1]) && !(nodes[i + 1] as Tok).newlineBefore) items.at(-1)!.push(nodes[++i]);
			if (i + 1 < nodes.length) items.push([]);
		}
	}
	return items;
}

/** Parts starting at each top-level AND / OR (not BETWEEN's AND, nor one inside CASE … END). */
function splitConditions(nodes: Node[]): Node[][] {
	const parts: Node[][] = [[]];
	let between = false;
	let cases = 0;
	for (const node of nodes) {
		if (isWord(node, 'case')) cases += 1;
		else if (isWord(node, 'end') && cases > 0) cases -= 1;
		else if (isWord(node, 'between')) between = true;
		else if (isWord(node, 'and') && between) between = false;
		else if (isWord(node, 'and', 'or') && cases === 0 && parts.at(-1)!.length > 0) parts.push([]);
		parts.at(-1)!.push(node);
	}
	return parts;
}

// ---- printing ----------------------------------------------------------------------------

const NO_SPACE_BEFORE = new Set([',', ')', ']', '}', ';', '.', '::', ':']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '.', '::']);
/** Keywords written like functions: CAST(x AS INT), not CAST (x AS INT). */
const CALL_KEYWORDS = new Set(['cast', 'try_cast', 'array', 'any', 'all', 'some']);

function spaced(prev: Tok | null, cur: Tok): boolean {
	if (prev === null) return false;
	if (cur.kind === 'comment' || prev.kind === 'comment') return true;
	const punct = (t: Tok) => t.kind === 'punct' || t.kind === 'op';
	if (punct(cur) && NO_SPACE_BEFORE.has(cur.lower)) return false;
	if (punct(prev) && NO_SPACE_AFTER.has(prev.lower)) return false;
	if (prev.unary) return false;
	if (cur.kind === 'punct' && (cur.lower === '(' || cur.lower === '[')) {
		if (prev.kind === 'word') return prev.role === 'keyword' && !CALL_KEYWORDS.has(prev.lower);
		if (prev.kind === 'quoted' || prev.kind === 'variable') return false;
		if (prev.kind === 'punct' && (prev.lower === ')' || prev.lower === ']')) return false;
	}
	return true;
}

class Printer {
	#lines: string[] = [];
	#line = '';
	#last: Tok | null = null;
	#breakPending = false;
	/** Where the line comment that ends the current line starts in it. */
	#commentAt: number | null = null;
	hasLineComment = false;

	/** `measuring`: a trial run that lays nothing out over lines by choice. */
	constructor(
		readonly indent: string,
		readonly measuring = false
	) {}

	/** Characters on the current line so far. */
	get column(): number {
		return this.#line.length;
	}

	#atLineStart(): boolean {
		return this.#line.trim() === '';
	}

	/** Starts a new line at `level` (unless the current one is still empty); `blank` leaves an empty line first. */
	newline(level: number, blank = false): void {
		if (!this.#atLineStart()) this.#lines.push(this.#line.trimEnd());
		if (blank) this.#lines.push('');
		this.#line = this.indent.repeat(level);
		this.#breakPending = false;
	}

	token(t: Tok, level: number): void {
		// A comma after a line comment goes before it: `a, -- note`, not a line holding only `,`.
		if (this.#breakPending && t.kind === 'punct' && t.lower === ',' && this.#commentAt !== null) {
			this.#line = `${this.#line.slice(0, this.#commentAt).trimEnd()}, ${this.#line.slice(this.#commentAt)}`;
			this.#last = t;
			return;
		}
		if (this.#breakPending) this.newline(level);
		if (!this.#atLineStart() && spaced(this.#last, t)) this.#line += ' ';
		if (t.kind === 'comment') this.#commentAt = this.#line.length;
		this.#line += t.text;
		this.#last = t;
		if (t.kind === 'comment' && t.text.startsWith('--')) {
			this.#breakPending = true;
			this.hasLineComment = true;
		}
	}

	text(): string {
		const lines = this.#atLineStart() ? this.#lines : [...this.#lines, this.#line.trimEnd()];
		return lines.join('\n');
	}
}

import { isValidCellName, newCellId, type CellData, type CellId, type CellKind } from './cell';
import { PROSE_KIND, syntaxOf, type CellSyntaxes } from './cell-syntax';
import type { CellLayout, NotebookDocument } from './document';
import { parseAttributes } from './fence-attributes';
import { NOTEBOOK_MAGIC, parseFrontMatter } from './front-matter';
import { NotebookFormatError } from './notebook-format-error';
import { isReservedWord } from './reserved-words';
import { isBlank, isClosingFence, openingFence, splitLines, type TextLine } from './text-lines';

/** A fence that opens a cell: ≥3 backticks at the start of a line, then one of the kinds' names. */
function cellFence(kinds: CellSyntaxes): RegExp {
	const names = [...kinds.keys()].filter((k) => k !== PROSE_KIND);
	return new RegExp(`^(\`{3,})[ \\t]*(${names.join('|')})(?=\\s|$)([^\`]*)$`);
}
/** A line `<!-- cell -->` (optionally with attributes) starts a new markdown cell. */
const CELL_MARKER = /^<!--[ \t]*cell(?=[\s-])(.*?)-->[ \t]*$/;

interface Block {
	kind: CellKind;
	/** 0-based lines: the block's first (fence or marker), its body's first and last (bodyStart -1: no body yet), the block's last. */
	start: number;
	bodyStart: number;
	bodyEnd: number;
	end: number;
	attrText: string;
	fence: number;
}

export interface ParseOptions {
	/** The cell kinds a file may hold (a fence naming another word is prose). */
	kinds: CellSyntaxes;
	/**
	 * `strict` (default) rejects what a cell could not run: duplicate names, invalid chart or
	 * input JSON. `lenient` reads them anyway (the cells then fail when run, in place) and is
	 * for the app's own autosave, which can hold a half-typed spec: it must never be refused.
	 */
	mode?: 'strict' | 'lenient';
}

/** Reads a notebook file; throws NotebookFormatError naming the line, the problem and the fix. */
export function parseNotebook(input: string, options: ParseOptions): NotebookDocument {
	const strict = options.mode !== 'lenient';
	const bom = input.startsWith('\uFEFF');
	const text = bom ? input.slice(1) : input;
	const lines = splitLines(text);
	const { frontMatter, end } = parseFrontMatter(text, lines);
	const eol = /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n';

	const fence = cellFence(options.kinds);
	const cells: CellData[] = [];
	const layouts = new Map<CellId, CellLayout>();
	const defined = new Map<string, number>();
	let previous: CellId | null = null;
	let previousEnd = end < 0 ? 0 : lines[end].end;
	for (const block of findBlocks(lines, end + 1, fence)) {
		const cell = readCell(block, lines);
		checkCell(cell, block, defined, strict, options.kinds);
		const first = lines[block.start];
		const last = lines[block.end];
		cells.push(cell);
		layouts.set(cell.id, {
			kind: cell.kind,
			name: cell.name,
			source: cell.source,
			attrs: { ...cell.attrs },
			raw: text.slice(first.start, last.end),
			previous,
			before: text.slice(previousEnd, first.start),
			header: block.start === block.bodyStart ? null : first.text,
			footer: block.kind === 'markdown' ? null : last.text,
			fence: block.fence
		});
		previous = cell.id;
		previousEnd = last.end;
	}
	if (!frontMatter?.magic && !cells.some((c) => c.kind !== PROSE_KIND)) {
		const fences = [...options.kinds.keys()].filter((k) => k !== PROSE_KIND).map((k) => '```' + k);
		throw new NotebookFormatError(
			1,
			`not a Customer Intelligence notebook: it has no \`notebook: ${NOTEBOOK_MAGIC}\` front matter and no cell; ` +
				`add a cell (a fenced block such as ${fences.slice(0, 3).join(', ')}) or the front matter`
		);
	}
	return {
		version: 1,
		title: frontMatter?.magic ? frontMatter.title : frontMatter?.title || firstHeading(cells),
		meta: frontMatter?.meta ?? {},
		cells,
		layout: { bom, eol, frontMatter, cells: layouts, last: previous, tail: text.slice(previousEnd) }
	};
}

/** The cells' blocks in document order; lazily, so an earlier cell's problem is reported before a later one's. */
function* findBlocks(lines: TextLine[], from: number, fenceOf: RegExp): Generator<Block> {
	let prose: Block | null = null;
	let i = from;
	while (i < lines.length) {
		const line = lines[i].text;
		const cellFence = fenceOf.exec(line);
		if (cellFence) {
			if (hasBody(prose)) yield prose;
			prose = null;
			const fence = cellFence[1].length;
			const close = findLine(lines, i + 1, (text) => isClosingFence(text, '`', fence));
			const [, backticks, kind, attrText] = cellFence;
			if (close < 0) throw new NotebookFormatError(i + 1, `unclosed ${backticks}${kind} fence opened here; add a closing ${backticks} line`);
			yield { kind: kind as CellKind, start: i, bodyStart: i + 1, bodyEnd: close - 1, end: close, attrText, fence };
			i = close + 1;
			continue;
		}
		const marker = CELL_MARKER.exec(line);
		if (marker) {
			if (hasBody(prose)) yield prose;
			prose = { kind: PROSE_KIND, start: i, bodyStart: -1, bodyEnd: -1, end: i, attrText: marker[1], fence: 0 };
			i += 1;
			continue;
		}
		if (isBlank(line)) {
			i += 1;
			continue;
		}
		prose ??= { kind: PROSE_KIND, start: i, bodyStart: i, bodyEnd: i, end: i, attrText: '', fence: 0 };
		if (prose.bodyStart < 0) prose.bodyStart = i;
		let last = i;
		const code = openingFence(line);
		if (code) {
			// Code in prose (```python, plain ```) is markdown content; it ends only at its own closing fence.
			last = findLine(lines, i + 1, (text) => isClosingFence(text, code.char, code.length));
			if (last < 0) {
				const opening = code.char.repeat(code.length);
				throw new NotebookFormatError(i + 1, `unclosed ${opening}${code.info} fence opened here; add a closing ${opening} line`);
			}
		}
		prose.bodyEnd = last;
		prose.end = last;
		i = last + 1;
	}
	if (hasBody(prose)) yield prose;
}

function findLine(lines: TextLine[], from: number, test: (text: string) => boolean): number {
	for (let i = from; i < lines.length; i += 1) if (test(lines[i].text)) return i;
	return -1;
}

function hasBody(block: Block | null): block is Block {
	return block !== null && block.bodyStart >= 0;
}

function readCell(block: Block, lines: TextLine[]): CellData {
	const attrs = parseAttributes(block.attrText);
	if (!attrs.ok) throw new NotebookFormatError(block.start + 1, attrs.error);
	const name = attrs.attrs.get('name') ?? null;
	attrs.attrs.delete('name');
	const source = lines.slice(block.bodyStart, block.bodyEnd + 1).map((l) => l.text).join('\n');
	return { id: newCellId(), kind: block.kind, name, source, attrs: Object.fromEntries(attrs.attrs) };
}

function checkCell(cell: CellData, block: Block, defined: Map<string, number>, strict: boolean, kinds: CellSyntaxes): void {
	const line = block.start + 1;
	const syntax = syntaxOf(kinds, cell.kind);
	if (cell.name !== null) {
		if (!isValidCellName(cell.name)) {
			throw new NotebookFormatError(
				line,
				`invalid cell name \`${cell.name}\`; use a letter or underscore followed by letters, digits or underscores (at most 63 characters), e.g. name=daily_sales`
			);
		}
		if (isReservedWord(cell.name)) {
			throw new NotebookFormatError(line, `cell name \`${cell.name}\` is a reserved SQL word; choose another name, e.g. name=${cell.name}_result`);
		}
		const key = cell.name.toLowerCase();
		const earlier = defined.get(key);
		if (strict && syntax.defines !== null && earlier !== undefined) {
			throw new NotebookFormatError(line, `duplicate cell name \`${cell.name}\`: also defined on line ${earlier}; rename one of them`);
		}
		if (syntax.defines !== null) defined.set(key, line);
	}
	if (!strict) return;
	const problem = syntax.check(cell);
	if (problem === null) return;
	const label = `${cell.kind} cell${cell.name === null ? '' : ` \`${cell.name}\``}`;
	throw new NotebookFormatError(problem.line === undefined ? line : block.bodyStart + 1 + problem.line, `${label}: ${problem.message}`);
}

/** A notebook without a title in front matter is called after its first heading, as Markdown tools do. */
function firstHeading(cells: CellData[]): string {
	for (const cell of cells) {
		if (cell.kind !== PROSE_KIND) continue;
		const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(cell.source);
		if (heading) return heading[1];
	}
	return '';
}

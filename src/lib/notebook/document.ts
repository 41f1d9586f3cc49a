import { newCellId, type CellData, type CellId, type CellKind } from './cell';
import type { FrontMatter } from './front-matter';
import { NotebookFormatError } from './notebook-format-error';
import { parseNotebook, type ParseOptions } from './parse-notebook';
export { parseNotebook, type ParseOptions } from './parse-notebook';
export { serializeNotebook } from './serialize-notebook';
export { NotebookFormatError } from './notebook-format-error';

export interface NotebookDocument {
	version: 1;
	title: string;
	/** Front-matter keys other than notebook, version and title. */
	meta: Record<string, string>;
	cells: CellData[];
	/** How the file was laid out when read; serialising reuses it for whatever did not change. */
	layout?: NotebookLayout;
}

export interface NotebookLayout {
	bom: boolean;
	eol: '\n' | '\r\n';
	/** Null: the file had none (plain Markdown); the app writes its own when it saves. */
	frontMatter: FrontMatter | null;
	cells: ReadonlyMap<CellId, CellLayout>;
	/** The cell the file ended with, and the text after it (or after the front matter). */
	last: CellId | null;
	tail: string;
}

export interface CellLayout {
	/** The cell as read; a cell still equal to it is written back as `raw`. */
	kind: CellKind;
	name: string | null;
	source: string;
	attrs: Record<string, string>;
	raw: string;
	/** The cell before it when read (null: the front matter) and the text between the two. */
	previous: CellId | null;
	before: string;
	/** Fenced cells: the opening fence line; markdown: the `<!-- cell -->` line or null. */
	header: string | null;
	/** Fenced cells: the closing fence line. */
	footer: string | null;
	/** Fenced cells: the number of backticks in the opening fence. */
	fence: number;
}

export function createNotebook(title: string, cells: Omit<CellData, 'id'>[]): NotebookDocument {
	return { version: 1, title, meta: {}, cells: cells.map((c) => ({ ...c, id: newCellId() })) };
}

/** The document with these cells; cells whose ids it already had keep their layout. */
export function withCells(doc: NotebookDocument, cells: CellData[]): NotebookDocument {
	return { ...doc, cells };
}

export function parseNotebookSafe(
	text: string,
	options: ParseOptions
): { ok: true; doc: NotebookDocument } | { ok: false; error: NotebookFormatError } {
	try {
		return { ok: true, doc: parseNotebook(text, options) };
	} catch (e) {
		if (e instanceof NotebookFormatError) return { ok: false, error: e };
		throw e;
	}
}

// Reading a notebook file with the kinds this app knows (the parser itself takes them as a
// parameter: see notebook/cell-syntax.ts).
import { parseNotebook, parseNotebookSafe, type NotebookDocument, type NotebookFormatError } from '../notebook';
import { DEFAULT_KINDS, type CellKinds } from './kinds/registry';

export interface ReadOptions {
	/** `strict` for files from elsewhere; `lenient` for the app's own autosave (see ParseOptions). */
	mode?: 'strict' | 'lenient';
	kinds?: CellKinds;
}

/** Throws NotebookFormatError naming the line, the problem and the fix. */
export function readNotebook(text: string, { mode = 'strict', kinds = DEFAULT_KINDS }: ReadOptions = {}): NotebookDocument {
	return parseNotebook(text, { mode, kinds });
}

export function readNotebookSafe(
	text: string,
	{ mode = 'strict', kinds = DEFAULT_KINDS }: ReadOptions = {}
): { ok: true; doc: NotebookDocument } | { ok: false; error: NotebookFormatError } {
	return parseNotebookSafe(text, { mode, kinds });
}

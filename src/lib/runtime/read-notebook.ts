// Reading a notebook file with the kinds this app knows (the parser itself takes them as a
// parameter: see notebook/cell-syntax.ts).
import { parseNotebook, parseNotebookSafe, type NotebookDocument, type NotebookFormatError } from '../notebook';
import { readShareFragment } from '../notebook/share-link';
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

/**
 * A notebook holds SQL and prose, not data: ten times the default notebook. The notebook
 * library keeps at most as much (notebooks/notebook-library.ts), so a file refused here is one
 * it could not have stored, and this message comes first.
 */
export const MAX_NOTEBOOK_CHARS = 1_000_000;

export type OpenedNotebookFile = { ok: true; doc: NotebookDocument; notes: string[] } | { ok: false; message: string };

/** A notebook file the user opened: the document (with notes on what it keeps as text), or the message that names what is wrong. */
export function openNotebookFile(text: string, fileName: string, kinds: CellKinds = DEFAULT_KINDS): OpenedNotebookFile {
	if (text.length > MAX_NOTEBOOK_CHARS) {
		return {
			ok: false,
			message:
				`${fileName} is ${(text.length / 1e6).toFixed(1)} MB of text; a notebook this app opens is at most ${MAX_NOTEBOOK_CHARS / 1e6} MB of SQL and prose. ` +
				'If the file embeds data, open the data with "Open data…" and keep the notebook to its queries.'
		};
	}
	const parsed = readNotebookSafe(text, { kinds });
	if (!parsed.ok) return { ok: false, message: `${fileName} is not a notebook this app can open: ${parsed.error.message}` };
	return { ok: true, doc: parsed.doc, notes: foreignCells(text, kinds) };
}

/**
 * Fenced blocks written as cells (a `name=` attribute) of a kind this app does not run, such as
 * another tool's ```python cell: they open as code in a markdown cell, which the user is told.
 */
function foreignCells(text: string, kinds: CellKinds): string[] {
	const notes: string[] = [];
	const runs = [...kinds.keys()].filter((k) => k !== 'markdown');
	for (const [i, line] of text.split(/\r?\n/).entries()) {
		const fence = /^(?:`{3,}|~{3,})\s*([A-Za-z][\w-]*)\b[^`]*\bname=/.exec(line);
		if (fence && !kinds.has(fence[1] as never)) {
			notes.push(`Line ${i + 1}: a \`${fence[1]}\` cell is not a kind this app runs (it runs ${runs.join(', ')}); it is kept as text in a markdown cell.`);
		}
	}
	return notes;
}

/** The notebook a shared link's fragment carries (see notebook/share-link.ts), read as a file would be. */
export async function openSharedNotebook(hash: string, kinds: CellKinds = DEFAULT_KINDS): Promise<OpenedNotebookFile> {
	const shared = await readShareFragment(hash);
	return shared.ok ? openNotebookFile(shared.text, 'The linked notebook', kinds) : { ok: false, message: shared.message };
}

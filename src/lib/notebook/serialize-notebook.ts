import type { CellData, CellId, CellKind } from './cell';
import type { CellLayout, NotebookDocument } from './document';
import { formatAttributes } from './fence-attributes';
import { serializeFrontMatter } from './front-matter';
import { sameRecord } from './same-record';
import { closeOpenFence, fenceFor } from './text-lines';

/**
 * Writes a notebook. Whatever did not change since parseNotebook is written back byte for byte
 * (cells, the text between them, the front matter, the end of the file); anything else in the
 * canonical form: one blank line between cells, the file's line endings, a final newline.
 */
export function serializeNotebook(doc: NotebookDocument): string {
	const layout = doc.layout;
	const eol = layout?.eol ?? '\n';
	let out = (layout?.bom ? '\uFEFF' : '') + serializeFrontMatter(doc.title, doc.meta, layout?.frontMatter, eol);
	let previous: CellData | null = null;
	for (const cell of doc.cells) {
		const cellLayout = layout?.cells.get(cell.id);
		const chunk = renderCell(cell, cellLayout, previous?.kind ?? null, eol);
		if (chunk === null) continue;
		const previousId: CellId | null = previous?.id ?? null;
		// A file read without front matter has nothing before its first cell to keep apart from it.
		const kept = cellLayout && cellLayout.previous === previousId && (previousId !== null || layout?.frontMatter);
		out += (kept ? cellLayout.before : eol + eol) + chunk;
		previous = cell;
	}
	return out + (layout && layout.last === (previous?.id ?? null) ? layout.tail : eol);
}

/** The cell's text without a final line ending; null for an empty markdown cell, which is left out. */
function renderCell(cell: CellData, layout: CellLayout | undefined, previousKind: CellKind | null, eol: string): string | null {
	const markerNeeded = cell.kind === 'markdown' && (previousKind === 'markdown' || cell.name !== null || Object.keys(cell.attrs).length > 0);
	const sameHeader = layout !== undefined && layout.kind === cell.kind && layout.name === cell.name && sameRecord(layout.attrs, cell.attrs);
	if (sameHeader && layout.source === cell.source && (!markerNeeded || layout.header !== null)) return layout.raw;

	const source = cell.source.replace(/\r\n?/g, '\n');
	if (cell.kind === 'markdown') {
		const body = closeOpenFence(source.replace(/^(\s*\n)+/, '').trimEnd());
		if (body === '') return null;
		const attrs = formatAttributes(cell.name, cell.attrs);
		const marker = sameHeader && layout.header !== null ? layout.header : `<!-- cell${attrs === '' ? '' : ` ${attrs}`} -->`;
		const keepMarker = markerNeeded || (sameHeader && layout.header !== null);
		return [...(keepMarker ? [marker] : []), body].join('\n').replace(/\n/g, eol);
	}
	const fence = fenceFor(source);
	const keep = sameHeader && layout.fence >= fence.length;
	const attrs = formatAttributes(cell.name, cell.attrs);
	const header = keep ? layout.header! : `${fence}${cell.kind}${attrs === '' ? '' : ` ${attrs}`}`;
	const footer = keep ? layout.footer! : fence;
	return [header, ...(source === '' ? [] : [source]), footer].join('\n').replace(/\n/g, eol);
}

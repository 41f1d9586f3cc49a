import type { CellData, CellId } from '../notebook';
import { isValueRef, markdownTree, slug, textOf, type MdElement } from './markdown-tree';

/** A heading of the notebook's markdown, and the cells under it. */
export interface NotebookSection {
	/** The heading's anchor (the same slug the rendered heading carries). */
	id: string;
	text: string;
	/** 1 for `#`, 2 for `##`. */
	level: 1 | 2;
	/**
	 * The cells from the markdown cell that holds the heading up to the next heading of the same
	 * or a higher level (`#` ends a `##` section; a `##` does not end a `#` one), in notebook order.
	 */
	cells: CellId[];
}

/** The `#` and `##` headings of a markdown cell, in order. */
function headings(cell: CellData): { text: string; level: 1 | 2 }[] {
	if (cell.kind !== 'markdown') return [];
	return markdownTree(cell.source)
		.filter((n): n is MdElement => typeof n !== 'string' && !isValueRef(n) && (n.tag === 'h1' || n.tag === 'h2'))
		.map((n) => ({ text: textOf(n), level: n.tag === 'h1' ? 1 : 2 }));
}

/**
 * The notebook's sections, in the order of their headings: what the contents list shows and
 * what "run a section" runs. A heading's section ends at the cell holding the next heading of
 * its level or above.
 */
export function notebookSections(cells: readonly CellData[]): NotebookSection[] {
	const found: { section: NotebookSection; start: number }[] = [];
	cells.forEach((cell, index) => {
		for (const h of headings(cell)) found.push({ section: { id: slug(h.text), text: h.text, level: h.level, cells: [] }, start: index });
	});
	return found.map(({ section, start }, i) => {
		const next = found.slice(i + 1).find((f) => f.section.level <= section.level);
		// A heading followed by another in the same markdown cell heads that cell alone.
		const end = next ? Math.max(next.start, start + 1) : cells.length;
		return { ...section, cells: cells.slice(start, end).map((c) => c.id) };
	});
}

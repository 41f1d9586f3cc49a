// Flags a cell carries in its fence for the page's sake, written bare and kept through a save:
// ```sql name=daily collapsed hide-code```. They change how a cell is shown, never what it
// computes (a cell's fingerprint does not read its attributes).
import type { CellData } from './cell';

export type CellFlag =
	/** The cell shows its header only. */
	| 'collapsed'
	/** The cell's source is hidden; its output (table, chart) shows, as in the report view. */
	| 'hide-code';

export function hasFlag(cell: Pick<CellData, 'attrs'>, flag: CellFlag): boolean {
	return cell.attrs[flag] === 'true';
}

/** Kinds whose rendering (prose, chart, control) stands in for their source, which opens on demand. */
export const RENDERED_KINDS: ReadonlySet<string> = new Set(['markdown', 'chart', 'input']);
